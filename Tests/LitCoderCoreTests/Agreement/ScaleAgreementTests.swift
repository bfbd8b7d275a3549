import Foundation
import Testing
@testable import LitCoderCore

/// Ordinal and interval α through a codebook, as `agree` computes them: an ordered
/// single-choice dimension and a number dimension, coded in logs, reproduce Krippendorff
/// (2011)'s worked examples and the `krippendorff` package's values in the shared reference
/// vectors, and the package itself on the same codings when Python has it.
@Suite struct ScaleAgreementTests {
    static let vectors = ["k2011_ordinal_4x12", "ordinal_5pt_3coders_missing", "k2011_interval_4x12", "interval_float_4coders_missing"]

    struct Vector: Decodable {
        var metric: String
        var coders: [String]
        var units: [Unit]
        var expected: Double
        var tolerance: Double
        struct Unit: Decodable {
            var id: String
            var values: [String: Double?]
        }
    }

    static func load(_ name: String) throws -> Vector? {
        let url = SharedReference.agreementVectors.appendingPathComponent(name + ".json")
        guard FileManager.default.fileExists(atPath: url.path) else {
            if SharedReference.isCI { Issue.record("missing reference vector \(url.path)") }
            return nil
        }
        let decoder = JSONDecoder()
        decoder.allowsJSON5 = true
        return try decoder.decode(Vector.self, from: Data(contentsOf: url))
    }

    /// The vector's data as the codings of a project: an ordered scale `s1 < s2 < …` (codes
    /// listed in numeric order of the values they stand for) or a number dimension.
    static func report(_ vector: Vector) -> (AgreementReport, Codebook) {
        let ordinal = vector.metric.hasSuffix("ordinal")
        let distinct = Set(vector.units.flatMap { $0.values.values.compactMap { $0 } }).sorted()
        func code(_ value: Double) -> String { "s\(distinct.firstIndex(of: value) ?? 0)" }
        // Listed low to high, but not in the order the values are first met, so the scale's
        // order is what counts.
        let dimension = ordinal
            ? Dimension(id: "scale", label: "Scale", kind: .single, codes: distinct.map { Code(id: code($0), label: "\($0)") }, ordered: true)
            : Dimension(id: "score", label: "Score", kind: .number)
        let codebook = Codebook(id: "t", title: "T", version: "1", dimensions: [dimension])
        let states = vector.coders.map { coder in
            CodingState(coder: coder, replaying: vector.units.enumerated().compactMap { i, unit -> CodingEvent? in
                guard let value = unit.values[coder] ?? nil else { return nil }
                return ordinal
                    ? .set(paper: "u\(unit.id)", dimension: "scale", codes: [code(value)], coder: coder, codebook: "h")
                    : .setText(paper: "u\(unit.id)", dimension: "score", text: NumberValue.text(value), coder: coder, codebook: "h")
            })
        }
        return (AgreementReport(codebook: codebook, states: states, options: .init(resamples: 0)), codebook)
    }

    @Test(arguments: vectors)
    func aScaleOrANumberDimensionGivesTheReferenceAlpha(_ name: String) throws {
        guard let vector = try Self.load(name) else { return }
        let (report, _) = Self.report(vector)
        let dimension = try #require(report.dimensions.first)
        #expect(dimension.distance == (vector.metric.hasSuffix("ordinal") ? "ordinal" : "interval"))
        let alpha = try #require(dimension.alpha.value, "\(dimension.alpha)")
        #expect(abs(alpha - vector.expected) <= vector.tolerance, "\(name): \(alpha) vs \(vector.expected)")
        #expect(dimension.offScale == 0)
    }

    /// Krippendorff (2011) prints .815 (ordinal) and .849 (interval) for the same 4 × 12 data.
    @Test func krippendorff2011PublishedValuesRoundTheSame() throws {
        guard let ordinal = try Self.load("k2011_ordinal_4x12"), let interval = try Self.load("k2011_interval_4x12") else { return }
        let o = try #require(Self.report(ordinal).0.dimensions.first?.alpha.value)
        let i = try #require(Self.report(interval).0.dimensions.first?.alpha.value)
        #expect(String(format: "%.3f", o) == "0.815")
        #expect(String(format: "%.3f", i) == "0.849")
    }

