import ArgumentParser
import Foundation
import LitCoderCore

/// `--project DIR`, accepted by every command that works on a project.
struct ProjectOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The project folder (default: the nearest folder upwards with a litcoder.yaml).", valueName: "DIR"))
    var project: String?

    /// The project, found or given; exits 1 with the reason when there is none.
    func load() throws -> Project {
        do {
            if let project {
                let url = URL(fileURLWithPath: project)
                guard FileManager.default.fileExists(atPath: url.appendingPathComponent(Project.fileName).path) else {
                    throw ProjectError.notFound(searchedFrom: url.path)
                }
                return try Project.load(root: url)
            }
            return try Project.find(from: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
        } catch {
            throw Failure.data("\(error)")
        }
    }

    /// The project with its codebook and corpus loaded; corpus problems go to standard error.
    func workspace() throws -> Workspace {
        let project = try load()
        do {
            let workspace = try Workspace.open(project)
            for d in workspace.diagnostics { Console.error(d.description) }
            return workspace
        } catch {
            throw Failure.data("\(error)\nrun 'litcoder validate' for every problem with its fix")
        }
    }
}

/// The coder: `--coder`, else `$LITCODER_CODER`, else the login name.
struct CoderOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Who is coding (default: $LITCODER_CODER, else your login name).", valueName: "NAME"))
    var coder: String?

    func resolve() throws -> String {
        let env = ProcessInfo.processInfo.environment
        let name = coder ?? env["LITCODER_CODER"].flatMap { $0.isEmpty ? nil : $0 } ?? env["USER"] ?? env["LOGNAME"] ?? ""
        if let problem = CoderName.problem(with: name) { throw ValidationError(problem) }
        return name
    }
}
