// The LaTeX decoder and BibTeX's name splitter on their own, so the fuzzer reaches their
// corners without first having to write a valid entry around them.
import FuzzSupport
import LitCoderCore

FuzzDriver.run { bytes in
    _ = LaTeXDecoder.decode(bytes)
    _ = BibTeXNames.split(bytes)
}