    /// The `krippendorff` package (Python) on the same codings; CI installs it into
    /// `.build/ci-python` (.ci/run).
    @Test(arguments: vectors)
    func theKrippendorffPackageAgrees(_ name: String) throws {
        guard let vector = try Self.load(name) else { return }
        let (report, _) = Self.report(vector)
        let ours = try #require(report.dimensions.first?.alpha.value)
        let level = vector.metric.hasSuffix("ordinal") ? "ordinal" : "interval"
        let matrix = vector.coders.map { coder in vector.units.map { unit in (unit.values[coder] ?? nil).map { "\($0)" } ?? "nan" } }
        let script = """
            import sys
            try:
                import krippendorff, numpy
            except ImportError:
                print("missing"); sys.exit(0)
            data = numpy.array([[float(x) for x in row.split(",")] for row in sys.stdin.read().split()])
            print(repr(float(krippendorff.alpha(reliability_data=data, level_of_measurement="\(level)"))))
            """
        // The Python .ci/run installs krippendorff into, else the one on the PATH.
        let venv = TestFiles.packageRoot.appendingPathComponent(".build/ci-python/bin/python3")
        let process = Process()
        if FileManager.default.isExecutableFile(atPath: venv.path) {
            process.executableURL = venv
            process.arguments = ["-c", script]
        } else {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["python3", "-c", script]
        }
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch {
            if SharedReference.isCI { Issue.record("python3 is missing: \(error)") }
            return
        }
        input.fileHandleForWriting.write(Data(matrix.map { $0.joined(separator: ",") }.joined(separator: "\n").utf8))
        try input.fileHandleForWriting.close()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        process.waitUntilExit()
        guard text != "missing", process.terminationStatus == 0 else {
            if SharedReference.isCI { Issue.record("the krippendorff package is missing; .ci/run installs it") }
            else { print("note: Python's krippendorff package not installed; cross-check skipped") }
            return
        }
        let theirs = try #require(Double(text), "krippendorff printed '\(text)'")
        #expect(abs(ours - theirs) <= 1e-9, "\(name): \(ours) vs krippendorff \(theirs)")
    }

    /// A coding with no place on the scale is missing, counted, and changes nothing else.
    @Test func codingsOffTheScaleAreMissingAndCounted() throws {
        let dimension = Dimension(id: "scale", label: "Scale", kind: .single,
                                  codes: [Code(id: "low", label: "L"), Code(id: "mid", label: "M"), Code(id: "high", label: "H")], ordered: true)
        let number = Dimension(id: "score", label: "Score", kind: .number)
        let codebook = Codebook(id: "t", title: "T", version: "1", dimensions: [dimension, number])
        func events(_ coder: String, _ codes: [[String]], _ scores: [String]) -> [CodingEvent] {
            codes.enumerated().map { .set(paper: "p\($0.offset)", dimension: "scale", codes: $0.element, coder: coder, codebook: "h") }
                + scores.enumerated().map { .setText(paper: "p\($0.offset)", dimension: "score", text: $0.element, coder: coder, codebook: "h") }
        }
        let states = [
            CodingState(coder: "a", replaying: events("a", [["low"], ["mid"], ["high"], ["low", "mid"]], ["1", "2", "3", "4"])),
            CodingState(coder: "b", replaying: events("b", [["low"], ["mid"], ["gone"], ["mid"]], ["1", "2.0", "three", "4"])),
        ]
        let report = AgreementReport(codebook: codebook, states: states, options: .init(resamples: 0))
        let scale = try #require(report.dimensions.first)
        // p2 (b's 'gone') and p3 (a's two codes) lose one value each: p0 and p1 remain, agreeing.
        #expect(scale.offScale == 2 && scale.units == 2)
        #expect(scale.alpha.value == 1)
        let score = try #require(report.dimensions.last)
        // '2' and '2.0' are one number; 'three' is none.
        #expect(score.offScale == 1 && score.units == 3 && score.percentAgreement.value == 1)
        #expect(score.cohenKappa.undefinedReason == "n/a: number dimension (interval α measures it)")
    }
}
