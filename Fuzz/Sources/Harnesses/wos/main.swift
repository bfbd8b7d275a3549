// Web of Science plain text: PT … ER records, three-space continuation lines, author lists.
import FuzzSupport
import LitCoderCore

FuzzDriver.run { bytes in
    _ = WebOfScienceParser.parse(Array(bytes), file: "fuzz.txt")
}
