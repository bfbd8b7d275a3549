/// How complete the consensus is: for every compared paper × dimension (`CodingComparison`),
/// whether the consensus holds it as agreed, as adjudicated by hand, or whether it is still
/// open. What `status`, `summary --consensus`, `export --consensus`, the methods paragraph and
/// the HTML report say, so none of them can claim more than the logs hold.
///
/// A decision **stands** when it was made by hand, or when it was taken automatically and the
/// compared coders still agree on that very value; an automatic decision they no longer agree
/// on (or agree on another value) is not counted as decided. `StandingConsensus` holds the
/// consensus with exactly the decisions that stand.
///
/// Pure: built from comparisons and the consensus state alone, so any set of coders and
/// papers (a calibration round, an assignment) gets its own progress.
public struct ConsensusProgress: Hashable, Sendable {
    /// One paper × dimension the consensus has not decided by hand although the coders disagree.
    public struct Open: Hashable, Sendable {
        public var paper: String
        public var dimension: String
        public var kind: CodingComparison.Kind
    }

    /// Agreements the consensus holds as automatic decisions of the agreed value.
    public var agreed = 0
    /// Agreements the consensus does not hold yet, or holds with another value than the one
    /// agreed now (`litcoder consensus --auto-agreed` takes them).
    public var agreedNotTaken = 0
    /// Decisions an adjudicator made by hand, on disagreements and on agreements alike.
    public var byHand = 0
    /// Of those, the ones on a paper × dimension the coders now agree on (with the value
    /// decided, or with another: `staleByHand`). They are no disagreement, so `adjudicated`
    /// and `open` add up to `disagreements` without them.
    public var byHandOnAgreements = 0
    /// Decisions made by hand on a paper × dimension the coders now all agree on with another
    /// value: the coders have moved away from the decision since. Never overridden
    /// automatically; `status`, `consensus --auto-agreed` and the reports name them, and
    /// `review` shows them to decide again.
    public var staleByHand: [Open] = []
    /// Paper × dimensions compared (by two or more coders of the paper): agreements and
    /// disagreements together.
    public var compared = 0
    /// Disagreements of every kind (the coders differ, or some left the dimension empty).
    public var disagreements = 0
    /// Of those, the ones where a coder of the paper left the dimension empty.
    public var notCodedDisagreements = 0
    /// Disagreements an adjudicator decided by hand.
    public var adjudicated = 0
    /// Disagreements not decided by hand, in comparison order. An automatic decision the
    /// coders no longer agree on leaves its disagreement open (`consensus --auto-agreed`
    /// withdraws it).
    public var open: [Open] = []
    /// Open disagreements whose consensus log still holds an automatic decision from before
    /// the coders stopped agreeing.
    public var outdatedAutomatic = 0
    /// Who decided by hand, sorted.
    public var adjudicators: [String] = []

    public init() {}

    public init(comparisons: [CodingComparison], consensus: CodingState, codebook: Codebook) {
        _ = tally(comparisons, consensus: consensus, codebook: codebook)
    }

    /// Counts every comparison; returns the comparisons whose automatic decision stands
    /// (the coders still agree on the value it holds), as `StandingConsensus.key`s.
    mutating func tally(_ comparisons: [CodingComparison], consensus: CodingState, codebook: Codebook) -> Set<String> {
        var adjudicators = Set<String>()
        var standing = Set<String>()
        var dimensions: [String: Dimension] = [:]
        for dimension in codebook.dimensions { dimensions[dimension.id] = dimension }
        for item in comparisons {
            compared += 1
            let coding = consensus.codingIfPresent(for: item.paper)
            let provenance = coding?.provenance[item.dimension]
            let byHand = provenance.map { !$0.automatic } ?? false
            if byHand, let provenance {
                self.byHand += 1
                adjudicators.insert(provenance.adjudicator)
            }
            if item.isAgreement {
                if byHand {
                    byHandOnAgreements += 1
                    if let dimension = dimensions[item.dimension], !item.isHeld(by: coding, dimension: dimension) {
                        staleByHand.append(Open(paper: item.paper, dimension: item.dimension, kind: item.kind))
                    }
                    continue
                }
                if provenance != nil, let dimension = dimensions[item.dimension], item.isHeld(by: coding, dimension: dimension) {
                    agreed += 1
                    standing.insert(StandingConsensus.key(item.paper, item.dimension))
                } else {
                    agreedNotTaken += 1
                }
                continue
            }
            disagreements += 1
            if item.kind != .differ { notCodedDisagreements += 1 }
            if byHand {
                adjudicated += 1
            } else {
                open.append(Open(paper: item.paper, dimension: item.dimension, kind: item.kind))
                if provenance != nil { outdatedAutomatic += 1 }
            }
        }
        self.adjudicators = adjudicators.sorted()
        return standing
    }

