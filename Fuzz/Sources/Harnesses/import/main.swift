// What `litcoder import` does with any file: decode the text (UTF-8, UTF-16, Windows-1252),
// recognise the format, parse it.
import FuzzSupport
import LitCoderCore

FuzzDriver.run { bytes in
    _ = try? ImportReader.read(bytes: Array(bytes), file: "fuzz.export")
}
