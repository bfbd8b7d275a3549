import ArgumentParser
import Foundation
import LitCoderCore
import Synchronization

/// Writing to standard output and error, and the exit statuses litcoder uses.
///
/// A write to standard output that fails (a full disk behind `> file`, `> /dev/full`, a
/// broken pipe when SIGPIPE is ignored) never crashes: the first failure is remembered,
/// later output is dropped, and `finish()` ends the command with one line on standard error
/// and exit status 74 (sysexits' EX_IOERR), once the command has done its work and closed its
/// files. A pipe closed by the reader (`litcoder … | head -1`) ends it quietly, as SIGPIPE does
/// for any command. Failures writing standard error are ignored: there is nowhere left to say so.
///
/// Every path to the terminal goes through here. Text for people (reports as tables, Markdown
/// or LaTeX, messages, errors) is shown with its control characters as visible escapes
/// (`TerminalText.escaped`), so a title in a data file can never drive the user's terminal;
/// CSV is data and is written as it is; JSON keeps its data too, in its own escapes.
enum Console {
    /// The errno of the first failed write to standard output.
    private static let outputFailure = Mutex<Int32?>(nil)

    static func error(_ message: String) {
        _ = writeAll(STDERR_FILENO, Array((TerminalText.escaped(message) + "\n").utf8))
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
        write(bytes: Array(TerminalText.escaped(text).utf8))
    }

    /// Writes CSV as it is: its fields are data, quoted as CSV says.
    static func writeCSV(_ csv: String) {
        writeData(Array(csv.utf8))
    }

    /// Writes data that has no escapes of its own (CSV, BibTeX, RIS): as it is into a file or
    /// a pipe, where it is data; with its control characters as visible escapes when standard
    /// output is a terminal, which they would otherwise drive (`TerminalText.escapedData`).
    static func writeData(_ bytes: [UInt8]) {
        if isatty(STDOUT_FILENO) == 1 {
            write(bytes: Array(TerminalText.escapedData(String(decoding: bytes, as: UTF8.self)).utf8))
        } else {
            write(bytes: bytes)
        }
    }

    /// Writes JSON with DEL, C1 and bidirectional controls in `\u` escapes: the same data.
    static func writeJSON(_ json: String) {
        write(bytes: Array(TerminalText.jsonEscaped(json).utf8))
    }

    /// Writes a report in the form it was rendered in.
    static func write(_ text: String, as format: ReportFormat) {
        switch format {
        case .csv: writeCSV(text)
        case .json: writeJSON(text)
        case .table, .markdown, .latex: write(text)
        }
    }

    /// Writes bytes to standard output as they are.
    static func write(bytes: [UInt8]) {
        guard outputFailure.withLock({ $0 == nil }) else { return }
        do {
            try StandardOutput.write(bytes)
        } catch {
            outputFailure.withLock { $0 = $0 ?? error.errno }
        }
    }

    /// Writes standard error without a line break (a progress bar redrawing itself).
    static func writeError(_ text: String) {
        _ = writeAll(STDERR_FILENO, Array(text.utf8))
    }

    /// Ends the process if writing standard output failed; returns when it did not.
    static func finish() {
        guard let failure = outputFailure.withLock({ $0 }) else { return }
        if failure == EPIPE {
            // The reader went away: end as SIGPIPE would have ended us, without a word.
            signal(SIGPIPE, SIG_DFL)
            raise(SIGPIPE)
            exit(141)
        }
        error("error: cannot write to standard output: \(String(cString: strerror(failure))); the command itself finished, but what it printed is incomplete")
        exit(74)
    }

    /// `write(2)` until every byte is written; 0, or the errno of the failure.
    private static func writeAll(_ descriptor: Int32, _ bytes: [UInt8]) -> Int32 {
        bytes.withUnsafeBytes { buffer -> Int32 in
            guard let base = buffer.baseAddress else { return 0 }
            var offset = 0
            while offset < buffer.count {
                let n = Foundation.write(descriptor, base + offset, buffer.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                offset += n
            }
            return 0
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
