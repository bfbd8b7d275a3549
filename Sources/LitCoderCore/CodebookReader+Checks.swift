import Yams

/// The checks that need the whole codebook: duplicate ids, codes where none belong, needs
/// that no code can meet, alignments, and aliases.
extension CodebookReader {
    mutating func checkWhole(dimensions: [LocatedDimension], alignments: [LocatedAlignment]) {
        checkDuplicateIDs(dimensions.map { ($0.dimension.id, $0.idMark) }, kind: "dimension id", scope: "")
        for dimension in dimensions {
            checkCodesFit(dimension)
            checkDuplicateIDs(dimension.codes.map { ($0.code.id, $0.idMark) }, kind: "code id",
                              scope: " in dimension '\(dimension.dimension.id)'")
            for code in dimension.codes { checkAliases(code) }
        }
        checkDuplicateIDs(alignments.map { ($0.rule.id, $0.idMark) }, kind: "alignment id", scope: "")
        let byID = Dictionary(dimensions.map { ($0.dimension.id, $0) }, uniquingKeysWith: { first, _ in first })
        for alignment in alignments { checkAlignment(alignment, dimensions: byID) }
        checkNeedsAndProvides(dimensions: dimensions, alignments: alignments.map(\.rule), byID: byID)
    }

    private mutating func checkDuplicateIDs(_ ids: [(String, Mark?)], kind: String, scope: String) {
        var first: [String: Mark?] = [:]
        for (id, mark) in ids where !id.isEmpty {
            if let earlier = first[id] {
                let place = earlier.map { " (first at line \($0.line))" } ?? ""
                report(mark, "duplicate \(kind) '\(id)'\(scope)\(place)",
                       hint: "ids must be unique; rename one or merge the two")
            } else {
                first[id] = mark
            }
        }
    }

    private mutating func checkCodesFit(_ located: LocatedDimension) {
        let dimension = located.dimension
        guard located.kindKnown else { return }
        if dimension.kind == .text, !located.codes.isEmpty {
            report(located.codesMark, "text dimension '\(dimension.id)' has codes; a text dimension holds free text only",
                   hint: "remove 'codes', or make it 'kind: single' or 'kind: multi'")
        }
        if dimension.kind != .text, located.codes.isEmpty {
            report(located.codesMark ?? located.mark, "dimension '\(dimension.id)' (\(dimension.kind.rawValue)) has no codes",
                   hint: "add codes under 'codes:', or make it 'kind: text' for free text")
        }
    }

    private mutating func checkAliases(_ located: LocatedCode) {
        for (alias, mark) in zip(located.code.aliases, located.aliasMarks) {
            if let problem = AliasMatcher.problem(with: alias) {
                report(mark, "alias '\(alias)' of code '\(located.code.id)': \(problem)",
                       hint: "a plain alias is matched as words; a regular expression goes between slashes, e.g. '/\\bTESS\\b/'")
            }
        }
    }

    private mutating func checkAlignment(_ located: LocatedAlignment, dimensions: [String: LocatedDimension]) {
        let rule = located.rule
        let known = dimensions.keys.sorted()
        for (end, name, mark) in [("from", rule.from, located.fromMark), ("to", rule.to, located.toMark)] where !name.isEmpty {
            guard let dimension = dimensions[name] else {
                report(mark, "alignment '\(rule.id)' names dimension '\(name)' (\(end)), which does not exist"
                       + didYouMean(name, among: known),
                       hint: "the dimensions are \(known.joined(separator: ", "))")
                continue
            }
            if dimension.kindKnown, dimension.dimension.kind == .text {
                report(mark, "alignment '\(rule.id)' names text dimension '\(name)' (\(end)); text has no codes to align",
                       hint: "align two coded (single or multi) dimensions")
            }
        }
        if !rule.from.isEmpty, rule.from == rule.to {
            report(located.toMark, "alignment '\(rule.id)' goes from '\(rule.from)' to itself",
                   hint: "'from' and 'to' must be two different dimensions, e.g. from: motivation, to: dataset")
        }
    }

