/// How one paper stands against one alignment, with what a reader needs to see why.
///
/// Produced by `AlignmentEvaluator.evaluate(_:alignment:)`. Code ids that are not in the
/// codebook any more are left out of every field: stale codes never take part in alignment.
public struct AlignmentResult: Hashable, Sendable {
    /// The three verdicts a paper can get for one alignment.
    public enum Outcome: String, Hashable, Sendable, CaseIterable {
        /// Every coded `from` code with needs is served by one coded `to` code.
        case aligned
        /// At least one coded `from` code with needs is served by no single coded `to` code.
        case mismatched
        /// Nothing to judge: a dimension is not coded, or no coded `from` code needs anything.
        case undetermined
    }

    /// Why a result is undetermined; checked in this order.
    public enum UndeterminedReason: String, Hashable, Sendable, CaseIterable {
        /// The `from` dimension has no (current) codes.
        case fromNotCoded = "from-not-coded"
        /// The `from` codes coded need nothing (e.g. "not stated", "technical").
        case nothingNeeded = "nothing-needed"
        /// The `from` codes need something, but no coded `to` code provides any context: the
        /// `to` dimension is not coded, or only with codes such as `in-house` or `not-stated`.
        case toNotCoded = "to-not-coded"
    }

    /// A coded `from` code that no single coded `to` code serves.
    public struct Unserved: Hashable, Sendable {
        public var code: String
        public var needs: [Requirement]
        /// The needs that not even the coded `to` codes together meet. Empty when the
        /// codes together would meet every need but no one of them does (a patchwork).
        public var unmet: [Requirement]

        public init(code: String, needs: [Requirement], unmet: [Requirement]) {
            self.code = code
            self.needs = needs
            self.unmet = unmet
        }

        /// True when the needs are met only by combining several `to` codes.
        public var isPatchwork: Bool { unmet.isEmpty }
    }

    public var alignment: AlignmentRule
    public var outcome: Outcome
    /// Set exactly when `outcome` is `.undetermined`.
    public var reason: UndeterminedReason?
    /// The coded `from` codes known to the codebook, in codebook order.
    public var fromCodes: [String]
    /// The coded `to` codes known to the codebook, in codebook order.
    public var toCodes: [String]
    /// Contexts provided by at least one coded `to` code, in codebook order.
    public var provided: [String]
    /// The coded `from` codes with needs that some single coded `to` code serves.
    public var served: [String]
    /// The coded `from` codes with needs that no single coded `to` code serves.
    public var unserved: [Unserved]

    public init(
        alignment: AlignmentRule, outcome: Outcome, reason: UndeterminedReason? = nil,
        fromCodes: [String] = [], toCodes: [String] = [], provided: [String] = [],
        served: [String] = [], unserved: [Unserved] = []
    ) {
        self.alignment = alignment
        self.outcome = outcome
        self.reason = reason
        self.fromCodes = fromCodes
        self.toCodes = toCodes
        self.provided = provided
        self.served = served
        self.unserved = unserved
    }

    /// One line saying why, for the paper pane and `mismatches`:
    /// `health needs clinical or home — the dataset codes provide acted, lab`.
    public var sentence: String {
        let providedText = provided.isEmpty ? "nothing" : provided.joined(separator: ", ")
        let evidence = " — the \(alignment.to) codes provide \(providedText)"
        switch outcome {
        case .undetermined:
            switch reason ?? .fromNotCoded {
            case .fromNotCoded: return "\(alignment.from) not coded yet"
            case .nothingNeeded:
                return "\(fromCodes.joined(separator: ", ")) \(fromCodes.count == 1 ? "needs" : "need") nothing in particular"
            case .toNotCoded:
                // Coded, but only with codes whose contexts the codebook does not know (in-house data).
                return toCodes.isEmpty ? "\(alignment.to) not coded yet"
                    : "the \(alignment.to) codes (\(toCodes.joined(separator: ", "))) provide no known context to judge by"
            }
        case .aligned:
            return "\(served.joined(separator: ", ")) served" + evidence
        case .mismatched:
            let parts = unserved.map { u -> String in
                let needs = Self.phrase(u.needs)
                return u.isPatchwork
                    ? "\(u.code) needs \(needs) from one \(alignment.to) code (none has all)"
                    : "\(u.code) needs \(needs)"
            }
            return parts.joined(separator: "; ") + evidence
        }
    }

    /// `natural and (clinical or home)`: needs joined with "and", alternatives with "or".
    public static func phrase(_ needs: [Requirement]) -> String {
        if needs.count == 1, let only = needs.first { return only.phrase }
        return needs.map { $0.alternatives.count > 1 ? "(\($0.phrase))" : $0.phrase }
            .joined(separator: " and ")
    }
}
