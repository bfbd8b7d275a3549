import Testing
@testable import LitCoderCore

/// Keys are found as Yams's `Node.Mapping` string subscript finds them: by their text and
/// resolved tag, however they are quoted, in every mapping that repeats a key name.
@Suite struct CodebookKeyTests {
    static func codebook(id: String, label: String, kind: String) -> String {
        """
        id: t
        title: T
        version: "1"
        dimensions:
          - \(id): one
            \(label): One
            \(kind): single
            codes:
              - id: a
                label: A
          - id: two
            label: Two
            kind: multi
            codes:
              - id: b
                label: B

        """
    }

    @Test(arguments: [
        ("id", "label", "kind"), ("\"id\"", "'label'", "!!str kind"), ("! id", "\"label\"", "kind"),
    ] as [(String, String, String)])
    func quotedAndStringTaggedKeysAreTheKeys(id: String, label: String, kind: String) throws {
        let (codebook, diagnostics) = CodebookLoader.parse(Self.codebook(id: id, label: label, kind: kind), file: "cb.yaml")
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let loaded = try #require(codebook)
        #expect(loaded.dimensions.map(\.id) == ["one", "two"])
        #expect(loaded.dimensions.map(\.label) == ["One", "Two"])
        #expect(loaded.dimensions.map(\.kind) == [.single, .multi])
    }

    /// A key whose tag says it is no string is not the key of that name: Yams's own lookup
    /// misses it, and so the dimension has no kind.
    @Test func aKeyTaggedAsAnotherTypeIsNotTheKey() {
        let (codebook, diagnostics) = CodebookLoader.parse(Self.codebook(id: "id", label: "label", kind: "!!int kind"), file: "cb.yaml")
        #expect(codebook == nil)
        #expect(diagnostics.map(\.description).contains { $0.contains("dimension 'one' has no 'kind'") }, "\(diagnostics)")
    }
}
