import ArgumentParser
import Foundation
import LitCoderCore

/// `litcoder init DIR`: a new project, by default the bundled SER sample.
struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a project folder: litcoder.yaml, the codebook, the corpus and an empty codings/.",
        discussion: """
            Without options, DIR gets the bundled speech-emotion-recognition sample: its codebook and \
            about forty illustrative abstracts. With --codebook and no --corpus, the corpus starts empty. \
            A folder that already has a litcoder.yaml is left untouched.
            """)

    @Argument(help: ArgumentHelp("The project folder to create (may exist, if it has no litcoder.yaml).", valueName: "DIR"))
    var directory: String

    @Option(help: ArgumentHelp("A codebook to copy in instead of the bundled SER codebook: YAML, or a REFI-QDA codebook (.qdc) to convert.", valueName: "FILE"))
    var codebook: String?

    @Option(parsing: .singleValue, help: ArgumentHelp("A corpus file (JSON Lines) to copy in; repeat for several.", valueName: "FILE"))
    var corpus: [String] = []

    func run() throws {
        let folder = URL(fileURLWithPath: directory)
        let source: ProjectCreator.CodebookSource = codebook.map { .file(URL(fileURLWithPath: $0)) } ?? .bundled
        let created: ProjectCreator.Created
        do {
            created = try ProjectCreator.create(in: folder, codebook: source, corpora: corpus.map { URL(fileURLWithPath: $0) })
        } catch let list as DiagnosticList {
            throw Failure.data("\(list)\nthe codebook has problems; nothing was created")
        } catch {
            throw Failure.data("\(error)")
        }
        for diagnostic in created.diagnostics { Console.error(diagnostic.description) }
        if case .file(let url) = source, url.pathExtension.lowercased() == "qdc" {
            // A REFI-QDA codebook carries only a tree of codes; say what litcoder could not learn from it.
            Console.error("note: converted from REFI-QDA: dimensions are multi-select unless the file marks them 'Kind: single' "
                + "or 'Kind: text' (as litcoder's own .qdc does), ids were made from the code names, "
                + "and there are no aliases or alignments; edit \(created.codebookPath) to add them "
                + "(docs/codebook-format.md)")
        }
        let papers = created.paperCount == 1 ? "1 paper" : "\(created.paperCount) papers"
        Console.print("""
            Created \(created.project.name) in \(created.project.root.path)
              codebook  \(created.codebookPath)
              corpus    \(created.corpusPaths.joined(separator: ", ")) (\(papers))
              codings/  one log per coder

            Next:
              cd \(shellQuoted(directory))
              litcoder validate
              litcoder code --coder NAME                   (the workbench; ? shows its keys)
              litcoder set PAPER DIM=CODE --coder NAME     (or: litcoder show PAPER)
              litcoder status
            """)
    }

    private func shellQuoted(_ path: String) -> String {
        path.allSatisfy { $0.isLetter || $0.isNumber || "-_./".contains($0) } ? path : "'" + path.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
