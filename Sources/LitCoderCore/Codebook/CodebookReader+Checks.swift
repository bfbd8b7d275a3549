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
            checkReplaces(dimension)
        }
        checkDuplicateIDs(alignments.map { ($0.rule.id, $0.idMark) }, kind: "alignment id", scope: "")
        let byID = Dictionary(dimensions.map { ($0.dimension.id, $0) }, uniquingKeysWith: { first, _ in first })
        for alignment in alignments { checkAlignment(alignment, dimensions: byID) }
        checkNeedsAndProvides(dimensions: dimensions, alignments: alignments.map(\.rule), byID: byID)
    }

    /// The screening dimension exists and is single-select, every code it names is one of
    /// its codes, in one list only; a code in neither list is allowed (a paper coded so is not
    /// yet decided), with a warning, since it is more often forgotten than meant.
    mutating func checkScreening(_ located: LocatedScreening, dimensions: [LocatedDimension]) {
        let screening = located.screening
        guard let dimension = dimensions.first(where: { $0.dimension.id == screening.dimension }) else {
            let known = dimensions.map(\.dimension.id)
            report(located.dimensionMark, "'screening' names dimension '\(screening.dimension)', which does not exist"
                   + DidYouMean.clause(for: screening.dimension, among: known),
                   hint: "the dimensions are \(known.joined(separator: ", "))")
            return
        }
        if dimension.kindKnown, dimension.dimension.kind != .single {
            report(located.dimensionMark, "the screening dimension '\(screening.dimension)' is \(dimension.dimension.kind.rawValue); "
                   + "a screening decision is one code per paper",
                   hint: "make '\(screening.dimension)' 'kind: single', or screen on another dimension")
            return
        }
        let codes = dimension.codes.map(\.code.id)
        var seen: [String: String] = [:]
        for (list, names, marks) in [("include", screening.include, located.includeMarks),
                                     ("exclude", screening.exclude, located.excludeMarks)] {
            for (code, mark) in zip(names, marks) {
                if !codes.contains(code) {
                    report(mark, "'screening' \(list)s code '\(code)', which dimension '\(screening.dimension)' does not have"
                           + DidYouMean.clause(for: code, among: codes),
                           hint: "its codes are \(codes.joined(separator: ", "))")
                } else if let earlier = seen[code] {
                    report(mark, "code '\(code)' is in both '\(earlier)' and '\(list)' of 'screening'",
                           hint: "a code either includes a paper or excludes it; remove it from one list")
                }
                seen[code] = seen[code] ?? list
            }
        }
        let neither = codes.filter { seen[$0] == nil }
        if !neither.isEmpty {
            report(located.mark, "'screening' leaves code\(neither.count == 1 ? "" : "s") \(neither.map { "'\($0)'" }.joined(separator: ", ")) "
                   + "of '\(screening.dimension)' in neither 'include' nor 'exclude'; papers coded so count as not yet screened",
                   hint: "add \(neither.count == 1 ? "it" : "them") to 'include' or 'exclude' unless that is meant", severity: .warning)
        }
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
        if !dimension.takesCodes, !located.codes.isEmpty {
            let holds = dimension.kind == .text ? "free text" : "a number"
            report(located.codesMark, "\(dimension.kind.rawValue) dimension '\(dimension.id)' has codes; it holds \(holds) only",
                   hint: "remove 'codes', or make it 'kind: single' or 'kind: multi'")
        }
        if dimension.takesCodes, located.codes.isEmpty {
            report(located.codesMark ?? located.mark, "dimension '\(dimension.id)' (\(dimension.kind.rawValue)) has no codes",
                   hint: "add codes under 'codes:', or make it 'kind: text' for free text or 'kind: number' for a number")
        }
        if dimension.ordered, dimension.kind != .single {
            report(located.orderedMark, "dimension '\(dimension.id)' is \(dimension.kind.rawValue); only a single-choice dimension can be ordered",
                   hint: "make it 'kind: single' with its codes listed from low to high, or remove 'ordered'")
        }
        if dimension.kind != .number {
            for (key, mark) in zip(["min", "max"], located.rangeMarks) where mark != nil {
                report(mark, "'\(key)' applies to number dimensions only, and '\(dimension.id)' is \(dimension.kind.rawValue)",
                       hint: "remove '\(key)', or make it 'kind: number'")
            }
        } else if let minimum = dimension.minimum, let maximum = dimension.maximum, minimum > maximum {
            report(located.rangeMarks[1], "dimension '\(dimension.id)' has min \(NumberValue.text(minimum)) above max \(NumberValue.text(maximum))",
                   hint: "swap them: 'min' is the smallest value a coder may enter")
        }
    }

    /// A replaced id names a code that is gone: it must not still be a code of the dimension
    /// (the codings would be read as two codes at once), and one old id goes to one new code.
    private mutating func checkReplaces(_ located: LocatedDimension) {
        let live = Set(located.codes.map(\.code.id))
        var replacedBy: [String: String] = [:]
        for code in located.codes {
            for (old, mark) in zip(code.code.replaces, code.replaceMarks) where !old.isEmpty {
                if old == code.code.id {
                    report(mark, "code '\(old)' replaces itself", hint: "list only the ids it had before, or remove 'replaces'")
                } else if live.contains(old) {
                    report(mark, "code '\(code.code.id)' replaces '\(old)', which is still a code of dimension '\(located.dimension.id)'",
                           hint: "remove the old code '\(old)' from the codebook, or remove it from 'replaces'")
                } else if let earlier = replacedBy[old], earlier != code.code.id {
                    report(mark, "'\(old)' is replaced by both '\(earlier)' and '\(code.code.id)' in dimension '\(located.dimension.id)'",
                           hint: "an old id can become one code only; split such codings by recoding them")
                } else {
                    replacedBy[old] = code.code.id
                }
            }
        }
    }

    private mutating func checkAliases(_ located: LocatedCode) {
        for (alias, mark) in zip(located.code.aliases, located.aliasMarks) {
            if let problem = AliasMatcher.problem(with: alias) {
                report(mark, "alias '\(alias)' of code '\(located.code.id)': \(problem)",
                       hint: "a plain alias is matched as words; a regular expression goes between slashes, e.g. '/\\bTESS\\b/'")
            } else if AliasMatcher.looksLikeRegularExpression(alias) {
                report(mark, "alias '\(alias)' of code '\(located.code.id)' looks like a regular expression but is not "
                       + "between slashes, so it is matched as plain words, brackets and all",
                       hint: "to use it as a regular expression write it between slashes: '/\(alias)/'", severity: .warning)
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
            if dimension.kindKnown, !dimension.dimension.takesCodes {
                report(mark, "alignment '\(rule.id)' names \(dimension.dimension.kind.rawValue) dimension '\(name)' (\(end)); it has no codes to align",
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
