/// The parts of a paper a coder reads and quotes: its title and its abstract.
public enum PaperField: String, Hashable, Sendable, CaseIterable, Comparable {
    case title
    case abstract

    /// Title before abstract, the order they are read in.
    public static func < (a: PaperField, b: PaperField) -> Bool {
        a == .title && b == .abstract
    }
}

extension Paper {
    /// The text of one of the paper's fields, as stored in the corpus.
    public func text(of field: PaperField) -> String {
        switch field {
        case .title: title
        case .abstract: abstract
        }
    }
}
