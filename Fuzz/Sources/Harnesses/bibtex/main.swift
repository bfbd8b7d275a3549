// BibTeX: entries, @string macros and their expansion limits, recovery from broken entries,
// and the LaTeX decoder and name splitter every record's fields go through.
import FuzzSupport
import LitCoderCore

FuzzDriver.run { bytes in
    _ = BibTeXParser.parse(Array(bytes), file: "fuzz.bib")
}
