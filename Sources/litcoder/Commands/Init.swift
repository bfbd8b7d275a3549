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
            44 illustrative (invented) abstracts, to try litcoder. For a real survey use --empty: the bundled \
            SER codebook (or --codebook FILE) and an empty corpus, which 'litcoder import' fills. With \
            --codebook and no --corpus, the corpus starts empty too. A folder that already has a \
            litcoder.yaml is left untouched.
            """)

    @Argument(help: ArgumentHelp("The project folder to create (may exist, if it has no litcoder.yaml).", valueName: "DIR"))
    var directory: String

    @Option(help: ArgumentHelp("The codebook: 'ser' for the bundled SER codebook (the default), or a file to copy in: YAML, or a REFI-QDA codebook (.qdc) to convert (write ./ser for a file named ser).", valueName: "ser|FILE"))
    var codebook: String?

    @Option(parsing: .singleValue, help: ArgumentHelp("A corpus file (JSON Lines) to copy in; repeat for several.", valueName: "FILE"))
    var corpus: [String] = []

    @Flag(help: "Start with no papers (not the illustrative sample): a real survey, filled by 'litcoder import'.")
    var empty = false

    func validate() throws {
        if empty && !corpus.isEmpty { throw ValidationError("--empty starts with no papers; leave out --corpus, or leave out --empty") }
    }

    func run() throws {
        let folder = URL(fileURLWithPath: directory)
        let source: ProjectCreator.CodebookSource = codebook.map { $0 == "ser" ? .bundled : .file(URL(fileURLWithPath: $0)) } ?? .bundled
        let created: ProjectCreator.Created
        do {
            created = try ProjectCreator.create(in: folder, codebook: source, corpora: corpus.map { URL(fileURLWithPath: $0) },
                                                empty: empty)
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
        let sample = created.paperCount > 0 && corpus.isEmpty && !empty && codebook.map { $0 == "ser" } ?? true
        let next = created.paperCount == 0
            ? """
              litcoder import scopus.csv wos.ris …         (your database exports; duplicates merged)
              litcoder assign --coders A,B,C --per-paper 2 (who codes what; see docs/collaboration.md)
              litcoder code --coder NAME                   (the workbench; ? shows its keys)
            """
            : """
              litcoder validate
              litcoder code --coder NAME                   (the workbench; ? shows its keys)
              litcoder set PAPER DIM=CODE --coder NAME     (or: litcoder show PAPER)
              litcoder status
            """
        Console.print("""
            Created \(created.project.name) in \(created.project.root.path)
              codebook  \(created.codebookPath)
              corpus    \(created.corpusPaths.joined(separator: ", ")) (\(papers)\(sample ? ", illustrative and invented: to try litcoder" : ""))
              codings/  one log per coder

            Next:
              cd \(shellQuoted(directory))
            \(next)
            """ + (sample ? "\n\nFor a real survey: litcoder init NAME --empty" : ""))
    }

    private func shellQuoted(_ path: String) -> String {
        path.allSatisfy { $0.isLetter || $0.isNumber || "-_./".contains($0) } ? path : "'" + path.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
