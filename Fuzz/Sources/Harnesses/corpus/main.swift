// The project's own corpus files (corpus/*.jsonl), read by every command.
import Foundation
import FuzzSupport
import LitCoderCore

FuzzDriver.run { bytes in
    var loader = CorpusLoader()
    loader.read(data: Data(bytes), name: "corpus/fuzz.jsonl")
}
