import LitCoderCore

/// What a paper needs before it can be shown: alias matches, suggestions, the abstract's layout.
///
/// Matching a paper against every alias is the largest cost of moving to it, so the run
/// loop has the workbench prepare the papers the coder is likely to open next while idle.
/// An abstract longer than `wholeMatchLimit` is not matched whole before it is shown: its
/// layout finds highlights piece by piece, and its suggestions start from the title and are
/// completed in the background (`suggestionsComplete`, `PaperPreparer`).
public struct PreparedPaper: Sendable {
    var matches: [AliasMatch]
    var suggestions: [String: Set<String>]
    /// False while the suggestions come from part of the text only.
    var suggestionsComplete: Bool
    var layout: AbstractLayout
    var width: Int { layout.width }
    /// Longer than `wholeMatchLimit`: matched and laid out piece by piece.
    var isLong = false

    /// Abstracts up to this many unicode scalars are matched whole when prepared (a long
    /// abstract of ordinary papers is about 3,000).
    static let wholeMatchLimit = 65_536

    /// Matches title and abstract against the aliases (in one pass) and starts the layout.
    static func make(_ paper: Paper, matcher: AliasMatcher, width: Int) -> PreparedPaper {
        guard paper.abstract.unicodeScalars.count <= wholeMatchLimit else {
            var layout = AbstractLayout(paper: paper, width: width, highlights: .matching(matcher))
            layout.layOut(through: 0)
            return PreparedPaper(matches: [], suggestions: Self.suggestions(in: matcher.matches(in: paper.title)),
                                 suggestionsComplete: false, layout: layout, isLong: true)
        }
        let titleLength = paper.title.unicodeScalars.count + 1
        var inAbstract: [AliasMatch] = []
        let all = matcher.matches(in: paper.title + "\n" + paper.abstract)
        for match in all where match.range.lowerBound >= titleLength {
            var shifted = match
            shifted.range = (match.range.lowerBound - titleLength)..<(match.range.upperBound - titleLength)
            inAbstract.append(shifted)
        }
        var layout = AbstractLayout(paper: paper, width: width, highlights: .known(inAbstract.map(\.range).sorted { $0.lowerBound < $1.lowerBound }))
        layout.layOutAll()
        return PreparedPaper(matches: inAbstract, suggestions: Self.suggestions(in: all), suggestionsComplete: true, layout: layout)
    }

    /// The codes suggested by the whole title and abstract (for a paper prepared in part).
    static func allSuggestions(_ paper: Paper, matcher: AliasMatcher) -> [String: Set<String>] {
        suggestions(in: matcher.matches(in: paper.title + "\n" + paper.abstract))
    }

    private static func suggestions(in matches: [AliasMatch]) -> [String: Set<String>] {
        var byDimension: [String: Set<String>] = [:]
        for match in matches { byDimension[match.dimension, default: []].insert(match.code) }
        return byDimension
    }

    /// The same paper laid out afresh at another width.
    func laidOut(_ paper: Paper, width: Int, matcher: AliasMatcher) -> AbstractLayout {
        guard isLong else {
            var layout = AbstractLayout(paper: paper, width: width, highlights: .known(matches.map(\.range).sorted { $0.lowerBound < $1.lowerBound }))
            layout.layOutAll()
            return layout
        }
        var layout = AbstractLayout(paper: paper, width: width, highlights: .matching(matcher))
        layout.layOut(through: 0)
        return layout
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

    /// The paper on screen, when its suggestions still come from part of its text only.
    var paperAwaitingSuggestions: (index: Int, paper: Paper)? {
        guard !suggestionsComplete, queue.indices.contains(position), papers.indices.contains(queue[position]) else { return nil }
        return (queue[position], papers[queue[position]])
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

    /// Takes the whole text's suggestions for a paper that was shown from part of its text.
    public mutating func adoptSuggestions(_ ready: [Int: [String: Set<String>]]) {
        for (index, found) in ready {
            if var known = prepared[index] {
                known.suggestions = found
                known.suggestionsComplete = true
                prepared[index] = known
            }
            if queue.indices.contains(position), queue[position] == index {
                suggestions = found
                suggestionsComplete = true
            }
        }
    }

    /// Prepares the papers → ← and Enter lead to, forgetting the others; no visible change
    /// but the suggestions of a paper shown from part of its text, completed here.
    mutating func prepareNeighbours() {
        guard !queue.isEmpty else { return }
        if completesSuggestionsWhenIdle, let waiting = paperAwaitingSuggestions {
            adoptSuggestions([waiting.index: PreparedPaper.allSuggestions(waiting.paper, matcher: matcher)])
        }
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
