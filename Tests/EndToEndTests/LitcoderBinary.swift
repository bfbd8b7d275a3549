import Foundation

/// Runs the built `litcoder` binary as a user would, capturing its output.
///
/// `swift test` builds every product, so the binary sits beside the test bundle.
enum LitcoderBinary {
    static var url: URL { url(named: "litcoder") }

    /// A product built beside the test bundle (`litcoder`, `litcoder-bench`).
    static func url(named name: String) -> URL {
        let runner = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var dir = runner.deletingLastPathComponent()
        // The runner may be inside `NAME.xctest/…`; the binary is in the build folder above it.
        while dir.path != "/" {
            let candidate = dir.appendingPathComponent(name)
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                return candidate
            }
            dir = dir.deletingLastPathComponent()
        }
        return URL(fileURLWithPath: ".build/debug/\(name)")
    }

    /// Whether `run(…, userID:)` can run the binary as another user: as root, with setpriv.
    static var canSwitchUser: Bool {
        getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv")
    }

    /// `nobody`, the user tests run as to meet a file they may not read.
    static let unprivilegedUser = 65534

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs `litcoder ARGS` in `directory` with the given extra environment; with `userID`,
    /// as that user (through setpriv(1), so only when running as root: see `canSwitchUser`).
    static func run(_ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:],
                    stdin: String? = nil, userID: Int? = nil) throws -> Result {
        let process = Process()
        if let userID {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
            process.arguments = ["--reuid=\(userID)", "--regid=\(userID)", "--clear-groups", url.path] + arguments
        } else {
            process.executableURL = url
            process.arguments = arguments
        }
        if let directory { process.currentDirectoryURL = directory }
        var env = ProcessInfo.processInfo.environment
        for (k, v) in environment { env[k] = v }
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let input = Pipe()
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try? input.fileHandleForWriting.close()
        // Read both pipes before waiting, so a chatty child never blocks on a full pipe.
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus,
                      stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }
}
