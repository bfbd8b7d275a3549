/// `--where DIM=CODE[,CODE…]`: the papers coded so. A paper passes one condition when its
/// codes on the dimension include any of the codes listed; it passes the filter when it
/// passes every condition.
public struct CodeFilter: Sendable, Equatable {
    /// One `DIM=CODE,CODE`.
    public struct Condition: Sendable, Equatable {
        public var dimension: String
        public var codes: [String]
    }

    public var conditions: [Condition]

    /// Reads `DIM=CODE[,CODE…]` conditions against the codebook; the error says what is wrong
    /// and what the codebook has (a usage error: it was typed on the command line).
    public init(_ texts: [String], codebook: Codebook) throws(CodeFilterError) {
        conditions = []
        for text in texts {
            let parts = text.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                throw CodeFilterError("--where takes DIM=CODE[,CODE…], e.g. --where relevance=ser-core,ser-dataset (got '\(text)')")
            }
            let coded = codebook.dimensions.filter { $0.kind != .text }
            guard let dimension = codebook.dimension(parts[0]), dimension.kind != .text else {
                let names = coded.map(\.id)
                throw CodeFilterError("--where: no coded dimension '\(parts[0])'"
                    + (DidYouMean.phrase(for: parts[0], among: names).map { "; \($0)" } ?? "")
                    + "; the coded dimensions are \(names.joined(separator: ", "))")
            }
            let codes = parts[1].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            for code in codes where dimension.code(code) == nil {
                let names = dimension.codes.map(\.id)
                throw CodeFilterError("--where: dimension '\(dimension.id)' has no code '\(code)'"
                    + (DidYouMean.phrase(for: code, among: names).map { "; \($0)" } ?? "")
                    + "; its codes are \(names.joined(separator: ", "))")
            }
            conditions.append(Condition(dimension: dimension.id, codes: codes))
        }
    }

    /// Whether `coding` passes every condition.
    public func matches(_ coding: PaperCoding) -> Bool {
        conditions.allSatisfy { condition in
            coding.codes(for: condition.dimension).contains { condition.codes.contains($0) }
        }
    }
}

/// Why a `--where` cannot be used.
public struct CodeFilterError: Error, Sendable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