    /// Paper × dimension decisions the consensus holds (agreed or by hand).
    public var decided: Int { agreed + byHand }

    /// Whether every compared paper × dimension is decided, and no decision by hand is stale.
    public var isComplete: Bool { open.isEmpty && agreedNotTaken == 0 && staleByHand.isEmpty }

    /// `40 agreed, 2 adjudicated by hand, 10 open (of 12 disagreements)` (adjudicated and open
    /// add up to the disagreements), then the decisions by hand where the coders now agree, what
    /// is not in the consensus yet, and how to change that.
    public var line: String {
        var s = "\(agreed) agreed, \(adjudicated) adjudicated by hand, \(open.count) open (of \(Self.count(disagreements, "disagreement")))"
        if let onAgreements = onAgreementsPhrase { s += "; " + onAgreements }
        if agreedNotTaken > 0 {
            s += "; \(Self.count(agreedNotTaken, "agreement")) not taken yet ('litcoder consensus --auto-agreed')"
        }
        if outdatedAutomatic > 0 {
            s += "; \(outdatedAutomatic) automatic decision\(outdatedAutomatic == 1 ? "" : "s") the coders no longer agree on"
                + " ('litcoder consensus --auto-agreed' withdraws \(outdatedAutomatic == 1 ? "it" : "them"))"
        }
        if !open.isEmpty { s += "; 'litcoder review' decides the open ones" }
        return s
    }

    /// `2 more decided by hand where the coders now agree (1 with another value than theirs:
    /// 'litcoder review' shows it to decide again)`; nil when there is none.
    public var onAgreementsPhrase: String? {
        guard byHandOnAgreements > 0 else { return nil }
        var s = "\(byHandOnAgreements) more decided by hand where the coders now agree"
        let stale = staleByHand.count
        if stale > 0 {
            s += " (\(stale) with another value than theirs: 'litcoder review' shows \(stale == 1 ? "it" : "them") to decide again)"
        }
        return s
    }

    /// `Of 12 disagreements, 2 were adjudicated; 10 remain open.`: never "resolved" while any
    /// is open; with nothing compared, says so; and decisions by hand on what the coders now
    /// agree on are said apart, so no sentence is false beside the count of decisions by hand.
    public var disagreementSentence: String {
        if compared == 0 {
            return "No dimension of any paper was coded by two or more coders, so there were no codings to compare."
        }
        var onAgreements = ""
        if byHandOnAgreements > 0 {
            let n = byHandOnAgreements
            let stale = staleByHand.count
            onAgreements = " \(n == 1 ? "One decision" : "\(n) decisions") made by an adjudicator \(n == 1 ? "is on a paper\u{2019}s dimension" : "are on papers\u{2019} dimensions") the coders now agree on"
            if stale > 0 {
                onAgreements += n == 1 ? ", with another value than theirs: it is to be decided again"
                    : ", \(stale) of them with another value than theirs: \(stale == 1 ? "it is" : "they are") to be decided again"
            }
            onAgreements += "."
        }
        return disagreementsPart + onAgreements
    }

    private var disagreementsPart: String {
        if disagreements == 0 {
            return byHandOnAgreements > 0 ? "The coders\u{2019} current codings do not disagree on any paper\u{2019}s dimension."
                : "The coders did not disagree on any paper\u{2019}s dimension."
        }
        let which = notCodedDisagreements == 0 ? ""
            : " (\(notCodedDisagreements) of them a dimension some coder left empty)"
        if open.isEmpty {
            return disagreements == 1 ? "The one disagreement\(which) was resolved by adjudication."
                : "All \(disagreements) disagreements\(which) were resolved by adjudication."
        }
        let decided = adjudicated == 0 ? "none was adjudicated" : "\(adjudicated) \(adjudicated == 1 ? "was" : "were") adjudicated"
        return "Of \(Self.count(disagreements, "disagreement"))\(which), \(decided); \(open.count) \(open.count == 1 ? "remains" : "remain") open."
    }

    static func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
}
