import Foundation
import LitCoderCore
import Testing

/// Every command that prints text, run over a project whose codebook, corpus, notes, file
/// names and file contents are full of terminal controls: no output may hold a control
/// character, DEL or a bidi override (only line feeds), while CSV and JSON keep the data.
@Suite struct TerminalSafeOutputTests {
    /// What no text output may hold, written out here rather than taken from the code under
    /// test: C0 controls but the line feed, DEL, C1 controls, bidi overrides and isolates.
    static func forbidden(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return (v < 0x20 && v != 0x0A) || (0x7F...0x9F).contains(v) || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)
    }

    static let codebook = #"""
        id: hostile
        title: "Hostile \e]0;pwned\a codebook"
        version: "1"
        dimensions:
          - id: relevance
            label: "Relevance \e[7m"
            kind: single
            codes:
              - {id: in, label: "In \e]0;pwned\a scope", definition: In.}
              - {id: out, label: Out, definition: Out.}
          - id: motivation
            label: "Motivation \e[2J\x9b31m\x7f\u202e\u2066 evil"
            kind: multi
            required: true
            codes:
              - id: health
                label: "Health \e]0;pwned\a care"
                definition: "Clinical \e[31m use."
                aliases: [depression]
                needs: [clinical]
              - {id: other, label: "Other \t tab", definition: Other.}
          - id: dataset
            label: Dataset
            kind: multi
            codes:
              - {id: clinic, label: "Clinic \x9b2J", definition: Clinic., provides: [clinical]}
              - {id: acted, label: Acted, definition: Acted., provides: [acted]}
          - id: comment
            label: "Comment \r\n next"
            kind: text
        screening: {dimension: relevance, include: [in], exclude: [out]}
        alignments:
          - id: motivation-dataset
            label: "Served \e]0;pwned\a by data"
            from: motivation
            to: dataset

        """#

    static let papers = #"""
        {"id":"p1","title":"Depression \u001b]0;pwned\u0007 \u001b[2J\u009b31m\u007f\u202e\u2066 title\r\tx","authors":["Evil \u001b[5m, Eve"],"year":2020,"venue":"Venue \u001b[1m","abstract":"Abstract \u001b]0;pwned\u0007 \u001b[2J depression clinic","keywords":["kw \u001b[7m"]}
        {"id":"p2","title":"Second \u001b[2J \u2067 paper","year":2021,"abstract":"Plain \u0085 text."}

        """#

    static let hostile = "\u{1B}]0;pwned\u{07}\u{1B}[2J\u{9B}\u{7F}\u{202E}\u{2068}\r\t"

    /// A project from the files above, coded by alice and bob (with hostile notes and text).
    static func project() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("litcoder-hostile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try codebook.write(to: root.appendingPathComponent("cb.yaml"), atomically: true, encoding: .utf8)
        try papers.write(to: root.appendingPathComponent("papers.jsonl"), atomically: true, encoding: .utf8)
        let made = try LitcoderBinary.run(["init", "proj", "--codebook", "cb.yaml", "--corpus", "papers.jsonl"], in: root)
        #expect(made.status == 0, "\(made.stderr)")
        let project = root.appendingPathComponent("proj")
        for arguments in [
            ["set", "p1", "relevance=in", "motivation=health", "dataset=acted", "comment=text \(hostile)", "--note", "note \(hostile)", "--done", "--coder", "alice"],
            ["set", "p2", "motivation=health", "--flag", "--coder", "alice"],
            ["set", "p1", "motivation=other", "dataset=clinic", "--note", "bob \(hostile)", "--done", "--coder", "bob"],
            ["set", "p2", "dataset=clinic", "--done", "--coder", "bob"],
            // A quote of the hostile abstract: its controls are data, kept in the log.
            ["evidence", "p1", "motivation", "health", "Abstract \u{1B}]0;pwned\u{07} \u{1B}[2J depression", "--coder", "alice"],
        ] {
            let result = try LitcoderBinary.run(arguments, in: project)
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
        }
        // A file to import, whose name and contents are hostile, with a record that fails.
        let bib = "@article{evil\u{1B}]0;pwned\u{07}1,\n  title = {Imported \u{1B}[2J \u{202E}title},\n  year = {2022}\n}\n\n@article{broken,\n  title = {Unclosed \u{1B}]0;pwned\u{07}\n"
        try bib.write(to: root.appendingPathComponent("refs \u{1B}[2J\u{202E}.bib"), atomically: true, encoding: .utf8)
        // The second paper again, from another file: import merges it, `duplicates` lists it.
        let again = #"{"id":"again","title":"Second \u001b[2J \u2067 paper","year":2021,"abstract":"Plain."}"# + "\n"
        try again.write(to: root.appendingPathComponent("again \u{1B}]0;x\u{07}.jsonl"), atomically: true, encoding: .utf8)
        return project
    }

    /// Every text command (and format), and a few that fail on hostile input.
    static let commands: [[String]] = [
        ["show", "p1", "--coder", "alice"], ["show", "p2", "--coder", "bob"],
        ["status"], ["validate"], ["suggest"],
        ["summary", "--coder", "alice"], ["summary", "--coder", "alice", "--format", "markdown"],
        ["summary", "--coder", "alice", "--format", "latex"], ["summary", "--all", "--all-codes"],
        ["mismatches", "--coder", "alice"], ["mismatches", "--coder", "alice", "--format", "markdown"],
        ["mismatches", "--coder", "alice", "--format", "latex"],
        ["agree", "--coders", "alice,bob", "--bootstrap", "0"], ["agree", "--coders", "alice,bob", "--bootstrap", "0", "--format", "markdown"],
        ["disagreements", "--coders", "alice,bob"],
        ["consensus", "--auto-agreed", "--coders", "alice,bob"],
        ["export", "--format", "methods", "-o", "-", "--coders", "alice,bob"],
        ["export", "--format", "html", "-o", "-", "--coder", "alice"],
        ["export", "--format", "qdc", "-o", "-"],
        ["import", "../refs \u{1B}[2J\u{202E}.bib", "--dry-run"],
        ["import", "../again \u{1B}]0;x\u{07}.jsonl"], ["duplicates"], ["prisma"], ["prisma", "--format", "markdown"],
        ["queue", "--coder", "alice"], ["round", "add", "pilot", "--sample", "1"], ["round", "list"],
        ["agree", "--by-round", "--bootstrap", "0"], ["assign", "--coders", "alice,bob", "--per-paper", "1"],
        ["assignments"], ["queue", "--coder", "bob", "--queue", "all"],
        ["show", "p\u{1B}]0;pwned\u{07}1", "--coder", "alice"],
        ["set", "p1", "motivation=he\u{1B}[2Jalth", "--coder", "alice"],
        ["set", "p\u{9B}1", "--done", "--coder", "alice"],
        ["summary", "--coder", "nobody\u{1B}[2J"],
        ["evidence", "p1", "motivation", "health", "\u{1B}]0;pwned\u{07} not there", "--coder", "alice"],
        ["evidence", "p1", "motivation", "health", "\u{1B}[2J depression", "--coder", "alice"],
    ]

    @Test func noTextCommandPrintsAControlCharacter() throws {
        let project = try Self.project()
        defer { try? FileManager.default.removeItem(at: project.deletingLastPathComponent()) }
        for arguments in Self.commands {
            let result = try LitcoderBinary.run(arguments, in: project)
            for (stream, text) in [("stdout", result.stdout), ("stderr", result.stderr)] {
                let found = text.unicodeScalars.filter(Self.forbidden).map { String($0.value, radix: 16) }
                #expect(found.isEmpty, "\(arguments.joined(separator: " ")) printed \(found) on \(stream):\n\(text)")
            }
            #expect(!(result.stdout + result.stderr).isEmpty, "\(arguments) printed nothing")
        }
    }

    @Test func dataIsShownEscapedNotDropped() throws {
        let project = try Self.project()
        defer { try? FileManager.default.removeItem(at: project.deletingLastPathComponent()) }
        let show = try LitcoderBinary.run(["show", "p1", "--coder", "alice"], in: project)
        #expect(show.stdout.contains(#"p1: Depression \e]0;pwned^G \e[2J\u{9B}31m^?\u{202E}\u{2066} title\r\tx"#), "\(show.stdout)")
        #expect(show.stdout.contains(#"note: note \e]0;pwned^G\e[2J\u{9B}^?\u{202E}\u{2068}\r\t"#), "\(show.stdout)")
        // "Abstract ESC]0;pwned BEL ESC[2J depression" is the first 35 scalars of the abstract (Python: len).
        #expect(show.stdout.contains(#"    evidence for health: “Abstract \e]0;pwned^G \e[2J depression” (abstract 0–35)"#), "\(show.stdout)")
        let status = try LitcoderBinary.run(["show", "p\u{1B}]0;pwned\u{07}1", "--coder", "alice"], in: project)
        #expect(status.status == 64)
        #expect(status.stderr.contains(#"p\e]0;pwned^G1"#), "\(status.stderr)")
    }

    /// On a terminal, CSV and the bibliography show their data's controls as escapes: the
    /// title that would rename the window and clear the screen does neither.
    @Test(arguments: [["export", "--format", "csv", "--coder", "alice"], ["export", "--format", "bibtex"],
                      ["export", "--format", "ris"], ["export", "--format", "csv-long", "--all"]])
    func dataOnATerminalIsShownEscaped(_ arguments: [String]) throws {
        guard TmuxDriver.availableOrSkip() else { return }
        let project = try Self.project()
        defer { try? FileManager.default.removeItem(at: project.deletingLastPathComponent()) }
        let tmux = TmuxDriver(name: "data-on-tty-\(arguments[2])")
        defer { tmux.stop() }
        tmux.start([LitcoderBinary.url.path] + arguments, in: project, width: 200, height: 50)
        #expect(tmux.exitStatus() == 0)
        #expect(tmux.wait(for: #"\e]0;pwned^G"#))
        #expect(!tmux.paneTitle.contains("pwned"), "\(tmux.paneTitle)")
    }

    /// CSV keeps the data as it is; JSON keeps it too, in its own escapes.
    @Test func csvAndJSONKeepTheData() throws {
        let project = try Self.project()
        defer { try? FileManager.default.removeItem(at: project.deletingLastPathComponent()) }
        let csv = try LitcoderBinary.run(["export", "--format", "csv", "-o", "-", "--coder", "alice"], in: project)
        #expect(csv.status == 0)
        #expect(csv.stdout.contains("note \(Self.hostile)"), "\(csv.stdout)")
        let json = try LitcoderBinary.run(["show", "p1", "--coder", "alice", "--format", "json"], in: project)
        #expect(json.stdout.unicodeScalars.filter(Self.forbidden).isEmpty)
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        let paper = object?["paper"] as? [String: Any]
        #expect(paper?["title"] as? String == "Depression \u{1B}]0;pwned\u{07} \u{1B}[2J\u{9B}31m\u{7F}\u{202E}\u{2066} title\r\tx")
        let exported = try LitcoderBinary.run(["export", "--format", "json", "-o", "-", "--coder", "alice"], in: project)
        #expect(exported.stdout.unicodeScalars.filter(Self.forbidden).isEmpty)
        #expect(exported.stdout.contains(#"\u009b"#) || exported.stdout.contains(#"\u009B"#))
    }
}
