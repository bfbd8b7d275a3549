/// The codes a coding state holds that its dimension does not have, neither as a code nor as
/// an id a code `replaces`: what every export warns about, so no column of it goes unexplained.
public struct UnknownCodes: Hashable, Sendable {
    /// (paper, dimension) codings holding at least one unknown code.
    public private(set) var codings = 0
    /// How many codings hold each unknown code.
    public private(set) var byCode: [StaleCoding.Code: Int] = [:]

    /// The unknown codes of `state` on the codebook's coded dimensions (papers in `corpus`
    /// only, when given). Replaced ids were mapped when the log was replayed.
    public init(state: CodingState, codebook: Codebook, corpus: Corpus? = nil) {
        // Column by column, each distinct code list checked once: assembling every paper's
        // coding to look at its codes cost a twentieth of `export --format html`.
        let lists = state.codeLists
        for dimension in codebook.dimensions where dimension.takesCodes {
            guard let column = state.columnIndex(of: dimension.id) else { continue }
            let known = Set(dimension.codes.map(\.id))
            var unknownOfList = [[String]?](repeating: nil, count: lists.count)
            for (number, list) in state.columns[column].enumerated() where list != CodingState.notCoded {
                let unknown = unknownOfList[Int(list)] ?? Array(Set(lists[Int(list)].filter { !known.contains($0) }))
                unknownOfList[Int(list)] = unknown
                guard !unknown.isEmpty, corpus?.contains(state.paperID(number: number)) ?? true else { continue }
                codings += 1
                for code in unknown { byCode[StaleCoding.Code(dimension: dimension.id, code: code), default: 0] += 1 }
            }
        }
    }

    public var isEmpty: Bool { codings == 0 }

    /// The unknown codes of one dimension, sorted.
    public func codes(of dimension: String) -> [String] {
        byCode.keys.filter { $0.dimension == dimension }.map(\.code).sorted()
    }

    /// The warning an export prints on standard error for the log `file`, nil when there is nothing to say.
    public func warning(file: String) -> Diagnostic? {
        guard !isEmpty else { return nil }
        let listed = byCode.keys.sorted().map { "\($0.dimension) '\($0.code)' (\(byCode[$0] ?? 0))" }.joined(separator: ", ")
        let ids = Set(byCode.keys.map(\.code)).sorted().joined(separator: ", ")
        return Diagnostic(
            file: file, severity: .warning,
            message: "\(codings) coding\(codings == 1 ? " holds a code" : "s hold codes") the codebook does not have: \(listed); exported as written, each with a column of its own",
            hint: "if a code was renamed, add 'replaces: [\(ids)]' to the code that took its place in the codebook; 'litcoder validate' lists each coding")
    }
}
