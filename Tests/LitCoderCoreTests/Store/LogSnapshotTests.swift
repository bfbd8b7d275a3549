import Foundation
import Testing
@testable import LitCoderCore

/// A log snapshot changes how fast a log is read, never what is read: every field of the fold
/// is the same as reading the log whole, whether the snapshot is fresh, behind the log,
/// covering bytes the log no longer starts with, damaged, foreign or missing.
@Suite struct LogSnapshotTests {
    static let codebookYAML = """
        id: snap
        title: Snapshot codebook
        version: "1"
        dimensions:
          - id: relevance
            label: Relevance
            kind: single
            required: true
            codes:
              - {id: ser, label: SER}
              - {id: out, label: Out}
          - id: dataset
            label: Datasets
            kind: multi
            codes:
              - {id: iemocap-v2, label: IEMOCAP, replaces: [iemocap]}
              - {id: emodb, label: EmoDB}
          - id: languages
            label: Languages
            kind: text

        """

    static let codebook: Codebook = CodebookLoader.parse(codebookYAML, file: "snap.yaml").0!

    static func line(_ event: CodingEvent) -> String {
        String(decoding: EventLineEncoder.line(for: event), as: UTF8.self)
    }

    /// Every kind of line a log holds: codes under an old id, texts, a view, notes, flags,
    /// done marks, quotes attached and removed, an event under an earlier codebook, a code the
    /// codebook lacks, a malformed line, a seq gap, a newer schema, a misplaced adjudication
    /// and a blank line.
    static func head(hash: String) -> String {
        let quote = EvidenceQuote(field: .abstract, start: 0, end: 5, text: "About", fieldHash: String(repeating: "a", count: 64))
        var lines: [String] = []
        var seq = 0
        func add(_ event: CodingEvent) {
            seq += 1
            var event = event
            event.seq = seq
            event.time = "2026-12-01T10:00:00.000Z"
            lines.append(line(event))
        }
        add(.set(paper: "p1", dimension: "relevance", codes: ["ser"], coder: "alice", codebook: hash))
        add(.set(paper: "p1", dimension: "dataset", codes: ["iemocap"], coder: "alice", codebook: hash))
        add(CodingEvent(coder: "alice", paper: "p1", op: .set, dimension: "languages", text: "Hebrew", codebook: hash))
        add(CodingEvent(coder: "alice", paper: "p2", op: .view, codebook: hash))
        lines.append("{\"v\":1,\"seq\":")
        seq += 1
        add(.set(paper: "p2", dimension: "dataset", codes: ["emodb", "nope"], coder: "alice", codebook: "0ld"))
        add(CodingEvent(coder: "alice", paper: "p2", op: .note, text: "mentions clinicians", codebook: hash))
        add(CodingEvent(coder: "alice", paper: "p2", op: .flag, value: true, codebook: hash))
        add(CodingEvent(coder: "alice", paper: "p1", op: .done, value: true, codebook: hash))
        seq += 2
        add(.set(paper: "p3", dimension: "relevance", codes: ["out"], coder: "alice", codebook: hash))
        lines.append("{\"v\":99,\"seq\":\(seq + 1),\"op\":\"teleport\"}")
        seq += 1
        add(CodingEvent(coder: "alice", paper: "p3", op: .adjudicate, dimension: "relevance", codes: ["ser"],
                        codebook: hash, sources: ["bob"]))
        add(.evidence(paper: "p1", dimension: "dataset", code: "iemocap", quote: quote, attached: true, coder: "alice",
                      codebook: hash))
        lines.append("   ")
        add(CodingEvent(coder: "alice", paper: "p4", op: .done, value: true, codebook: hash))
        add(.set(paper: "p5", dimension: "languages", codes: ["ser"], coder: "alice", codebook: hash))
        return lines.joined(separator: "\n") + "\n"
    }

    /// What a coder appends later: more of every kind, a second malformed line and a torn tail.
    static func tail(hash: String) -> String {
        let quote = EvidenceQuote(field: .abstract, start: 0, end: 5, text: "About", fieldHash: String(repeating: "a", count: 64))
        var events: [CodingEvent] = [
            .set(paper: "p2", dimension: "relevance", codes: ["ser", "out"], coder: "alice", codebook: hash),
            .set(paper: "p2", dimension: "dataset", codes: ["emodb"], coder: "alice", codebook: hash),
            .evidence(paper: "p1", dimension: "dataset", code: "iemocap-v2", quote: quote, attached: false, coder: "alice",
                      codebook: hash),
            CodingEvent(coder: "alice", paper: "p6", op: .set, dimension: "languages", text: "German", codebook: hash),
        ]
        for index in events.indices {
            events[index].seq = 20 + index
            events[index].time = "2026-12-02T10:00:00.000Z"
        }
        return events.map(line).joined(separator: "\n") + "\nnot json\n" + "{\"v\":1,\"seq\":30,\"ti"
    }

