import LitCoderCore

/// The abstract wrapped for the paper pane, laid out only as far as the coder has read.
///
/// A pasted full text or a broken import can make an abstract megabytes long; turning all of
/// it into glyphs and lines took seconds before the first frame. Here the text is laid out a
/// piece at a time (`piece` characters, ending at a space), as far as `layOut(through:)` is
/// asked to go: the first screen and a page beyond it, then further as the coder pages down.
/// Wrapping a piece at a time gives exactly the lines wrapping it whole gives
/// (`TextLayout.Wrapper`).
///
/// Alias highlights come from the paper's matches when they are known for the whole text (an
/// abstract of ordinary length), and otherwise are found piece by piece, each piece matched
/// with some text around it so a match across a piece's edge is found whole.
public struct AbstractLayout: Sendable {
    /// Where highlights come from.
    enum Highlights: Sendable {
        /// The matches in the whole abstract (scalar offsets), sorted by start.
        case known([Range<Int>])
        /// Found piece by piece.
        case matching(AliasMatcher)
    }

    public let width: Int
    /// The lines laid out so far.
    public private(set) var lines: [[Glyph]] = []
    /// Whether `lines` holds the whole abstract.
    public private(set) var isComplete = false
    private let text: String
    private let highlights: Highlights
    /// Where laying out continues, and its offset in unicode scalars.
    private var next: String.Index
    private var nextOffset = 0
    private var wrapper: TextLayout.Wrapper

    /// Characters laid out at a time (then on to the next space).
    static let piece = 4096
    /// Characters matched either side of a piece, so a match across its edge is found whole.
    static let margin = 256

    init(text: String, width: Int, highlights: Highlights) {
        self.text = text
        self.width = max(1, width)
        self.highlights = highlights
        next = text.startIndex
        wrapper = TextLayout.Wrapper(width: max(1, width))
    }

    /// The abstract of `paper` (a placeholder when it has none).
    init(paper: Paper, width: Int, highlights: Highlights) {
        self.init(text: paper.abstract.isEmpty ? "(no abstract)" : paper.abstract, width: width, highlights: highlights)
    }

    /// Lays out until line `index` exists or the abstract ends.
    public mutating func layOut(through index: Int) {
        while lines.count <= index, !isComplete { layOutPiece() }
    }

    /// Lays out everything (for tests and short abstracts).
    public mutating func layOutAll() {
        while !isComplete { layOutPiece() }
    }

    private mutating func layOutPiece() {
        guard next < text.endIndex else {
            wrapper.finish()
            lines += wrapper.takeLines()
            isComplete = true
            return
        }
        var end = text.index(next, offsetBy: Self.piece, limitedBy: text.endIndex) ?? text.endIndex
        // End at a space, so no word is split between pieces' matching (a run of text with
        // no space ends after twice the piece at most).
        var extra = 0
        while end < text.endIndex, !text[end].isWhitespace, extra < Self.piece {
            end = text.index(after: end)
            extra += 1
        }
        let piece = text[next..<end]
        let count = piece.unicodeScalars.count
        let ranges = highlightRanges(piece, from: nextOffset, count: count)
        wrapper.add(Glyph.glyphs(piece, highlights: ranges, highlightStyle: [.accent, .bold], startOffset: nextOffset))
        lines += wrapper.takeLines()
        next = end
        nextOffset += count
    }

    /// Highlight ranges that touch the piece starting at scalar `start`, `count` scalars long.
    private func highlightRanges(_ piece: Substring, from start: Int, count: Int) -> [Range<Int>] {
        let upper = start + count
        switch highlights {
        case .known(let ranges):
            // Sorted by start: skip those that end before the piece, stop at those after it.
            var result: [Range<Int>] = []
            var low = 0, high = ranges.count
            while low < high {
                let mid = (low + high) / 2
                if ranges[mid].lowerBound < start { low = mid + 1 } else { high = mid }
            }
            var index = low
            // Ranges starting a little before the piece may reach into it (matches are short).
            while index > 0, ranges[index - 1].lowerBound >= start - Self.piece { index -= 1 }
            while index < ranges.count, ranges[index].lowerBound < upper {
                if ranges[index].upperBound > start { result.append(ranges[index]) }
                index += 1
            }
            return result.sorted { $0.lowerBound < $1.lowerBound }
        case .matching(let matcher):
            let before = text.index(piece.startIndex, offsetBy: -Self.margin, limitedBy: text.startIndex) ?? text.startIndex
            let after = text.index(piece.endIndex, offsetBy: Self.margin, limitedBy: text.endIndex) ?? text.endIndex
            let contextStart = start - text[before..<piece.startIndex].unicodeScalars.count
            return matcher.matches(in: String(text[before..<after]))
                .map { ($0.range.lowerBound + contextStart)..<($0.range.upperBound + contextStart) }
                .filter { $0.upperBound > start && $0.lowerBound < upper }
                .sorted { $0.lowerBound < $1.lowerBound }
        }
    }
}
