// PubMed's MEDLINE format: padded tags, indented continuation lines, blank-line records.
import FuzzSupport
import LitCoderCore

FuzzDriver.run { bytes in
    _ = MedlineParser.parse(Array(bytes), file: "fuzz.nbib")
}
