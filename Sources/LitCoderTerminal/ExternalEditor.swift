import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Edits text in the user's editor (`$VISUAL`, else `$EDITOR`, else `vi`) through a
/// temporary file, for notes too long for the inline editor.
public enum ExternalEditor {
    /// The edited text, or nil when the editor failed or could not be started.
    public static func edit(_ text: String) -> String? {
        let environment = ProcessInfo.processInfo.environment
        let command = [environment["VISUAL"], environment["EDITOR"]].compactMap { $0 }.first { !$0.isEmpty } ?? "vi"
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("litcoder-note-\(UUID().uuidString).txt")
        defer { try? FileManager.default.removeItem(at: file) }
        do {
            try text.write(to: file, atomically: true, encoding: .utf8)
            // Through the shell, so EDITOR="code --wait" works; the file name is an argument, never spliced.
            guard run(["/bin/sh", "-c", command + " \"$1\"", "litcoder-editor", file.path]) == 0 else { return nil }
            var edited = try String(contentsOf: file, encoding: .utf8)
            // Editors add a final newline the inline editor never shows.
            while edited.hasSuffix("\n") { edited.removeLast() }
            return edited
        } catch {
            return nil
        }
    }

    /// Runs `arguments` in the foreground and returns its exit status (-1 when it could not run).
    ///
    /// Not `Process`: on Linux it starts the child in a process group of its own, which is a
    /// background group on the terminal, so a full-screen editor cannot read the keyboard (it
    /// stops or quits at once) and its queries' answers arrive as keys for the workbench. Here
    /// the child stays in the workbench's (foreground) group, as `system(3)` would run it.
    static func run(_ arguments: [String]) -> Int32 {
        var cArguments = arguments.map { strdup($0) }
        cArguments.append(nil)
        defer { for argument in cArguments { free(argument) } }
        var pid: pid_t = 0
        guard posix_spawn(&pid, arguments[0], nil, nil, cArguments, environ) == 0 else { return -1 }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            guard errno == EINTR else { return -1 }
        }
        // WIFEXITED / WEXITSTATUS, which Swift does not import.
        return status & 0x7F == 0 ? (status >> 8) & 0xFF : -1
    }
}
