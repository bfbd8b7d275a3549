import ArgumentParser
import Foundation
import LitCoderCore

/// `litcoder corpus`: changes to the corpus as a whole.
struct CorpusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "corpus",
        abstract: "Work with the corpus as a whole.",
        subcommands: [CorpusDropSampleCommand.self])
}

/// `litcoder corpus drop-sample`: removes the bundled sample's invented papers.
struct CorpusDropSampleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "drop-sample",
        abstract: "Remove the illustrative sample papers (source 'litcoder sample') from the corpus.",
        discussion: "Refuses, changing nothing, when any of them has been coded by anyone: their codings would lose their papers.")

    @OptionGroup var projectOptions: ProjectOptions

    func run() throws {
        let workspace = try projectOptions.workspace()
        let project = workspace.project
        let sample = SamplePapers.count(in: workspace.corpus.papers)
        guard sample > 0 else {
            Console.print("the corpus holds no sample papers; nothing to remove")
            return
        }
        let coded: [(paper: String, coders: [String])]
        do { coded = try SamplePapers.coded(in: workspace) } catch { throw Failure.data("\(error)") }
        if !coded.isEmpty {
            let names = Set(coded.flatMap(\.coders)).sorted().map { $0 == CoderName.consensus ? "the consensus" : $0 }
            let shown = coded.prefix(3).map(\.paper).joined(separator: ", ") + (coded.count > 3 ? ", …" : "")
            throw Failure.data("\(coded.count) of the \(sample) sample papers \(coded.count == 1 ? "has" : "have") been coded "
                + "(\(shown), by \(names.joined(separator: ", "))); nothing was removed\n"
                + "  hint: removing them would leave those codings without their papers; make a new project with 'litcoder init NAME --empty' for the real survey")
        }
        let urls = project.corpusURLs
        let (files, problems) = CorpusImport.loadCorpusFiles(urls, names: urls.map(project.display), target: -1)
        for problem in problems { Console.error(problem.description) }
        do {
            for (file, removed) in try SamplePapers.drop(from: files) {
                Console.print("\(file): removed \(removed) sample paper\(removed == 1 ? "" : "s")")
            }
        } catch {
            throw Failure.data("\(error)")
        }
    }
}
