// The small JSON Lines files litcoder keeps beside the corpus and the logs, each read from the
// same bytes: assignments.jsonl, rounds.jsonl and corpus/_imports.jsonl (through a file in /dev/shm).
import Foundation
import FuzzSupport
import LitCoderCore

let file = URL(fileURLWithPath: "/dev/shm/litcoder-fuzz-plan-\(getpid()).jsonl")

FuzzDriver.run { bytes in
    guard FileManager.default.createFile(atPath: file.path, contents: Data(bytes)) else {
        fatalError("cannot write \(file.path)")
    }
    _ = Assignments.load(url: file, displayPath: "assignments.jsonl")
    _ = CalibrationRounds.load(url: file, displayPath: "rounds.jsonl")
    _ = ImportHistory.load(url: file, displayPath: "corpus/_imports.jsonl")
}
