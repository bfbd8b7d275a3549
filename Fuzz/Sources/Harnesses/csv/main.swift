// CSV and TSV exports: delimiter and header detection, quoting, ragged rows, and the authors
// cell (`;`, `,`, Python list literals).
import FuzzSupport
import LitCoderCore

FuzzDriver.run { bytes in
    _ = try? CSVImporter.parse(Array(bytes), file: "fuzz.csv")
}
