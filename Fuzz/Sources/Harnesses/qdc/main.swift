// REFI-QDA codebooks (.qdc) as `litcoder codebook import` and `init --codebook` read them: the
// XML guard, the code tree, the conversion, and the YAML written from it read back.
import Foundation
import FuzzSupport
import LitCoderCore

FuzzDriver.run { bytes in
    guard let conversion = try? QDCCodebook.convert(Data(bytes), file: "fuzz.qdc", id: "fuzz", title: "Fuzz"),
          let yaml = try? CodebookYAMLWriter.render(conversion.codebook) else { return }
    _ = CodebookLoader.parse(yaml, file: "fuzz.yaml")
}
