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
    /// Up to four zero-width scalars on the base, 0 where unused.
    private var marks: SIMD4<UInt32>
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

    /// What the cell shows: one scalar of width 1 or 2 plus up to four zero-width scalars,
    /// already sanitised. Empty for a continuation cell.
    public var text: String {
        get {
            guard base != 0, let scalar = Unicode.Scalar(base) else { return "" }
            var result = String(scalar)
            for i in 0..<4 where marks[i] != 0 {
                if let mark = Unicode.Scalar(marks[i]) { result.unicodeScalars.append(mark) }
            }
            return result
        }
        set {
            base = 0
            marks = .zero
            var slot = -1
            for scalar in newValue.unicodeScalars {
                if slot < 0 { base = scalar.value } else if slot < 4 { marks[slot] = scalar.value } else { break }
                slot += 1
            }
        }
    }

    public static let blank = Cell()
    static let continuation = Cell("", isContinuation: true)
}
