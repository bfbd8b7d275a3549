import LitCoderCore

/// What a paper needs before it can be shown: alias matches, suggestions, wrapped abstract.
///
/// Matching a paper against every alias is the largest cost of moving to it, so the run
/// loop has the workbench prepare the papers the coder is likely to open next while idle.
struct PreparedPaper: Sendable {
    var matches: [AliasMatch]
    var suggestions: [String: Set<String>]
    var width: Int
    var lines: [[Glyph]]
}

extension Workbench {
    /// The width the abstract is wrapped to at the current screen size.
    var abstractWidth: Int {
        WorkbenchLayout(width: screenSize.width, height: screenSize.height, showSummary: showSummary, promptOpen: false)
            .paper.width
    }

    /// Matches title and abstract against the aliases (in one pass) and wraps the abstract.
    func prepare(_ paper: Paper, width: Int) -> PreparedPaper {
        let titleLength = paper.title.unicodeScalars.count + 1
        var byDimension: [String: Set<String>] = [:]
        var inAbstract: [AliasMatch] = []
        for match in matcher.matches(in: paper.title + "\n" + paper.abstract) {
            byDimension[match.dimension, default: []].insert(match.code)
            if match.range.lowerBound >= titleLength {
                var shifted = match
                shifted.range = (match.range.lowerBound - titleLength)..<(match.range.upperBound - titleLength)
                inAbstract.append(shifted)
            }
        }
        let lines = PaperPane.abstractLines(for: paper, matches: inAbstract, width: width)
        return PreparedPaper(matches: inAbstract, suggestions: byDimension, width: width, lines: lines)
    }

    /// Prepares the papers → ← and Enter lead to, forgetting the others; no visible change.
    mutating func prepareNeighbours() {
        guard !queue.isEmpty else { return }
        var wanted: [Int] = []
        for step in [1, -1] where queue.indices.contains(position + step) {
            wanted.append(queue[position + step])
        }
        let count = queue.count
        for step in 1..<max(count, 1) {
            let candidate = queue[(position + step) % count]
            if !coding(for: papers[candidate].id).done {
                wanted.append(candidate)
                break
            }
        }
        let width = abstractWidth
        var kept: [Int: PreparedPaper] = [:]
        for index in wanted where papers.indices.contains(index) {
            if let ready = prepared[index], ready.width == width {
                kept[index] = ready
            } else {
                kept[index] = prepare(papers[index], width: width)
            }
        }
        prepared = kept
    }
}
