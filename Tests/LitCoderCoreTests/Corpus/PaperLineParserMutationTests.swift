import Foundation
import Testing
@testable import LitCoderCore

/// Random damage to real lines: the parser must never crash, and must accept exactly the lines
/// Foundation accepts (JSONSerialization for syntax, JSONDecoder for types) whose year is in
/// `Paper.yearRange`, reading them the same way.
@Suite struct PaperLineParserMutationTests {
    /// A small deterministic generator (SplitMix64), so a failure reproduces.
    struct SeededGenerator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let alphabet = Array(#"{}[]":,\ nulltruefalse0123456789-.eEu"abc\"#.utf8) + [0x09, 0x0A, 0x00, 0xC3, 0xA9]

    @Test(arguments: [1, 2, 3, 4] as [UInt64])
    func damagedLinesAreJudgedLikeJSONDecoder(seed: UInt64) throws {
        var random = SeededGenerator(state: seed)
        let lines = try String(contentsOf: SampleFiles.corpus, encoding: .utf8).split(separator: "\n")
            .map { Array($0.utf8.prefix(400)) + Array(#"","title":"t"}"#.utf8) }
        var disagreements: [String] = []
        for _ in 0..<3_000 {
            var bytes = lines[Int.random(in: 0..<lines.count, using: &random)]
            for _ in 0..<Int.random(in: 1...3, using: &random) {
                let at = Int.random(in: 0..<bytes.count, using: &random)
                switch Int.random(in: 0..<3, using: &random) {
                case 0: bytes.remove(at: at)
                case 1: bytes.insert(Self.alphabet.randomElement(using: &random) ?? 0x20, at: at)
                default: bytes[at] = Self.alphabet.randomElement(using: &random) ?? 0x20
                }
            }
            // The loader rejects invalid UTF-8 before parsing; only valid text reaches the parser.
            guard String(validating: bytes, as: UTF8.self) != nil else { continue }
            let parsed = bytes.withUnsafeBufferPointer { buffer in
                Result { () throws(PaperLineParser.Failure) in try PaperLineParser.parse(buffer).paper }
            }
            // JSONDecoder does not look inside strings it never decodes (the values of unknown
            // keys), so strict syntax is judged by JSONSerialization and types by JSONDecoder.
            let strictlyValid = (try? JSONSerialization.jsonObject(with: Data(bytes))) != nil
            // A year no paper can have (`20240`) is refused on purpose, though JSONDecoder reads it.
            let decoded = (strictlyValid ? try? JSONDecoder().decode(Paper.self, from: Data(bytes)) : nil)
                .flatMap { Paper.yearRange.contains($0.year ?? 0) ? $0 : nil }
            let ours = try? parsed.get()
            if ours != decoded, !Self.isKnownDifference(bytes) {
                disagreements.append(String(decoding: bytes, as: UTF8.self))
            }
        }
        #expect(disagreements.isEmpty, "\(disagreements.count) disagreements, e.g. \(disagreements.prefix(3))")
    }

    /// JSON the two readers may legitimately judge differently: a key written twice (which
    /// value wins is unspecified by RFC 8259).
    static func isKnownDifference(_ bytes: [UInt8]) -> Bool {
        let text = String(decoding: bytes, as: UTF8.self)
        return PaperLineParser.knownKeys.contains { key in text.components(separatedBy: "\"\(key)\"").count > 2 }
    }
}
