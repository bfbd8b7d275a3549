import ArgumentParser
import Foundation
import LitCoderCore

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

    /// How complete the consensus is, on standard error: every command that reads the
    /// consensus says it, so no reader of its output can take it for more than it is.
    static func consensusNote(_ progress: ConsensusProgress) {
        error("note: consensus: " + progress.line)
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
