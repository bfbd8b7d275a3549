import Foundation
import LitCoderCore

/// `litcoder-bench agreement FILE.json`: Krippendorff's α (nominal) and its bootstrap interval
/// on a data set written by `../shared/bench/bench_agreement.py` (the reference-vector format),
/// starting from in-memory coding states, as `litcoder agree` does.
///
/// Loading the file and replaying the coders' events are not timed; each timed run extracts the
/// dimension from the states, builds the coincidence matrix and computes α (and, separately,
/// the 1,000-replicate bootstrap). Reports the median of `--repeats` runs.
enum AgreementBenchmark {
    struct Measurement {
        var name: String
        var seconds: [Double]
        var median: Double { seconds.sorted()[seconds.count / 2] }
    }

    static func run(_ arguments: [String]) throws {
        var file: String?
        var repeats = 5
        var resamples = 1_000
        var index = 0
        while index < arguments.count {
            switch arguments[index] {
            case "--repeats": index += 1; repeats = Int(arguments[safe: index] ?? "") ?? repeats
            case "--bootstrap": index += 1; resamples = Int(arguments[safe: index] ?? "") ?? resamples
            default: file = arguments[index]
            }
            index += 1
        }
        guard let file else {
            throw BenchmarkError("usage: litcoder-bench agreement FILE.json [--repeats N] [--bootstrap N]\n"
                + "  write FILE.json with ../shared/bench/bench_agreement.py --out FILE.json")
        }
        let (states, expected) = try loadStates(file)
        let dimension = Dimension(id: "code", label: "code", kind: .single)
        func alphaFromStates() -> (Double?, CoincidenceMatrix, KrippendorffAlpha) {
            let codings = DimensionCodings(dimension: dimension, states: states)
            let matrix = CoincidenceMatrix(codings.data)
            let alpha = KrippendorffAlpha(matrix, metric: .nominal)
            return (alpha.coefficient.value, matrix, alpha)
        }
        let (value, _, _) = alphaFromStates()
        guard let value, abs(value - expected) <= 1e-9 else {
            throw BenchmarkError("α = \(value.map { "\($0)" } ?? "undefined"), the file says \(expected)")
        }
        let codings = DimensionCodings(dimension: dimension, states: states)
        var results: [Measurement] = []
        results.append(measure("alpha_from_states", repeats) { _ = alphaFromStates() })
        results.append(measure("alpha_from_integer_data", repeats) {
            _ = KrippendorffAlpha(CoincidenceMatrix(codings.data), metric: .nominal)
        })
        var draws = 0
        var interval = ""
        results.append(measure("alpha_and_bootstrap_from_states", repeats) {
            let (_, matrix, alpha) = alphaFromStates()
            let boot = AlphaBootstrap(matrix: matrix, alpha: alpha, coderCount: states.count,
                                      resamples: resamples, seed: 1)
            draws = boot.draws
            interval = "[\(boot.lower.value ?? .nan), \(boot.upper.value ?? .nan)]"
        })
        let units = codings.data.unitCount
        print("{\"alpha\": \(value), \"units\": \(units), \"coders\": \(states.count), "
            + "\"bootstrap\": {\"resamples\": \(resamples), \"draws\": \(draws), \"seed\": 1, \"ci95\": \(interval)}, "
            + "\"median_s\": {" + results.map { "\"\($0.name)\": \($0.median)" }.joined(separator: ", ") + "}, "
            + "\"repeats\": \(repeats)}")
    }

    /// Each coder's state, replayed from `set` events built from the vector's values.
    static func loadStates(_ path: String) throws -> ([CodingState], Double) {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        guard let object = try JSONSerialization.jsonObject(with: data) as? [String: Any],
              let coders = object["coders"] as? [String], let units = object["units"] as? [[String: Any]],
              let expected = object["expected"] as? Double
        else { throw BenchmarkError("\(path): not a nominal reliability data set with a numeric 'expected'") }
        var states = coders.map { CodingState(coder: $0) }
        var seq = 0
        for unit in units {
            guard let id = unit["id"] as? String, let values = unit["values"] as? [String: Any] else { continue }
            for (index, coder) in coders.enumerated() {
                guard let code = values[coder] as? String else { continue }
                seq += 1
                states[index].apply(CodingEvent(seq: seq, coder: coder, paper: id, op: .set, dimension: "code", codes: [code]))
            }
        }
        return (states, expected)
    }

    static func measure(_ name: String, _ repeats: Int, _ body: () -> Void) -> Measurement {
        var seconds: [Double] = []
        for _ in 0..<max(1, repeats) {
            let start = DispatchTime.now().uptimeNanoseconds
            body()
            seconds.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        return Measurement(name: name, seconds: seconds)
    }
}

struct BenchmarkError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
