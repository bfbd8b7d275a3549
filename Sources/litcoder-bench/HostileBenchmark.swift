import ArgumentParser
import Foundation

/// Times every parser of user files on its worst known inputs at 1× and 10× the size: a
/// linear parser takes about 10 times as long on 10 times the input (the target allows 12).
///
/// Each measurement runs in a child process of its own, so its peak memory is its own: the
/// CPU time of the parse alone (the input is made first), the median of `--repeat` runs, and
/// the peak resident memory, from which the memory each further input byte costs is worked
/// out (10× minus 1×). Exits 1 when any shape takes more than 12 times as long at 10×.
struct HostileBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hostile",
        abstract: "Time each parser on its worst inputs at 1× and 10×; fail when 10× takes more than 12× the time.")

    @Option(name: .customLong("shape"), help: "Only these shapes (default: all; see --list).")
    var shapes: [String] = []
    @Option(help: "Runs per size; the median CPU time is reported.") var `repeat` = 3
    @Option(help: "How much larger the second input is.") var factor = 10
    @Option(help: "Multiply every shape's unit count by this (a quicker or a steadier run).") var scale = 1.0
    @Flag(help: "List the shapes and exit.") var list = false
    @Option(help: .hidden) var child: String?
    @Option(help: .hidden) var units = 0

    /// What one child measured.
    private struct Reading: Codable {
        var cpu: Double
        var peakMiB: Double
        var bytes: Int
        var result: String
    }

    func run() throws {
        if list {
            for shape in HostileShape.allCases { print("\(shape.rawValue)  (\(shape.parser))") }
            return
        }
        if let child {
            guard let shape = HostileShape(rawValue: child) else { throw ValidationError("no shape '\(child)'") }
            let bytes = shape.input(units: units)
            let before = Measurement.cpuSeconds()
            let result = try shape.run(bytes)
            let cpu = Measurement.cpuSeconds() - before
            let reading = Reading(cpu: cpu, peakMiB: Measurement.peakResidentMiB(), bytes: bytes.count, result: result)
            print(String(decoding: try JSONEncoder().encode(reading), as: UTF8.self))
            return
        }
        let chosen = try shapes.isEmpty ? HostileShape.allCases : shapes.map { name in
            guard let shape = HostileShape(rawValue: name) else { throw ValidationError("no shape '\(name)'; see --list") }
            return shape
        }
        Self.line("shape | parser | input 1× | CPU 1× | input \(factor)× | CPU \(factor)× | ratio | peak RSS \(factor)× | memory per input byte | result at \(factor)×")
        Self.line("---|---|---|---|---|---|---|---|---|---")
        var worst = 0.0
        for shape in chosen {
            let base = max(1, Int(Double(shape.baseUnits) * scale))
            let small = try measure(shape, units: base)
            let large = try measure(shape, units: base * factor)
            let ratio = large.cpu / max(small.cpu, 1e-6)
            worst = max(worst, ratio)
            let perByte = (large.peakMiB - small.peakMiB) * 1_048_576 / Double(max(1, large.bytes - small.bytes))
            Self.line("\(shape.rawValue) | \(shape.parser) | \(Self.size(small.bytes)) | \(Self.ms(small.cpu)) | \(Self.size(large.bytes)) | \(Self.ms(large.cpu)) | \(Measurement.format(ratio, digits: 1))× | \(Measurement.format(large.peakMiB, digits: 0)) MiB | \(Measurement.format(max(perByte, 0), digits: 1)) | \(large.result)")
        }
        Self.line("worst ratio: \(Measurement.format(worst, digits: 1))× (target ≤ 12×)")
        if worst > 12 { throw ExitCode(1) }
    }

    /// The median CPU time and the largest peak of `repeat` child runs.
    private func measure(_ shape: HostileShape, units: Int) throws -> Reading {
        var readings: [Reading] = []
        for _ in 0..<max(1, `repeat`) {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
            process.arguments = ["hostile", "--child", shape.rawValue, "--units", "\(units)"]
            let output = Pipe()
            process.standardOutput = output
            try process.run()
            let data = output.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            guard process.terminationStatus == 0, let reading = try? JSONDecoder().decode(Reading.self, from: data) else {
                throw ValidationError("\(shape.rawValue) at \(units) units: the child failed (status \(process.terminationStatus))")
            }
            readings.append(reading)
        }
        var median = readings.sorted { $0.cpu < $1.cpu }[readings.count / 2]
        median.peakMiB = readings.map(\.peakMiB).max() ?? median.peakMiB
        return median
    }

    /// A line on standard output at once, also into a pipe (print buffers it there).
    private static func line(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    private static func ms(_ seconds: Double) -> String { Measurement.format(seconds * 1000, digits: 1) + " ms" }

    private static func size(_ bytes: Int) -> String {
        bytes >= 1 << 20 ? Measurement.format(Double(bytes) / 1_048_576, digits: 1) + " MiB"
                         : Measurement.format(Double(bytes) / 1024, digits: 0) + " KiB"
    }
}
