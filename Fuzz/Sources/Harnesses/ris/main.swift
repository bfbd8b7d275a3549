// RIS: tag lines, loose tags, continuation lines, records without ER.
import FuzzSupport
import LitCoderCore

FuzzDriver.run { bytes in
    _ = RISParser.parse(Array(bytes), file: "fuzz.ris")
}
