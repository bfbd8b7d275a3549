import Foundation
import LitCoderCore
import Testing

/// Kills a corpus writer with SIGKILL at random moments: the corpus file must always hold one
/// whole version, the one last reported written or the one being written, never a fragment.
@Suite struct CorpusCrashTests {
    @Test func aKilledWriterLeavesAWholeCorpus() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("litcoder-corpus-crash-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let corpus = folder.appendingPathComponent("papers.jsonl")
        let writer = LitcoderBinary.url(named: "litcoder-bench")
        try #require(FileManager.default.isExecutableFile(atPath: writer.path), "build litcoder-bench first: \(writer.path)")

        var generator = SystemRandomNumberGenerator()
        var killsMidWrite = 0
        for round in 1...30 {
            let process = Process()
            process.executableURL = writer
            process.arguments = ["corpus-crash-writer", "--corpus", corpus.path, "--papers", "2000"]
            let output = Pipe()
            process.standardOutput = output
            process.standardError = FileHandle.nullDevice
            try process.run()
            // Let the first write finish, then kill somewhere in the following ones.
            var printed = Data()
            waitForFirstLine(output.fileHandleForReading.fileDescriptor, into: &printed, timeout: .seconds(20))
            usleep(UInt32.random(in: 0...60_000, using: &generator))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            #expect(process.terminationReason == .uncaughtSignal, "round \(round): the writer ended by itself")
            printed += output.fileHandleForReading.readDataToEndOfFile()
            let reported = String(decoding: printed, as: UTF8.self).split(separator: "\n").map(String.init)
            guard let last = reported.last else {
                Issue.record("round \(round): the writer never reported a write")
                continue
            }

            let (loaded, diagnostics) = Corpus.load(files: [corpus])
            #expect(diagnostics.isEmpty, "round \(round): \(diagnostics.prefix(3))")
            #expect(loaded.count == 2000, "round \(round): \(loaded.count) papers")
            let tags = Set(loaded.papers.map { $0.id.split(separator: "-").last.map(String.init) ?? "" })
            #expect(tags.count == 1, "round \(round): a mixture of versions \(tags.sorted())")
            // Either the write reported last, or the next one, completed just before the kill.
            let next = last == "a" ? "b" : "a"
            #expect(tags == [last] || tags == [next], "round \(round): holds \(tags.sorted()), last reported \(last)")
            let temporaries = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0 != "papers.jsonl" }
            #expect(temporaries.count <= 1, "round \(round): abandoned temporaries pile up: \(temporaries)")
            // A temporary left behind means the kill landed between creating it and the rename.
            if temporaries.count == 1 { killsMidWrite += 1 }
        }
        #expect(killsMidWrite >= 5, "only \(killsMidWrite) of 30 kills landed mid-write: too few to prove anything")
        print("corpus crash test: 30 kills, \(killsMidWrite) in the middle of a write")
    }

    /// Reads the writer's output until it holds a whole line or `timeout` passes.
    private func waitForFirstLine(_ descriptor: Int32, into data: inout Data, timeout: Duration) {
        let deadline = ContinuousClock.now.advanced(by: timeout)
        var buffer = [UInt8](repeating: 0, count: 4096)
        while !data.contains(UInt8(ascii: "\n")), ContinuousClock.now < deadline {
            var request = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            guard poll(&request, 1, 100) > 0 else { continue }
            let n = read(descriptor, &buffer, buffer.count)
            guard n > 0 else { return }
            data.append(contentsOf: buffer[0..<n])
        }
    }
}
