import Foundation
import LitCoderCore
import Testing

/// Kills a writer with SIGKILL at random moments and checks that nothing it reported saved is lost.
@Suite struct CrashTests {
    @Test func everyEventReportedSavedSurvivesSIGKILL() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("litcoder-crash-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let log = folder.appendingPathComponent("codings/crasher.jsonl")
        let writer = LitcoderBinary.url(named: "litcoder-bench")
        try #require(FileManager.default.isExecutableFile(atPath: writer.path), "build litcoder-bench first: \(writer.path)")

        var generator = SystemRandomNumberGenerator()
        var reported = Set<Int>()
        var tornTails = 0
        var killsWithSavedEvents = 0
        for round in 1...100 {
            let process = Process()
            process.executableURL = writer
            process.arguments = ["crash-writer", "--log", log.path, "--note-bytes", "\(Int.random(in: 100...64_000, using: &generator))"]
            let output = Pipe()
            process.standardOutput = output
            process.standardError = FileHandle.nullDevice
            try process.run()
            let reader = output.fileHandleForReading.fileDescriptor
            var printed = Data()
            // Most kills land while events are being appended (after the first is saved); the
            // rest land anywhere from start-up on, including while a torn tail is set aside.
            if round % 5 != 0 { waitForFirstLine(reader, into: &printed, timeout: .seconds(10)) }
            usleep(UInt32.random(in: 0...40_000, using: &generator))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            #expect(process.terminationReason == .uncaughtSignal, "round \(round): the writer ended by itself")
            printed += output.fileHandleForReading.readDataToEndOfFile()

            // Only whole lines were reported: a seq cut off mid-print was never reported.
            let text = String(decoding: printed, as: UTF8.self)
            var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            lines.removeLast()
            let seqs = lines.compactMap { Int($0) }
            if !seqs.isEmpty { killsWithSavedEvents += 1 }
            reported.formUnion(seqs)

            // SIGKILL seldom tears a line on Linux (a write to the page cache completes), but a
            // power cut does: every tenth round cuts the last line short by hand, as one would.
            var cut: Int?
            if round % 10 == 0, let line = try lastLine(of: log), line.count > 2 {
                cut = Int.random(in: 1..<(line.count - 1), using: &generator)
                try truncate(log, by: line.count - (cut ?? 0))
                // The event we cut may have been reported saved; we destroyed it, so it no longer counts.
                if let event = try? JSONDecoder().decode(CodingEvent.self, from: Data(line.dropLast())) {
                    reported.remove(event.seq)
                }
            }
            let opened = try CodingLog.open(url: log, coder: "crasher", codebookHash: "check", lockTimeout: .seconds(5))
            if opened.health.tornSetAsideTo != nil { tornTails += 1 }
            if cut != nil { #expect(opened.health.tornSetAsideTo != nil, "round \(round): the cut line was not set aside") }
            let history = try opened.history()
            let present = Set(history.map(\.seq))
            let missing = reported.subtracting(present)
            #expect(missing.isEmpty, "round \(round): saved events lost: \(missing.sorted())")
            #expect(history.map(\.seq) == Array(1...max(history.count, 1)).prefix(history.count).map { $0 },
                    "round \(round): the log's seqs are 1…n without gaps")
            #expect(opened.health.malformedLines == 0, "round \(round): \(opened.diagnostics)")
            opened.close()
        }
        // The run must have exercised both outcomes, or it proved little.
        #expect(killsWithSavedEvents > 10, "too few rounds saved anything before the kill")
        print("crash test: 100 kills, \(reported.count) events reported saved, \(tornTails) torn tails set aside")
    }

    /// The last line of a file, with its newline.
    private func lastLine(of url: URL) throws -> [UInt8]? {
        guard let data = FileManager.default.contents(atPath: url.path), data.last == UInt8(ascii: "\n") else { return nil }
        let body = data.dropLast()
        let start = body.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? body.startIndex
        return Array(data[start...])
    }

    private func truncate(_ url: URL, by count: Int) throws {
        let handle = try FileHandle(forWritingTo: url)
        defer { try? handle.close() }
        let size = try handle.seekToEnd()
        try handle.truncate(atOffset: size - UInt64(count))
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
