import ArgumentParser
import Foundation
#if canImport(Glibc)
import Glibc
#endif
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
                var isFolder: ObjCBool = false
                guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), isFolder.boolValue else {
                    throw ProjectError.noSuchFolder(project)
                }
                guard FileManager.default.fileExists(atPath: url.appendingPathComponent(Project.fileName).path) else {
                    throw ProjectError.notAProject(folder: project)
                }
                return try Project.load(root: url)
            }
            return try Project.find(from: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
        } catch {
            throw Failure.data("\(error)")
        }
    }

    /// The project with its codebook and corpus loaded; corpus problems go to standard error.
    ///
    /// - Parameter coders: the logs the command will read, given the project (nil or [] when it
    ///   cannot tell): they are replayed while the corpus loads. Asked only for names, never to
    ///   check or print anything.
    func workspace(replaying coders: ((Project) -> [String]?)? = nil) throws -> Workspace {
        let project = try load()
        do {
            let workspace = try Workspace.open(project, replaying: coders?(project) ?? [])
            for d in workspace.diagnostics { Console.error(d.description) }
            return workspace
        } catch {
            throw Failure.data("\(error)\nrun 'litcoder validate' for every problem with its fix")
        }
    }

    /// The project with its codebook loaded and no papers (`Workspace.openWithoutCorpus`), for
    /// a command that reads only the codebook and the logs; codebook warnings go to standard error.
    func workspaceWithoutCorpus() throws -> Workspace {
        let project = try load()
        do {
            let workspace = try Workspace.openWithoutCorpus(project)
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
        func nonEmpty(_ s: String?) -> String? { s.flatMap { $0.isEmpty ? nil : $0 } }
        let name = coder ?? nonEmpty(env["LITCODER_CODER"]) ?? nonEmpty(env["USER"]) ?? nonEmpty(env["LOGNAME"])
            ?? Self.accountName() ?? ""
        if coder == nil && name.isEmpty {
            throw ValidationError("cannot tell who is coding: give --coder NAME or set LITCODER_CODER")
        }
        if let problem = CoderName.problem(with: name) { throw ValidationError(problem) }
        return name
    }

    /// The account's login name from the password database, for when USER and LOGNAME are unset.
    static func accountName() -> String? {
        guard let entry = getpwuid(geteuid()), let raw = entry.pointee.pw_name else { return nil }
        let name = String(cString: raw)
        return name.isEmpty ? nil : name
    }
}
