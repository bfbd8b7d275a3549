import LitCoderCore

/// What a paper needs before it can be shown: alias matches, suggestions, wrapped abstract.
///
/// Matching a paper against every alias is the largest cost of moving to it, so the run
/// loop has the workbench prepare the papers the coder is likely to open next while idle.
public struct PreparedPaper: Sendable {
    var matches: [AliasMatch]
    var suggestions: [String: Set<String>]
    var width: Int
    var lines: [[Glyph]]

    /// Matches title and abstract against the aliases (in one pass) and wraps the abstract.
    static func make(_ paper: Paper, matcher: AliasMatcher, width: Int) -> PreparedPaper {
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
}

extension Workbench {
    /// The width the abstract is wrapped to at the current screen size.
    var abstractWidth: Int {
        WorkbenchLayout(width: screenSize.width, height: screenSize.height, showSummary: showSummary, promptOpen: false)
            .paper.width
    }

    /// Matches title and abstract against the aliases (in one pass) and wraps the abstract.
    func prepare(_ paper: Paper, width: Int) -> PreparedPaper {
        PreparedPaper.make(paper, matcher: matcher, width: width)
    }

    /// Papers the coder may reach next, nearest first, by index in `papers`: the next few in
    /// the queue (a held →), the previous one, and the next paper not done (Enter).
    func papersAhead(count: Int = 8) -> [(index: Int, paper: Paper)] {
        guard !queue.isEmpty else { return [] }
        var wanted: [Int] = []
        for step in [1, -1] + Array(2...max(count, 2)) where queue.indices.contains(position + step) {
            wanted.append(queue[position + step])
        }
        // Bounded, since this runs on every key: a corpus nearly all done is searched at idle.
        for step in 1..<max(min(queue.count, 1_000), 1) {
            let candidate = queue[(position + step) % queue.count]
            if !coding(for: papers[candidate].id).done {
                wanted.append(candidate)
                break
            }
        }
        return wanted.filter { papers.indices.contains($0) && prepared[$0] == nil }.map { ($0, papers[$0]) }
    }

    /// Keeps papers prepared elsewhere (`PaperPreparer`) for when the coder reaches them;
    /// beyond a few dozen, those far from the current paper are forgotten, so memory stays small.
    public mutating func adopt(_ ready: [Int: PreparedPaper]) {
        guard !ready.isEmpty else { return }
        let width = abstractWidth
        for (index, paper) in ready where paper.width == width { prepared[index] = paper }
        guard prepared.count > 32, !queue.isEmpty else { return }
        let near = Set(((position - 2)...(position + 16)).filter { queue.indices.contains($0) }.map { queue[$0] })
        prepared = prepared.filter { near.contains($0.key) || ready[$0.key] != nil }
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
        // Papers the background prepared further ahead stay (else it would redo them after
        // every idle step); the paper on screen and those far away go.
        let current = queue.indices.contains(position) ? queue[position] : nil
        let ahead = Set(((position - 2)...(position + 16)).filter { queue.indices.contains($0) }.map { queue[$0] })
        var kept = prepared.filter { $0.key != current && ahead.contains($0.key) }
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
