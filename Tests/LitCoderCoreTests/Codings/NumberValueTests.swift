import Testing
@testable import LitCoderCore

/// The one canonical form of a number (docs/file-formats.md, "Numbers"), for numbers litcoder
/// computes (a median, a mean) and for numbers it reads.
@Suite struct NumberValueTests {
    @Test(arguments: [
        (0.1 + 0.2, "0.30000000000000004"), (1e16, "1e16"), (1e15, "1e15"), (1e15 - 1, "999999999999999"),
        (-2.5e-7, "-2.5e-7"), (0.000001, "0.000001"), (-1e300, "-1e300"), (5e-324, "5e-324"),
        (123456.789, "123456.789"), (1.7976931348623157e308, "1.7976931348623157e308"), (-0.0, "0"), (17, "17"),
        (999999999999999.9, "999999999999999.9"), (0.5, "0.5"),
    ])
    func aComputedNumberIsWrittenCanonically(_ value: Double, _ text: String) {
        #expect(NumberValue.text(value) == text)
    }

    @Test(arguments: [
        ("1e16", "1e16"), ("10000000000000000", "1e16"), ("1000000000000000.0", "1e15"), (" 007.50 ", "7.5"),
        ("123456789012345678", "1.23456789012345678e17"), ("0.30000000000000004", "0.30000000000000004"),
        ("1e-400", "1e-400"), ("-0e5", "0"), ("5.", "5"), ("1e99999999999999999999", "1e1000000000"),
    ])
    func aReadNumberKeepsItsDecimal(_ text: String, _ canonical: String) {
        #expect(NumberValue.canonical(text) == canonical)
    }

    @Test(arguments: ["", "  ", "1e", "e5", ".", "1.2.3", "0x10", "1,5", "--1", "inf", "NaN", "1e+-2"])
    func textThatIsNoNumberHasNoCanonicalForm(_ text: String) {
        #expect(NumberValue.canonical(text) == nil)
    }
}
