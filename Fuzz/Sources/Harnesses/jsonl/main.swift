// JSON Lines exports of other tools (`import`), read with JSONSerialization.
import FuzzSupport
import LitCoderCore

FuzzDriver.run { bytes in
    _ = JSONLinesImporter.parse(Array(bytes), file: "fuzz.jsonl")
}