    /// Everything a fold holds that a reader reports, as text to compare.
    static func describe(_ fold: LogFold) -> String {
        var out: [String] = []
        out.append("diagnostics: \(fold.contents.diagnostics.map(\.description))")
        out.append("health: \(fold.contents.health)")
        out.append("lines: \(fold.contents.lines)")
        out.append("events: \(fold.events) hasCodings: \(fold.hasCodings) older: \(fold.olderEvents) \(fold.olderCodebooks.sorted { $0.key < $1.key })")
        out.append("markedDone: \(fold.markedDone.sorted { $0.key < $1.key })")
        out.append("attachments: \(fold.attachments.map { "\($0.0) \(line($0.1))" })")
        out.append("stale: \(fold.finder.stale(corpus: nil).map { "\($0.paper) \($0.dimension) \($0.message) \($0.seq) \($0.position)" })")
        let state = fold.state
        out.append("state: \(state.coder) \(state.eventCount) \(state.lastSeq) \(String(describing: state.lastViewed)) \(String(describing: state.lastPaper)) \(state.codebookHashes.sorted { $0.key < $1.key })")
        state.forEachPaper { paper, coding in
            out.append("  \(paper): \(coding.codes.sorted { $0.key < $1.key }) \(coding.texts.sorted { $0.key < $1.key }) note=\(coding.note) flag=\(coding.flagged) done=\(coding.done) seq=\(coding.lastSeq) provenance=\(coding.provenance.count) evidence=\(coding.evidence.byCode.sorted { $0.key < $1.key }.map { "\($0.key.dimension)/\($0.key.code): \($0.value.map(\.text))" })")
        }
        return out.joined(separator: "\n")
    }

    struct Log {
        let folder: TemporaryFolder
        var url: URL { folder.file("codings/alice.jsonl") }
        var snapshots: LogSnapshots { LogSnapshots(folder: folder.file(".litcoder-cache"), minimumBytes: 0) }
        var snapshotURL: URL { snapshots.url(owner: "alice") }

        init(_ text: String) throws {
            folder = try TemporaryFolder("snapshot")
            try folder.write("codings/alice.jsonl", text)
        }

        func read(snapshots: LogSnapshots?, codebook: Codebook = LogSnapshotTests.codebook) throws -> LogFold {
            try LogFold.read(url: url, coder: "alice", displayPath: "codings/alice.jsonl", codebook: codebook,
                             snapshots: snapshots)
        }

        /// The fold read whole, with no snapshot anywhere.
        func whole() throws -> String { LogSnapshotTests.describe(try read(snapshots: nil)) }

        /// The snapshot file's inode: a new snapshot is a new file renamed into place.
        func snapshotFile() throws -> Int {
            try #require(try FileManager.default.attributesOfItem(atPath: snapshotURL.path)[.systemFileNumber] as? Int)
        }

        func append(_ text: String) throws {
            let handle = try FileHandle(forWritingTo: url)
            try handle.seekToEnd()
            try handle.write(contentsOf: Data(text.utf8))
            try handle.close()
        }
    }

    @Test func aFreshSnapshotAndOneBehindTheLogGiveWhatTheWholeLogGives() throws {
        let hash = Self.codebook.contentHash
        let log = try Log(Self.head(hash: hash))
        let expected = try log.whole()
        #expect(expected.contains("malformed event"))
        #expect(expected.contains("p2 dataset"))
        #expect(!FileManager.default.fileExists(atPath: log.snapshotURL.path))

        #expect(Self.describe(try log.read(snapshots: log.snapshots)) == expected)
        let written = try log.snapshotFile()
        // Read from the snapshot: a reader that could not use it would have written a new one.
        #expect(Self.describe(try log.read(snapshots: log.snapshots)) == expected)
        #expect(try log.snapshotFile() == written, "a snapshot that is up to date is used, not written again")
        #expect(try String(contentsOf: log.folder.file(".litcoder-cache/.gitignore"), encoding: .utf8).hasSuffix("\n*\n"))

        // The log grows: the snapshot covers its first part, the rest is read on top of it.
        try log.append(Self.tail(hash: hash))
        let grown = try log.whole()
        #expect(grown != expected)
        #expect(grown.contains("unfinished"))
        #expect(Self.describe(try log.read(snapshots: log.snapshots)) == grown)
        let movedOn = try log.snapshotFile()
        #expect(movedOn != written, "the snapshot moves on to the longer prefix")
        #expect(Self.describe(try log.read(snapshots: log.snapshots)) == grown)
        #expect(try log.snapshotFile() == movedOn)
    }

