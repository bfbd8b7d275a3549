import ArgumentParser
import Foundation

/// Writing to standard output and error, and the exit statuses litcoder uses.
enum Console {
    static func error(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }

    static func print(_ message: String) {
        FileHandle.standardOutput.write(Data((message + "\n").utf8))
    }

    /// Reports a wrong argument the way ValidationError would, without the generic usage line
    /// (the message already says what to type); throw the result to exit 64.
    static func usageError(_ message: String) -> ExitCode {
        error("error: " + message)
        return ExitCode(64)
    }

    /// Writes text to standard output as it is, adding no line break.
    static func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}

/// A failure caused by data (exit 1) rather than by how the command was called (exit 64).
enum Failure: Error, CustomStringConvertible {
    case data(String)

    var description: String {
        switch self {
        case .data(let message): message
        }
    }
}
