/// The tagged fields of one record in a line-tagged format (MEDLINE, Web of Science plain
/// text), in file order, with helpers to pick the first or all values of a tag.
struct TaggedFields {
    var fields: [(tag: String, value: String)] = []
    var line = 0

    var isEmpty: Bool { fields.isEmpty }

    mutating func add(_ tag: String, _ value: String) { fields.append((tag, value)) }

    /// Appends a continuation line to the last value, joined with `separator`.
    mutating func continueLast(_ text: String, separator: String = " ") {
        guard let last = fields.indices.last else { return }
        fields[last].value += separator + text
    }

    func first(_ tags: String...) -> String? {
        for tag in tags {
            if let hit = fields.first(where: { $0.tag == tag }), let value = FieldNormalisation.collapse(hit.value) {
                return value
            }
        }
        return nil
    }

    func all(_ tag: String) -> [String] {
        fields.filter { $0.tag == tag }.compactMap { FieldNormalisation.collapse($0.value) }
    }
}