    /// A snapshot of bytes the log no longer starts with: an edit of the same length, a shorter
    /// log, a log replaced by another coder's.
    @Test(arguments: ["same length", "shorter", "other text"])
    func aSnapshotOfOtherBytesIsIgnoredAndRebuilt(change: String) throws {
        let hash = Self.codebook.contentHash
        let text = Self.head(hash: hash)
        let log = try Log(text)
        _ = try log.read(snapshots: log.snapshots)
        let edited: String
        switch change {
        case "same length": edited = text.replacingOccurrences(of: "\"Hebrew\"", with: "\"German\"")
        case "shorter": edited = String(text.prefix(text.utf8.count / 2))
        default: edited = Self.tail(hash: hash) + "\n" + text
        }
        try log.folder.write("codings/alice.jsonl", edited)
        let expected = try log.whole()
        #expect(Self.describe(try log.read(snapshots: log.snapshots)) == expected)
        #expect(Self.describe(try log.read(snapshots: log.snapshots)) == expected)
    }

    @Test func aSnapshotUnderAnotherCodebookIsIgnored() throws {
        let log = try Log(Self.head(hash: Self.codebook.contentHash))
        _ = try log.read(snapshots: log.snapshots)
        let renamed = Self.codebookYAML.replacingOccurrences(of: "{id: emodb, label: EmoDB}",
                                                             with: "{id: emodb-2, label: EmoDB, replaces: [emodb]}")
        let other = try #require(CodebookLoader.parse(renamed, file: "snap.yaml").0)
        let expected = Self.describe(try log.read(snapshots: nil, codebook: other))
        #expect(expected.contains("emodb-2"))
        #expect(Self.describe(try log.read(snapshots: log.snapshots, codebook: other)) == expected)
    }

    /// Damage of every kind: each byte changed in turn (a sample across the file), cut short,
    /// emptied, lengthened, another coder's snapshot, a folder in its place.
    @Test func aDamagedOrForeignSnapshotIsIgnoredAndRebuilt() throws {
        let log = try Log(Self.head(hash: Self.codebook.contentHash) + Self.tail(hash: Self.codebook.contentHash))
        let expected = try log.whole()
        _ = try log.read(snapshots: log.snapshots)
        let good = try Data(contentsOf: log.snapshotURL)
        var damaged: [(String, Data?)] = []
        for offset in stride(from: 0, to: good.count, by: max(1, good.count / 97)) {
            var bytes = good
            bytes[offset] ^= 0x5A
            damaged.append(("byte \(offset) changed", bytes))
        }
        for length in [0, 1, 20, good.count / 2, good.count - 1] { damaged.append(("cut to \(length)", good.prefix(length))) }
        damaged.append(("lengthened", good + Data([0x0A])))
        damaged.append(("not a snapshot", Data("hello\n".utf8)))
        damaged.append(("a folder", nil))
        for (what, bytes) in damaged {
            try? FileManager.default.removeItem(at: log.snapshotURL)
            if let bytes {
                try bytes.write(to: log.snapshotURL)
            } else {
                try FileManager.default.createDirectory(at: log.snapshotURL, withIntermediateDirectories: true)
            }
            #expect(Self.describe(try log.read(snapshots: log.snapshots)) == expected, "\(what)")
            if bytes != nil {
                #expect(log.snapshots.payload(owner: "alice", limit: .max) != nil, "\(what): rebuilt whole")
            }
        }
        try? FileManager.default.removeItem(at: log.snapshotURL)

        // Bob's snapshot in Alice's place.
        let bob = try TemporaryFolder("snapshot-bob")
        try bob.write("codings/bob.jsonl", Self.head(hash: Self.codebook.contentHash).replacingOccurrences(of: "\"alice\"", with: "\"bob\""))
        _ = try LogFold.read(url: bob.file("codings/bob.jsonl"), coder: "bob", displayPath: "codings/bob.jsonl",
                             codebook: Self.codebook, snapshots: LogSnapshots(folder: bob.file(".litcoder-cache"), minimumBytes: 0))
        try FileManager.default.copyItem(at: bob.file(".litcoder-cache/bob.snapshot"), to: log.snapshotURL)
        #expect(Self.describe(try log.read(snapshots: log.snapshots)) == expected)
    }

