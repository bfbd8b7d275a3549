import Foundation
@testable import LitCoderCore

/// A small codebook and corpus written for these tests: one dimension of each kind.
enum MiniProject {
    static let codebookYAML = """
        id: mini
        title: Mini codebook
        version: "1"
        dimensions:
          - id: motivation
            label: Stated motivation
            kind: multi
            codes:
              - {id: healthcare, label: Healthcare, definition: Health., aliases: [depression]}
              - {id: hci, label: HCI, definition: Interaction.}
              - {id: education, label: Education, definition: Teaching.}
          - id: setting
            label: Setting
            kind: single
            codes:
              - {id: lab, label: Lab, definition: In a lab.}
              - {id: wild, label: In the wild, definition: Outside.}
          - id: comment
            label: Comment
            kind: text

        """

    static let corpusJSONL = """
        {"id":"smith2020","title":"Detecting depression from speech","authors":["Smith, Ann"],"year":2020,"abstract":"Clinical speech."}
        {"id":"lee2021","title":"Voice assistants","authors":["Lee, K"],"year":2021,"abstract":"Assistants."}

        """

    static var codebook: Codebook {
        let (codebook, _) = CodebookLoader.parse(codebookYAML, file: "mini.yaml")
        return codebook ?? Codebook(id: "broken", title: "", version: "", dimensions: [])
    }

    static var corpus: Corpus {
        Corpus(papers: [Paper(id: "smith2020", title: "Detecting depression from speech"), Paper(id: "lee2021", title: "Voice assistants")])
    }

    /// A project folder made by `ProjectCreator` from the mini codebook and corpus.
    static func create(in folder: TemporaryFolder) throws -> Workspace {
        try folder.write("mini.yaml", codebookYAML)
        try folder.write("papers.jsonl", corpusJSONL)
        let created = try ProjectCreator.create(in: folder.file("proj"), codebook: .file(folder.file("mini.yaml")),
                                                corpora: [folder.file("papers.jsonl")])
        return try Workspace.open(created.project)
    }
}
