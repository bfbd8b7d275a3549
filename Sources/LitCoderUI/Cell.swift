/// One terminal cell: a base character with its zero-width marks, and a style.
///
/// A character two columns wide sits in its cell and marks the next one as its continuation,
/// so a diff never sends half a character and nothing is drawn over its right half.
///
/// Stored as plain numbers rather than a `String`: a 200×60 screen is 12,000 cells built,
/// compared and thrown away on every key, and reference-counted strings made that the
/// largest cost of a frame.
public struct Cell: Hashable, Sendable {
    /// The base scalar's value (0 for a continuation cell).
    private var base: UInt32
    /// Up to four more scalars of the cluster, 0 where unused; or, for a longer cluster,
    /// `longCluster` plus its number in `LongClusters` in the first lane.
    private var marks: SIMD4<UInt32>
    /// Above every Unicode scalar value: marks a cluster kept in `LongClusters`.
    private static let longCluster: UInt32 = 0x8000_0000
    public var style: Style
    /// The right half of a wide character that starts in the cell to the left.
    public var isContinuation: Bool

    public init(_ text: String = " ", style: Style = .plain, isContinuation: Bool = false) {
        base = 0
        marks = .zero
        self.style = style
        self.isContinuation = isContinuation
        self.text = text
    }

    /// What the cell shows: one grapheme cluster of width 1 or 2, already sanitised (`Glyph`).
    /// Empty for a continuation cell.
    public var text: String {
        get {
            guard base != 0, let scalar = Unicode.Scalar(base) else { return "" }
            if marks[0] & Self.longCluster != 0 { return LongClusters.text(marks[0] & ~Self.longCluster) }
            var result = String(scalar)
            for i in 0..<4 where marks[i] != 0 {
                if let mark = Unicode.Scalar(marks[i]) { result.unicodeScalars.append(mark) }
            }
            return result
        }
        set {
            base = 0
            marks = .zero
            let scalars = newValue.unicodeScalars
            guard let first = scalars.first else { return }
            base = first.value
            var slot = 0
            for scalar in scalars.dropFirst() {
                guard slot < 4 else {
                    marks = SIMD4(Self.longCluster | LongClusters.number(of: newValue), 0, 0, 0)
                    return
                }
                marks[slot] = scalar.value
                slot += 1
            }
        }
    }

    public static let blank = Cell()
    static let continuation = Cell("", isContinuation: true)
}