    /// A payload whose checksum is right but whose contents are not (what only a bug or a
    /// forger writes) is refused by the reader's own checks, or read without a trap: never a crash.
    @Test func aPayloadWithARightChecksumButWrongContentsNeverTraps() throws {
        let log = try Log(Self.head(hash: Self.codebook.contentHash))
        _ = try log.read(snapshots: log.snapshots)
        let good = try Array(Data(contentsOf: log.snapshotURL))
        let header = LogSnapshots.headerSize
        var generator = SplitMix64(seed: 11)
        for round in 0..<400 {
            var payload = Array(good[header...])
            for _ in 0..<(1 + round % 4) {
                let at = Int.random(in: 0..<payload.count, using: &generator)
                payload[at] = round % 3 == 0 ? 0xFF : UInt8.random(in: 0...255, using: &generator)
            }
            if round % 5 == 0 { payload.removeLast(Int.random(in: 0..<min(40, payload.count), using: &generator)) }
            try Data(LogSnapshots.file(payload: payload, build: try #require(log.snapshots.build))).write(to: log.snapshotURL)
            _ = try log.read(snapshots: log.snapshots)
        }
    }

    /// The fuzz harness's seed is a true snapshot payload (of a log coded under the bundled
    /// codebook), so fuzzing starts from the real format; rewrite it when the format changes.
    @Test func theFuzzSeedIsASnapshot() throws {
        let seed = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../../Fuzz/seeds/snapshot/sample-log").standardized
        let codebook = try #require(CodebookLoader.parse(BundledSample.codebook, file: "ser.yaml").0)
        let bytes = try Array(Data(contentsOf: seed))
        #expect(LogSnapshots.readsAsSnapshot(bytes, owner: "fuzz", codebook: codebook, logSize: 1 << 20))
        #expect(!LogSnapshots.readsAsSnapshot(bytes, owner: "other", codebook: codebook, logSize: 1 << 20))
        #expect(!LogSnapshots.readsAsSnapshot(Array(bytes.dropLast()), owner: "fuzz", codebook: codebook, logSize: 1 << 20))
    }

    /// A whole snapshot of the same bytes under the same codebook, but written by another build
    /// that worded a problem otherwise (here: in capitals), is not what this build reports.
    @Test func aSnapshotOfAnotherBuildIsIgnoredAndRebuilt() throws {
        let log = try Log(Self.head(hash: Self.codebook.contentHash))
        let expected = try log.whole()
        #expect(expected.contains("malformed event"))
        let other = LogSnapshots(folder: log.snapshots.folder, minimumBytes: 0, build: 1)
        _ = try log.read(snapshots: other)
        var reworded = try Array(Data(contentsOf: log.snapshotURL).dropFirst(LogSnapshots.headerSize))
        let words = Array("malformed event".utf8)
        let at = try #require(reworded.indices.first { reworded[$0...].starts(with: words) })
        reworded.replaceSubrange(at..<(at + words.count), with: "MALFORMED EVENT".utf8)
        try Data(LogSnapshots.file(payload: reworded, build: 1)).write(to: log.snapshotURL)
        #expect(Self.describe(try log.read(snapshots: other)).contains("MALFORMED EVENT"), "its own build trusts it")

        let this = LogSnapshots(folder: log.snapshots.folder, minimumBytes: 0, build: 2)
        #expect(Self.describe(try log.read(snapshots: this)) == expected)
        #expect(Self.describe(try log.read(snapshots: this)) == expected, "from the snapshot this build wrote")
        #expect(this.payload(owner: "alice", limit: .max) != nil)
        #expect(other.payload(owner: "alice", limit: .max) == nil)
    }

    /// A full disk costs the snapshot, never the read: a folder made for it is taken away again,
    /// one that was there stays with what it held.
    @Test func aFullDiskLeavesNoFolderBehindAndNoOtherSnapshotLost() throws {
        let log = try Log(Self.head(hash: Self.codebook.contentHash))
        let expected = try log.whole()
        let cache = log.folder.file(".litcoder-cache")
        DurableFile.inject(.init(call: .write, errno: ENOSPC, pathPrefix: cache.path, times: nil))
        defer { DurableFile.removeFaults(under: cache.path) }
        #expect(Self.describe(try log.read(snapshots: log.snapshots)) == expected)
        #expect(!FileManager.default.fileExists(atPath: cache.path), "no empty folder left")

        try FileManager.default.createDirectory(at: cache, withIntermediateDirectories: false)
        try Data("bob's".utf8).write(to: cache.appendingPathComponent("bob.snapshot"))
        #expect(Self.describe(try log.read(snapshots: log.snapshots)) == expected)
        #expect(try FileManager.default.contentsOfDirectory(atPath: cache.path) == ["bob.snapshot"])
    }

    @Test func shortLogsHaveNoSnapshot() throws {
        let log = try Log(Self.head(hash: Self.codebook.contentHash))
        let size = try #require(try FileManager.default.attributesOfItem(atPath: log.url.path)[.size] as? Int)
        let snapshots = LogSnapshots(folder: log.folder.file(".litcoder-cache"), minimumBytes: size + 1)
        #expect(Self.describe(try log.read(snapshots: snapshots)) == (try log.whole()))
        #expect(!FileManager.default.fileExists(atPath: log.snapshotURL.path))
    }
}
