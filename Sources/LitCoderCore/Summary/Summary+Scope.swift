/// What a summary adds from outside the counts: number dimensions, and, for the consensus,
/// which uncoded papers are open disputes rather than not coded.
extension Summary {
    /// The same summary with the number dimensions of `codebook` as `state` has them (corpus
    /// papers only; a value that is not a number is left out, and reported by `validate`).
    public func addingNumbers(from state: CodingState, codebook: Codebook, corpus: Corpus) -> Summary {
        let dimensions = codebook.dimensions.filter { $0.kind == .number }
        guard !dimensions.isEmpty else { return self }
        var values = [[Double]](repeating: [], count: dimensions.count)
        state.forEachPaper { paper, coding in
            guard corpus.contains(paper), !coding.texts.isEmpty else { return }
            for (i, dimension) in dimensions.enumerated() {
                if let text = coding.texts[dimension.id], let number = NumberValue.parse(text) { values[i].append(number) }
            }
        }
        var copy = self
        copy.numbers = dimensions.enumerated().map { i, d in Numbers(id: d.id, label: d.label, values: values[i]) }
        return copy
    }

    /// The consensus summary with its open disputes told apart from papers not coded: per
    /// dimension, the papers without a value because the coders disagree and nobody has
    /// decided yet; per alignment, the undetermined papers for that reason (taken out of
    /// `from-not-coded` and `to-not-coded`). `consensus` is the consensus as it stands
    /// (`StandingConsensus.state`), where an open dispute has no value.
    public func markingOpen(_ open: [ConsensusProgress.Open], consensus: CodingState, evaluator: AlignmentEvaluator,
                            corpus: Corpus) -> Summary {
        var openDimensions: [String: Set<String>] = [:]
        for item in open where corpus.contains(item.paper) {
            let coding = consensus.codingIfPresent(for: item.paper)
            // The consensus as it stands holds no value for an open dispute; a value the log holds
            // without a provenance (written by hand into the file) is counted as coded.
            let hasValue = !(coding?.codes(for: item.dimension).isEmpty ?? true) || coding?.texts[item.dimension] != nil
            if !hasValue { openDimensions[item.paper, default: []].insert(item.dimension) }
        }
        guard !openDimensions.isEmpty else { return self }
        var copy = self
        for i in copy.dimensions.indices {
            copy.dimensions[i].open = openDimensions.values.count { $0.contains(copy.dimensions[i].id) }
        }
        for i in copy.numbers.indices {
            copy.numbers[i].open = openDimensions.values.count { $0.contains(copy.numbers[i].id) }
        }
        for (paper, dimensions) in openDimensions {
            let coding = consensus.coding(for: paper)
            for result in evaluator.evaluate(coding) where result.outcome == .undetermined {
                guard let a = copy.alignments.firstIndex(where: { $0.id == result.alignment.id }), let reason = result.reason else { continue }
                let isOpen = switch reason {
                case .fromNotCoded: dimensions.contains(result.alignment.from)
                case .toNotCoded: dimensions.contains(result.alignment.to)
                case .nothingNeeded: false
                }
                guard isOpen else { continue }
                copy.alignments[a].undeterminedBecause[reason, default: 0] -= 1
                copy.alignments[a].open += 1
            }
        }
        return copy
    }
}