    /// Needs are checked against what the alignments can deliver: a requirement of a code in
    /// dimension F can only be met by a code of a dimension that some alignment leads to from F.
    /// When F is no alignment's `from` (already a warning), any code's provides count, so a
    /// half-written codebook still gets its typos reported.
    private mutating func checkNeedsAndProvides(
        dimensions: [LocatedDimension], alignments: [AlignmentRule], byID: [String: LocatedDimension]
    ) {
        let everywhere = Set(dimensions.flatMap { $0.codes.flatMap(\.code.provides) })
        // Grouped once, so that each dimension looks up its own alignments rather than filtering all.
        let outgoingByID = Dictionary(grouping: alignments, by: \.from)
        let incomingIDs = Set(alignments.map(\.to))
        var providedBy: [String: Set<String>] = [:]
        for (id, dimension) in byID { providedBy[id] = Set(dimension.codes.flatMap(\.code.provides)) }
        for located in dimensions {
            let id = located.dimension.id
            let outgoing = outgoingByID[id] ?? []
            let hasIncoming = incomingIDs.contains(id)
            let targets = outgoing.map(\.to).filter { byID[$0] != nil }
            let reachable: Set<String> = outgoing.isEmpty
                ? everywhere
                : targets.count == 1 ? providedBy[targets[0]] ?? [] : Set(targets.flatMap { providedBy[$0] ?? [] })
            // An alignment naming a missing dimension is reported already; its needs cannot be judged.
            let judgeNeeds = outgoing.isEmpty || !targets.isEmpty
            let reachedFrom = targets.isEmpty ? "no code" : "no code of " + targets.map { "'\($0)'" }.joined(separator: " or ")
            // Sorted only when a hint is to be given: sorting for every dimension costs them all.
            var sortedReachable: [String]?
            func reachableSorted() -> [String] {
                if let sortedReachable { return sortedReachable }
                let sorted = reachable.sorted()
                sortedReachable = sorted
                return sorted
            }
            var warnedNeeds = false, warnedProvides = false
            for code in located.codes {
                if !code.code.needs.isEmpty, outgoing.isEmpty, !warnedNeeds {
                    warnedNeeds = true
                    report(code.needMarks.first ?? code.mark,
                           "codes of dimension '\(id)' have needs, but no alignment goes from '\(id)', so they are never checked",
                           hint: "add an alignment with 'from: \(id)', or remove the needs", severity: .warning)
                }
                if !code.code.provides.isEmpty, !hasIncoming, !warnedProvides {
                    warnedProvides = true
                    report(code.provideMarks.first ?? code.mark,
                           "codes of dimension '\(id)' provide contexts, but no alignment goes to '\(id)', so nothing uses them",
                           hint: "add an alignment with 'to: \(id)', or remove the provides", severity: .warning)
                }
                for (requirement, mark) in zip(code.code.needs, code.needMarks) where judgeNeeds {
                    let met = requirement.alternatives.filter { reachable.contains($0) }
                    if met.isEmpty {
                        let elsewhere = requirement.alternatives.contains { everywhere.contains($0) }
                        report(mark, "code '\(code.code.id)' needs \(requirement.phrase), which \(reachedFrom) provides, so it can never be met"
                               + (elsewhere ? " (other dimensions provide it, but no alignment from '\(id)' leads there)" : "")
                               + didYouMean(requirement.alternatives[0], among: reachableSorted()),
                               hint: "add it to the 'provides' of the codes that supply it, or fix its spelling")
                    } else {
                        for missing in requirement.alternatives where !reachable.contains(missing) {
                            report(mark, "code '\(code.code.id)' needs any of \(requirement.alternatives.joined(separator: ", ")), but no code provides '\(missing)'"
                                   + didYouMean(missing, among: reachableSorted()),
                                   hint: "the other alternatives can still be met; fix the spelling or add '\(missing)' to some code's provides",
                                   severity: .warning)
                        }
                    }
                }
            }
        }
    }
}
