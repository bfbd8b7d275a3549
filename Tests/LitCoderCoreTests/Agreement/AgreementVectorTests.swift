import Foundation
import Testing
@testable import LitCoderCore

/// Reproduces every vector of `../shared/reference/agreement` (format in its README).
@Suite struct AgreementVectorTests {
    /// One reference vector as stored.
    struct Vector: Decodable {
        var name: String
        var metric: String
        var coders: [String]
        var units: [Unit]
        var expected: Expected
        var tolerance: Double

        struct Unit: Decodable {
            var id: String
            var values: [String: Value?]
        }

        enum Value: Decodable {
            case label(String)
            case number(Double)
            case set([String])

            init(from decoder: any Decoder) throws {
                let c = try decoder.singleValueContainer()
                if let s = try? c.decode(String.self) { self = .label(s) }
                else if let d = try? c.decode(Double.self) { self = .number(d) }
                else { self = .set(try c.decode([String].self)) }
            }
        }

        enum Expected: Decodable {
            case number(Double)
            case undefined

            init(from decoder: any Decoder) throws {
                let c = try decoder.singleValueContainer()
                if let d = try? c.decode(Double.self) { self = .number(d) }
                else if try c.decode(String.self) == "undefined" { self = .undefined }
                else { throw DecodingError.dataCorruptedError(in: c, debugDescription: "expected a number or \"undefined\"") }
            }
        }

        /// The coders' values of each unit, in `coders` order; an absent key is `nil`.
        func rows() -> [[Value?]] {
            units.map { unit in coders.map { coder in unit.values[coder] ?? nil } }
        }
    }

    static let vectorNames: [String] = {
        let files = SharedReference.vectorFiles()
        return files.isEmpty ? ["(reference vectors missing)"] : files.map { $0.deletingPathExtension().lastPathComponent }
    }()

    @Test func theVectorsArePresent() throws {
        let files = SharedReference.vectorFiles()
        if files.isEmpty {
            if SharedReference.isCI {
                Issue.record("\(SharedReference.agreementVectors.path) is missing; CI needs the shared reference vectors")
            } else {
                print("note: skipping agreement vectors: \(SharedReference.agreementVectors.path) not found")
            }
            return
        }
        #expect(files.count >= 28, "the README promises 28 vectors")
    }

    @Test(arguments: vectorNames)
    func reproduces(_ name: String) throws {
        let url = SharedReference.agreementVectors.appendingPathComponent(name + ".json")
        guard FileManager.default.fileExists(atPath: url.path) else {
            if SharedReference.isCI { Issue.record("missing reference vector \(url.path)") }
            return
        }
        // Some cross-checks record another package's result as a bare -Infinity, which only JSON5 reads.
        let decoder = JSONDecoder()
        decoder.allowsJSON5 = true
        let vector = try decoder.decode(Vector.self, from: Data(contentsOf: url))
        let actual = try Self.compute(vector)
        switch vector.expected {
        case .undefined:
            #expect(actual.value == nil, "\(name): expected undefined, got \(actual)")
            #expect(actual.undefinedReason?.isEmpty == false)
        case .number(let expected):
            let value = try #require(actual.value, "\(name): expected \(expected), got \(actual)")
            #expect(abs(value - expected) <= vector.tolerance, "\(name): \(value) vs \(expected)")
        }
    }

    static func compute(_ vector: Vector) throws -> Coefficient {
        let rows = vector.rows()
        switch vector.metric {
        case "krippendorff_alpha_ordinal", "krippendorff_alpha_interval":
            var data = LabelledReliabilityData<Double>(coderCount: vector.coders.count)
            for row in rows {
                data.appendUnit(row.map { value -> Double? in if case .number(let d) = value { d } else { nil } })
            }
            let metric: DistanceMetric = vector.metric.hasSuffix("ordinal")
                ? .ordinal(numericValues: data.labels) : .interval(numericValues: data.labels)
            return KrippendorffAlpha(data.data, metric: metric).coefficient
        case "krippendorff_alpha_masi", "krippendorff_alpha_jaccard":
            var data = LabelledReliabilityData<Set<String>>(coderCount: vector.coders.count)
            for row in rows {
                data.appendUnit(row.map { value -> Set<String>? in if case .set(let s) = value { Set(s) } else { nil } })
            }
            let distance: SetDistance = vector.metric.hasSuffix("masi") ? .masi : .jaccard
            let dense = KrippendorffAlpha(data.data, metric: .table(distance.table(for: data.labels))).coefficient
            // What `agree` computes: the sparse α, both ways of counting pairs of sets.
            let sets = data.labels.map { Array($0) }
            for method in [SetPairTotals.Method.sharedSubsets, .codeIndex] {
                let sparse = SetDistanceAlpha(data.data, sets: sets, distance: distance, method: method).coefficient
                switch (dense.value, sparse.value) {
                case let (d?, s?): #expect(abs(d - s) <= 1e-12, "\(vector.name), \(method): sparse \(s), dense \(d)")
                case (nil, nil): break
                default: Issue.record("\(vector.name), \(method): sparse \(sparse), dense \(dense)")
                }
            }
            return dense
        default:
            var data = LabelledReliabilityData<String>(coderCount: vector.coders.count)
            for row in rows {
                data.appendUnit(row.map { value -> String? in if case .label(let s) = value { s } else { nil } })
            }
            switch vector.metric {
            case "krippendorff_alpha_nominal":
                return KrippendorffAlpha(data.data, metric: .nominal, label: { data.labels[$0] }).coefficient
            case "percent_agreement": return PercentAgreement.of(data.data)
            case "cohen_kappa": return CohensKappa.of(data.data)
            case "scott_pi": return ScottsPi.of(data.data)
            case "fleiss_kappa": return FleissKappa.of(data.data)
            default:
                Issue.record("\(vector.name): unknown metric \(vector.metric)")
                return .undefined("unknown metric")
            }
        }
    }
}
