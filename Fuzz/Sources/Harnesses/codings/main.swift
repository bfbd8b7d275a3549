// `litcoder codings import`: csv-long files checked against the bundled sample's codebook and corpus.
import Foundation
import FuzzSupport
import LitCoderCore

let codebook = CodebookLoader.parse(BundledSample.codebook, file: "ser.yaml").0
var corpusLoader = CorpusLoader()
corpusLoader.read(data: Data(BundledSample.corpus.utf8), name: "corpus.jsonl")
guard let codebook else { fatalError("the bundled codebook does not load") }
let corpus = corpusLoader.corpus

FuzzDriver.run { bytes in
    _ = try? CodingsImport.plan(Data(bytes), file: "fuzz.csv", coder: "fuzz", codebook: codebook, corpus: corpus,
                                current: CodingState(coder: "fuzz"))
}
