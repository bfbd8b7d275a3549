/// Precision and recall of suggestions against a human coding of one dimension.
public struct SuggestionQuality: Sendable, Equatable {
    public var truePositives = 0
    public var falsePositives = 0
    public var falseNegatives = 0

    public init() {}

    /// Compares suggested with coded codes per paper; codes outside `scope` are ignored on both sides.
    public init(suggested: [String: [String]], coded: [String: [String]], scope: Set<String>? = nil) {
        for paper in Set(suggested.keys).union(coded.keys) {
            var s = Set(suggested[paper] ?? []), c = Set(coded[paper] ?? [])
            if let scope { s.formIntersection(scope); c.formIntersection(scope) }
            truePositives += s.intersection(c).count
            falsePositives += s.subtracting(c).count
            falseNegatives += c.subtracting(s).count
        }
    }

    /// Of the suggested codes, the share a human also coded (1 when nothing was suggested).
    public var precision: Double {
        truePositives + falsePositives == 0 ? 1 : Double(truePositives) / Double(truePositives + falsePositives)
    }

    /// Of the coded codes, the share that was suggested (1 when nothing was coded).
    public var recall: Double {
        truePositives + falseNegatives == 0 ? 1 : Double(truePositives) / Double(truePositives + falseNegatives)
    }
}
