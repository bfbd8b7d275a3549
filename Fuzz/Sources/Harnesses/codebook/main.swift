// Codebooks (codebooks/NAME.yaml): YAML, its anchors and aliases, nesting, and every check.
import FuzzSupport
import LitCoderCore

FuzzDriver.run { bytes in
    _ = CodebookLoader.parse(String(decoding: bytes, as: UTF8.self), file: "fuzz.yaml")
}
