import ArgumentParser
import Foundation
import LitCoderCore

/// Writing to standard output and error, and the exit statuses litcoder uses.
///
/// Every path to the terminal goes through here. Text for people (reports as tables, Markdown
/// or LaTeX, messages, errors) is shown with its control characters as visible escapes
/// (`TerminalText.escaped`), so a title in a data file can never drive the user's terminal;
/// CSV is data and is written as it is; JSON keeps its data too, in its own escapes.
enum Console {
    static func error(_ message: String) {
        FileHandle.standardError.write(Data((TerminalText.escaped(message) + "\n").utf8))
    }

    static func print(_ message: String) {
        write(message + "\n")
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

    /// Writes text for people, adding no line break.
    static func write(_ text: String) {
        FileHandle.standardOutput.write(Data(TerminalText.escaped(text).utf8))
    }

    /// Writes CSV as it is: its fields are data, quoted as CSV says.
    static func writeCSV(_ csv: String) {
        FileHandle.standardOutput.write(Data(csv.utf8))
    }

    /// Writes JSON with DEL, C1 and bidirectional controls in `\u` escapes: the same data.
    static func writeJSON(_ json: String) {
        FileHandle.standardOutput.write(Data(TerminalText.jsonEscaped(json).utf8))
    }

    /// Writes a report in the form it was rendered in.
    static func write(_ text: String, as format: ReportFormat) {
        switch format {
        case .csv: writeCSV(text)
        case .json: writeJSON(text)
        case .table, .markdown, .latex: write(text)
        }
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
