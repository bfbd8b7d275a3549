/// One alignment's result as a column of the exports: a header and a value per coded paper.
///
/// The values come from the alignment engine, the same code `summary` and `mismatches` use;
/// exports only place them.
public struct AlignmentColumn: Sendable {
    public var header: String
    public var value: @Sendable (Paper, PaperCoding) -> String

    public init(header: String, value: @escaping @Sendable (Paper, PaperCoding) -> String) {
        self.header = header
        self.value = value
    }
}
