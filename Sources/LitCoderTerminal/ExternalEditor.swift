import Foundation

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
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            // Through the shell, so EDITOR="code --wait" works; the file name is an argument, never spliced.
            process.arguments = ["-c", command + " \"$1\"", "litcoder-editor", file.path]
            try process.run()
            process.waitUntilExit()
            guard process.terminationStatus == 0 else { return nil }
            var edited = try String(contentsOf: file, encoding: .utf8)
            // Editors add a final newline the inline editor never shows.
            while edited.hasSuffix("\n") { edited.removeLast() }
            return edited
        } catch {
            return nil
        }
    }
}
