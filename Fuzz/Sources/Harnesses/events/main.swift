// A coder's log (codings/CODER.jsonl) as every command reads it: line splitting, the event
// decoder (fast path and JSONDecoder), range checks, seq gaps, torn last lines, and the fold
// every reading command takes (replay and stale codings under the bundled codebook).
// The bytes are handed over in a file in memory (/dev/shm, unlinked at once), read through its
// /proc path.
import Foundation
import FuzzSupport
import Glibc
import LitCoderCore

let file = "/dev/shm/litcoder-fuzz-log-\(getpid())"
let descriptor = open(file, O_RDWR | O_CREAT | O_TRUNC, 0o600)
guard descriptor >= 0 else { fatalError("cannot create \(file)") }
unlink(file)
let path = URL(fileURLWithPath: "/proc/self/fd/\(descriptor)")
guard let codebook = CodebookLoader.parse(BundledSample.codebook, file: "ser.yaml").0 else {
    fatalError("the bundled codebook does not load")
}

FuzzDriver.run { bytes in
    guard ftruncate(descriptor, 0) == 0, pwrite(descriptor, bytes.baseAddress, bytes.count, 0) == bytes.count else {
        fatalError("cannot write the in-memory log")
    }
    _ = try? CodingLog.read(url: path, displayPath: "codings/fuzz.jsonl")
    _ = try? CodingLog.replay(url: path, coder: "fuzz", displayPath: "codings/fuzz.jsonl", codebook: codebook)
}
