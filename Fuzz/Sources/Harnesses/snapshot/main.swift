// Log snapshots (`.litcoder-cache/CODER.snapshot`): the payload after the header, read under the
// bundled sample's codebook. Damage is caught by the checksum first; this harness goes past it,
// so every check of the reader itself is exercised.
import Foundation
import FuzzSupport
import LitCoderCore

guard let codebook = CodebookLoader.parse(BundledSample.codebook, file: "ser.yaml").0 else {
    fatalError("the bundled codebook does not load")
}

FuzzDriver.run { bytes in
    _ = LogSnapshots.readsAsSnapshot(Array(bytes), owner: "fuzz", codebook: codebook, logSize: 1 << 20)
}
