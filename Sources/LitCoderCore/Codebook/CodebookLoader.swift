import Foundation
import Yams

/// Reads a codebook from YAML, validating it and locating every problem as `FILE:LINE:COLUMN`.
///
/// Every problem is reported, not only the first: YAML syntax, unknown keys (with a
/// did-you-mean), wrong types, missing keys, duplicate ids, codes where none belong, needs
/// no code can meet, alignments naming missing dimensions, aliases that are not valid
/// regular expressions. Warnings leave the codebook usable; any error makes it unusable.
/// The rules are documented in `docs/codebook-format.md`.
public enum CodebookLoader {
    /// The codebook in `url`, or nil when it has errors; diagnostics list every problem found.
    public static func load(url: URL, displayName: String? = nil) -> (Codebook?, [Diagnostic]) {
        let name = displayName ?? url.path
        var info = stat()
        // A device such as /dev/zero would be read without end.
        let isDevice = stat(url.path, &info) == 0 && [S_IFCHR, S_IFBLK].contains(info.st_mode & S_IFMT)
        guard !isDevice, let data = FileManager.default.contents(atPath: url.path) else {
            return (nil, [Diagnostic(file: name, message: "cannot read the codebook",
                                     hint: "check the path (in litcoder.yaml, 'codebook')")])
        }
        guard let text = String(data: data, encoding: .utf8) else {
            return (nil, [Diagnostic(file: name, message: "the codebook is not UTF-8 text",
                                     hint: "save it as UTF-8")])
        }
        return parse(text, file: name, contentHash: SHA256.hex(of: data))
    }

    /// Parses codebook YAML text; the content hash defaults to the SHA-256 of the text's UTF-8 bytes.
    public static func parse(_ text: String, file: String, contentHash: String? = nil) -> (Codebook?, [Diagnostic]) {
        if let problem = YAMLShape.problem(in: text, file: file) { return (nil, [problem]) }
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch let YamlError.duplicatedKeysInMapping(duplicates, context) {
            let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            return (nil, [Diagnostic(
                file: file, line: context.mark.line, column: context.mark.column,
                message: "YAML: key \(keys) appears more than once in the same mapping",
                hint: "each key may appear once; remove or rename the repeated one")])
        } catch let error as YamlError {
            var diagnostic = YAMLDiagnostics.diagnostic(for: error, file: file)
            if let line = diagnostic.line, let quote = YAMLDiagnostics.unclosedQuote(in: text, through: line),
               quote.line != line {
                diagnostic.hint = "\(file):\(quote.line):\(quote.column) opens a quote that does not close on its line; "
                    + "a missing closing quote there makes the error appear here"
            }
            diagnostic.hint = diagnostic.hint
                ?? "check the indentation and quoting around this place; quote text containing ': ' or starting with a symbol"
            return (nil, [diagnostic])
        } catch {
            return (nil, [Diagnostic(file: file, message: "YAML: \(error)")])
        }
        var reader = CodebookReader(file: file)
        let codebook = reader.read(node, contentHash: contentHash ?? SHA256.hex(of: Data(text.utf8)))
        // In file order, so a reader fixes them top to bottom; the sort is stable within a line.
        let diagnostics = reader.diagnostics.enumerated().sorted {
            ($0.element.line ?? 0, $0.element.column ?? 0, $0.offset) < ($1.element.line ?? 0, $1.element.column ?? 0, $1.offset)
        }.map(\.element)
        let hasErrors = diagnostics.contains { $0.severity == .error }
        return (hasErrors ? nil : codebook, diagnostics)
    }
}
