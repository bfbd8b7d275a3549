import Foundation
import Testing
@testable import LitCoderCore

/// A log is read in pieces, decoded on a second thread when it is large, and replayed from the
/// decoder's fields without making events. None of that may change what reading it gives: each
/// way is compared with decoding every line by Foundation's JSONDecoder and applying the events
/// one by one (`CodingState.apply`), and the ways are compared with each other on everything
/// the scan reports.
@Suite struct LogReadingModesTests {
    static let owner = "maya"
    static let hashA = String(repeating: "a1", count: 32)
    static let hashB = String(repeating: "b2", count: 32)

    /// Lines of every kind a log can hold, in a random order for `seed`: litcoder's own lines,
    /// the same events written otherwise (spaces, escapes, key order, nulls), lines that belong
    /// elsewhere or are damaged, blank and CRLF lines, and long notes.
    static func lines(seed: UInt64, count: Int) -> [String] {
        var random = SplitMix64(seed: seed)
        var lines: [String] = []
        var seq = 0
        func next() -> Int { seq += 1; return seq }
        let papers = (0..<40).map { "p\($0)" } + ["ünï-1", "id with \\\"quote\\\""]
        let lists = [#"["iemocap"]"#, #"["iemocap","ravdess"]"#, #"[ "iemocap" , "ravdess" ]"#, #"["old-code"]"#,
                     #"["emo\/db"]"#, #"["emo/db"]"#, #"["ünï"]"#, #"[]"#, #"["old-code","iemocap"]"#]
        for _ in 0..<count {
            let paper = papers[random.next(papers.count)]
            let hash = random.next(5) == 0 ? hashB : hashA
            let time = "2026-11-24T10:00:00.\(100 + random.next(900))Z"
            switch random.next(22) {
            case 0...5:
                let dimension = ["datasets", "motivation", "emo\\/tions", "late-dimension"][random.next(4)]
                let list = lists[random.next(lists.count)]
                lines.append(#"{"v":1,"seq":\#(next()),"time":"\#(time)","coder":"maya","paper":"\#(paper)","op":"set","dim":"\#(dimension)","codes":\#(list),"codebook":"\#(hash)"}"#)
            case 6:
                // A dimension first set to nothing, then to codes: its column is made late.
                lines.append(#"{"v":1,"seq":\#(next()),"time":"\#(time)","coder":"maya","paper":"\#(paper)","op":"set","dim":"fresh-\#(seq % 3)","codes":[],"codebook":"\#(hash)"}"#)
            case 7:
                lines.append(#"{"v":1,"seq":\#(next()),"time":"\#(time)","coder":"maya","paper":"\#(paper)","op":"set","dim":"fresh-\#(seq % 3)","codebook":"\#(hash)"}"#)
            case 8:
                lines.append(#"{"v":1,"seq":\#(next()),"time":"\#(time)","coder":"maya","paper":"\#(paper)","op":"set","dim":"summary","text":"\#(["a finding", "  ", ""][random.next(3)])","codebook":"\#(hash)"}"#)
            case 9:
                let text = random.next(6) == 0 ? String(repeating: "long \\\"note\\\" ", count: 30_000) : "unsure \\u00e9 \\n here"
                lines.append(#"{"v":1,"seq":\#(next()),"time":"\#(time)","coder":"maya","paper":"\#(paper)","op":"note","text":"\#(text)","codebook":"\#(hash)"}"#)
            case 10:
                lines.append(#"{"v":1,"seq":\#(next()),"time":"\#(time)","coder":"maya","paper":"\#(paper)","op":"flag","value":\#(random.next(2) == 0),"codebook":"\#(hash)"}"#)
            case 11:
                lines.append(#"{"v":1,"seq":\#(next()),"time":"\#(time)","coder":"maya","paper":"\#(paper)","op":"done","value":\#(random.next(2) == 0),"codebook":"\#(hash)"}"#)
            case 12:
                lines.append(#"{"v":1,"seq":\#(next()),"time":"\#(time)","coder":"maya","paper":"\#(paper)","op":"view","codebook":"\#(hash)"}"#)
            case 13:
                // Key order, spaces, a null and an escaped name: JSONDecoder's business or the fast path's.
                lines.append(#" { "codebook" : "\#(hash)", "op":"set", "paper":"\#(paper)", "coder":"ma\u0079a", "dim":"datasets", "codes":["ravdess"], "text":null, "time":"\#(time)", "seq":\#(next()), "v":1 } "#)
            case 14:
                lines.append(#"{"v":1,"seq":\#(next()),"time":"\#(time)","coder":"omar","paper":"\#(paper)","op":"set","dim":"datasets","codes":["iemocap"],"codebook":"\#(hash)"}"#)
            case 15:
                lines.append(#"{"v":1,"seq":\#(next()),"time":"\#(time)","coder":"_consensus","paper":"\#(paper)","op":"adjudicate","dim":"datasets","codes":["iemocap"],"codebook":"\#(hash)","sources":["maya"],"adjudicator":"ana"}"#)
            case 16:
                lines.append(#"{"v":2,"seq":\#(next()),"time":"\#(time)","coder":"maya","paper":"\#(paper)","op":"evidence","dim":"datasets","code":"iemocap","field":"abstract","start":0,"end":4,"quote":"Emot","hash":"\#(hashA)","value":true,"codebook":"\#(hash)"}"#)
            case 17:
                lines.append(["", "   ", "\t", #"{"v":1,"seq":"#, "not json at all", #"{"v":9,"seq":\#(next()),"op":"paint"}"#][random.next(6)])
            case 18:
                // A seq that goes back or jumps.
                seq += [-3, 4][random.next(2)]
                lines.append(#"{"v":1,"seq":\#(max(seq, 1)),"time":"\#(time)","coder":"maya","paper":"\#(paper)","op":"done","value":true,"codebook":"\#(hash)"}"#)
            case 19:
                lines.append(#"{"v":1,"seq":\#(next()),"time":"\#(time)","coder":"maya","paper":"\#(paper)","op":"set","dim":"datasets","codes":["iemocap"],"codebook":"\#(hash)"}"# + "\r")
            default:
                lines.append(#"{"v":1,"seq":\#(next()),"time":"\#(time)","coder":"maya","paper":"\#(paper)","op":"set","dim":"motivation","codes":["healthcare"],"codebook":"\#(hashA)"}"#)
            }
        }
        return lines
    }

    static let renamingCodebook: Codebook = CodebookLoader.parse("""
        id: modes
        title: Reading modes
        version: "1"
        dimensions:
          - id: datasets
            label: Datasets
            kind: multi
            codes:
              - {id: iemocap, label: IEMOCAP, replaces: [old-code]}
              - {id: ravdess, label: RAVDESS}
        """, file: "modes.yaml").0!

    /// What the log should give: each line decoded by JSONDecoder, kept when its version, seq
    /// and place are right, and applied one by one.
    static func expected(_ lines: [String], renaming: CodeRenaming) -> (CodingState, [CodingEvent]) {
        var state = CodingState(coder: owner, renaming: renaming)
        var events: [CodingEvent] = []
        for line in lines {
            guard let event = try? JSONDecoder().decode(CodingEvent.self, from: Data(line.utf8)),
                  (1...CodingEvent.schemaVersion).contains(event.v), (1...CodingEvent.largestSeq).contains(event.seq),
                  event.coder == owner, event.op != .adjudicate else { continue }
            state.apply(event)
            events.append(event)
        }
        return (state, events)
    }

    static func write(_ lines: [String], tail: String = "") throws -> (TemporaryFolder, URL) {
        let folder = try TemporaryFolder("litcoder-modes")
        let url = folder.file("maya.jsonl")
        try Data((lines.joined(separator: "\n") + "\n" + tail).utf8).write(to: url)
        return (folder, url)
    }

    @Test(arguments: [(UInt64(1), false), (2, false), (3, true), (4, true), (5, false), (6, true)])
    func replayingFromFieldsGivesWhatApplyingEachEventGives(seed: UInt64, renamed: Bool) throws {
        let lines = Self.lines(seed: seed, count: 1_500)
        let renaming = renamed ? Self.renamingCodebook.renaming : .none
        let (expectedState, expectedEvents) = Self.expected(lines, renaming: renaming)
        let (folder, url) = try Self.write(lines)
        _ = folder
        for threadFrom in [Int.max, 0] {
            for pieceSize in [nil, 1, 300, 70_000] {
                var replay = CodingState.Replay(into: CodingState(coder: Self.owner, renaming: renaming))
                var scanner = LogScanner(displayPath: "maya.jsonl", keepsTime: false, owner: Self.owner)
                let fd = open(url.path, O_RDONLY)
                defer { close(fd) }
                try scanner.scan(descriptor: fd, from: 0, consumed: { _ in }, into: &replay, threadFrom: threadFrom, pieceSize: pieceSize)
                let state = replay.finish()
                let mode = "thread from \(threadFrom), pieces of \(pieceSize.map(String.init) ?? "default")"
                #expect(state == expectedState, "\(mode)")
                #expect(state.codebookHashes == expectedState.codebookHashes, "\(mode)")
                #expect(state.codeLists == expectedState.codeLists, "\(mode): code lists in the order first set")
                #expect(state.columnDimensions == expectedState.columnDimensions, "\(mode): columns in the order first coded")
            }
        }
        // The public readers: the workbench's open, and reading every event with its time.
        let opened = try CodingLog.open(url: url, coder: Self.owner, codebookHash: Self.hashA, renaming: renaming)
        #expect(opened.state == expectedState)
        #expect(try opened.history() == expectedEvents)
        opened.close()
        #expect(try CodingLog.read(url: url, displayPath: nil, owner: Self.owner).events == expectedEvents)
    }

    /// Everything a scan reports, for comparing one way of reading with another.
    struct Report: Equatable {
        var diagnostics: [Diagnostic]
        var health: LogHealth
        var lines: [Int]
        var completeLength: Int
        var tornTail: LogScanner.TornTail?
        var consumed: UInt64
        var events: [CodingEvent]
    }

    static func report(of url: URL, start: Int = 0, threadFrom: Int, pieceSize: Int?) throws -> Report {
        var scanner = LogScanner(displayPath: "maya.jsonl", keepsTime: true, owner: owner)
        scanner.recordsLines = true
        var hasher = XXHash64()
        var events: [CodingEvent] = []
        let fd = open(url.path, O_RDONLY)
        defer { close(fd) }
        var sink = Collect(events: { events.append($0) }).sink
        try scanner.scan(descriptor: fd, from: start, consumed: { hasher.update($0) }, into: &sink,
                         threadFrom: threadFrom, pieceSize: pieceSize)
        return Report(diagnostics: scanner.allDiagnostics, health: scanner.health, lines: scanner.eventLines,
                      completeLength: scanner.completeLength, tornTail: scanner.tornTail, consumed: hasher.digest(), events: events)
    }

    /// A sink that makes every event a `CodingEvent`, as the commands' reader does.
    struct Collect {
        var sink: Sink
        init(events: @escaping (CodingEvent) -> Void) { sink = Sink(add: events) }
        struct Sink: LogEventSink {
            let add: (CodingEvent) -> Void
            mutating func take(_ fields: borrowing EventLineDecoder.Fields, names: borrowing EventLineDecoder.Names) {
                add(names.event(from: fields))
            }
            mutating func take(_ event: consuming CodingEvent) { add(event) }
        }
    }

    @Test(arguments: [UInt64(11), 12, 13])
    func everyWayOfReadingReportsTheSame(seed: UInt64) throws {
        let lines = Self.lines(seed: seed, count: 800)
        for tail in ["", #"{"v":1,"seq":99999,"ti"#] {
            let (folder, url) = try Self.write(lines, tail: tail)
            _ = folder
            let size = try #require(try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int)
            let first = try Self.report(of: url, threadFrom: Int.max, pieceSize: nil)
            #expect(first.completeLength == size - tail.utf8.count)
            #expect((first.tornTail != nil) == !tail.isEmpty)
            var prefix = XXHash64()
            try Data(contentsOf: url).prefix(first.completeLength).withUnsafeBytes { prefix.update($0) }
            #expect(first.consumed == prefix.digest(), "every whole line's bytes are handed on, once, in order")
            for (threadFrom, pieceSize) in [(0, nil), (0, 1), (0, 2), (Int.max, 5), (0, 333), (Int.max, 4_096), (0, 1 << 20)] {
                let other = try Self.report(of: url, threadFrom: threadFrom, pieceSize: pieceSize)
                #expect(other == first, "thread from \(threadFrom), pieces of \(pieceSize.map(String.init) ?? "default")")
            }
        }
    }

    @Test func aScanFromTheMiddleCountsOnFromWhereItStarts() throws {
        let lines = Self.lines(seed: 21, count: 300)
        let (folder, url) = try Self.write(lines)
        _ = folder
        let bytes = try Data(contentsOf: url)
        // The start of line 150, as a snapshot would record it.
        let start = bytes.indices.filter { bytes[$0] == 0x0A }[148] + 1
        for threadFrom in [Int.max, 0] {
            for pieceSize in [nil, 3] {
                var scanner = LogScanner(displayPath: "maya.jsonl", keepsTime: false, owner: Self.owner)
                var count = 0
                let fd = open(url.path, O_RDONLY)
                defer { close(fd) }
                var sink = Collect(events: { _ in count += 1 }).sink
                try scanner.scan(descriptor: fd, from: start, consumed: { _ in }, into: &sink, threadFrom: threadFrom, pieceSize: pieceSize)
                #expect(scanner.completeLength == bytes.count)
                #expect(scanner.lineCount == 300 - 149)
                let (_, events) = Self.expected(Array(lines[149...]), renaming: .none)
                #expect(count == events.count)
            }
        }
    }

    @Test func decodersThatShareTheirPastNumberWhatTheyAddApart() throws {
        func line(_ dimension: String, _ codes: String) -> [UInt8] {
            Array(#"{"v":1,"seq":1,"time":"t","coder":"maya","paper":"p","op":"set","dim":"\#(dimension)","codes":\#(codes),"codebook":"h"}"#.utf8)
        }
        var first = EventLineDecoder()
        let shared = try #require(line("datasets", #"["a"]"#).withUnsafeBufferPointer { first.fields(of: $0) })
        var second = first
        #expect(first.names.identity == second.names.identity)
        let one = try #require(line("motivation", #"["b"]"#).withUnsafeBufferPointer { first.fields(of: $0) })
        let two = try #require(line("emotions", #"["c"]"#).withUnsafeBufferPointer { second.fields(of: $0) })
        #expect(one.dimension == two.dimension, "both gave the next number to a different dimension")
        #expect(first.names.identity != second.names.identity, "so they no longer count as the same names")
        // A replay fed from both still applies what each line said.
        var replay = CodingState.Replay(into: CodingState(coder: "maya"))
        replay.take(shared, names: first.names)
        replay.take(one, names: first.names)
        replay.take(two, names: second.names)
        let coding = replay.finish().coding(for: "p")
        #expect(coding.codes == ["datasets": ["a"], "motivation": ["b"], "emotions": ["c"]])
    }

    @Test func aNameOrListWrittenTwoWaysHasOneNumber() throws {
        var decoder = EventLineDecoder()
        func fields(_ dimension: String, _ codes: String) throws -> EventLineDecoder.Fields {
            let line = Array(#"{"v":1,"seq":1,"time":"t","coder":"maya","paper":"p","op":"set","dim":"\#(dimension)","codes":\#(codes),"codebook":"h"}"#.utf8)
            return try #require(line.withUnsafeBufferPointer { decoder.fields(of: $0) })
        }
        let plain = try fields("emo/db", #"["a","b/c"]"#)
        let escaped = try fields(#"emo\/db"#, #"[ "a" , "b\/c" ]"#)
        let unicode = try fields(#"\u0065mo/db"#, #"["\u0061","b/c"]"#)
        #expect(plain.dimension == escaped.dimension && escaped.dimension == unicode.dimension)
        #expect(plain.codes == escaped.codes && escaped.codes == unicode.codes)
        #expect(decoder.names.strings.count == 3, "maya, emo/db and h")
        #expect(decoder.names.lists == [["a", "b/c"]])
    }

    @Test func eachPieceCarriesOnlyTheNamesItsLinesAdded() throws {
        // Every line a new code list, then the same lists again: the pieces of the first half
        // carry their own lists, those of the second half none (a piece that carried the whole
        // table would be copied each time the decoder added to it while it waited).
        let lists = (0..<600).map { #"["c\#($0)"]"# }
        let lines = (lists + lists).enumerated().map { index, list in
            #"{"v":1,"seq":\#(index + 1),"time":"t","coder":"maya","paper":"p\#(index % 50)","op":"set","dim":"datasets","codes":\#(list),"codebook":"h"}"#
        }
        let (folder, url) = try Self.write(lines)
        _ = folder
        let fd = open(url.path, O_RDONLY)
        defer { close(fd) }
        var reader = LogPieceReader(descriptor: fd, from: 0, size: Int.max, decoder: EventLineDecoder(keepsTime: false),
                                    displayPath: "maya.jsonl", pieceSize: 4_096)
        var listsCarried = 0, stringsCarried = 0, linesRead = 0, pieces = 0
        while let piece = try reader.next() {
            pieces += 1
            if linesRead >= 600 { #expect(piece.newLists.isEmpty && piece.newStrings.isEmpty, "piece \(pieces)") }
            listsCarried += piece.newLists.count
            stringsCarried += piece.newStrings.count
            linesRead += piece.lines.count
        }
        #expect(pieces > 20)
        #expect(linesRead == 1_200)
        #expect(listsCarried == 600, "each list handed on once")
        #expect(stringsCarried == 3, "maya, datasets and h, once each")
    }

    @Test func aThreadThatCannotBeMadeIsSaidSoAndItsWorkNeverRuns() {
        final class Flag: @unchecked Sendable { var ran = false }
        let flag = Flag()
        // A stack no machine can map: the system refuses the thread.
        #expect(!BackgroundThread.start(stackSize: 1 << 50) { flag.ran = true })
        usleep(50_000)
        #expect(!flag.ran)
        let done = DispatchSemaphore(value: 0)
        #expect(BackgroundThread.start { flag.ran = true; done.signal() })
        done.wait()
        #expect(flag.ran)
    }

    @Test func theByteTableFindsWhatWasAddedAndNothingElse() {
        var table = ByteStringTable()
        let words = (0..<5_000).map { Array("w\($0 * 7919)".utf8) } + [[], Array("\"".utf8)]
        for (index, word) in words.enumerated() {
            word.withUnsafeBufferPointer { raw in
                let hash = ByteStringTable.hash(raw)
                #expect(table.find(raw, hash: hash) == nil)
                #expect(table.add(raw, hash: hash) == Int32(index))
            }
        }
        for (index, word) in words.enumerated() {
            word.withUnsafeBufferPointer { #expect(table.find($0, hash: ByteStringTable.hash($0)) == Int32(index)) }
        }
        Array("w1".utf8).withUnsafeBufferPointer { #expect(table.find($0, hash: ByteStringTable.hash($0)) == nil) }
        // In place: a quote, the bytes, a quote; never past the end of the line.
        let line = Array(#""w7919","w0"#.utf8)
        line.withUnsafeBufferPointer { raw in
            #expect(table.matchesQuoted(1, in: raw, at: 0) == 7)
            #expect(table.matchesQuoted(0, in: raw, at: 8) == nil, "no closing quote before the end")
            #expect(table.matchesQuoted(1, in: raw, at: 8) == nil)
        }
        Array(#""""#.utf8).withUnsafeBufferPointer { #expect(table.matchesQuoted(5_000, in: $0, at: 0) == 2, "the empty string") }
    }
}

extension SplitMix64 {
    /// A number in `0..<bound`.
    mutating func next(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
}
