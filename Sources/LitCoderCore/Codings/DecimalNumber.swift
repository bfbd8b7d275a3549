/// A number as the decimal it is written in: a sign, its significant digits, and a power of ten.
///
/// What `NumberValue` writes, compares and counts digits by, read from the text itself and not
/// from a `Double`: `1e16` and `10000000000000000` are one decimal, and `123456789012345678`
/// and `123456789012345679`, one `Double` apart from nothing, stay two.
struct DecimalNumber: Hashable, Sendable {
    var negative: Bool
    /// The significant digits, no leading or trailing zeros; empty for zero.
    var digits: [UInt8]
    /// The power of ten of the last digit: the value is `digits` × 10^`scale`.
    var scale: Int

    /// The exponents a decimal may state are clamped to this, so a thousand-digit exponent
    /// costs nothing and cannot overflow; any number that far out is refused anyway.
    private static let exponentLimit = 1_000_000_000

    /// The decimal `text` spells (`-1.50e3`, `+.5`, `5.`), nil when it is not digits with an
    /// optional sign, point and exponent. Linear in the text.
    init?(_ text: some StringProtocol) {
        var bytes = Array(text.utf8)[...]
        negative = bytes.first == UInt8(ascii: "-")
        if bytes.first == UInt8(ascii: "-") || bytes.first == UInt8(ascii: "+") { bytes = bytes.dropFirst() }
        var all: [UInt8] = []
        var pointAt: Int?
        var sawDigit = false
        while let byte = bytes.first, byte != UInt8(ascii: "e"), byte != UInt8(ascii: "E") {
            bytes = bytes.dropFirst()
            if byte == UInt8(ascii: ".") {
                guard pointAt == nil else { return nil }
                pointAt = all.count
            } else if byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") {
                all.append(byte - UInt8(ascii: "0"))
                sawDigit = true
            } else {
                return nil
            }
        }
        guard sawDigit else { return nil }
        var exponent = 0
        if !bytes.isEmpty {
            bytes = bytes.dropFirst()
            let negativeExponent = bytes.first == UInt8(ascii: "-")
            if bytes.first == UInt8(ascii: "-") || bytes.first == UInt8(ascii: "+") { bytes = bytes.dropFirst() }
            guard !bytes.isEmpty else { return nil }
            for byte in bytes {
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
                exponent = min(exponent * 10 + Int(byte - UInt8(ascii: "0")), Self.exponentLimit)
            }
            if negativeExponent { exponent = -exponent }
        }
        let fractionDigits = all.count - (pointAt ?? all.count)
        let leading = all.prefix { $0 == 0 }.count
        let trailing = all[leading...].reversed().prefix { $0 == 0 }.count
        digits = Array(all[leading..<(all.count - trailing)])
        scale = digits.isEmpty ? 0 : exponent - fractionDigits + trailing
        if digits.isEmpty { negative = false }
    }

    /// Whether the value is zero (`0`, `-0.000`, `0e5`).
    var isZero: Bool { digits.isEmpty }

    /// The power of ten of the first digit: 2 for `123`, -3 for `0.00120`.
    var exponent: Int { scale + digits.count - 1 }

    /// The canonical text (docs/file-formats.md, "Numbers"): `0`; plain digits when the
    /// magnitude is at least 1e-6 and below 1e15 (`3`, `-0.5`, `123456789012345`, `0.000001`);
    /// beyond, the digits with a point after the first and `e` with the power of ten, no `+`
    /// and no leading zeros (`1e15`, `-1.5e-7`, `1.2345678901234568e17`).
    var text: String {
        guard !digits.isEmpty else { return "0" }
        let characters = digits.map { Character(Unicode.Scalar($0 + UInt8(ascii: "0"))) }
        var out = negative ? "-" : ""
        if exponent >= -6 && exponent < 15 {
            if scale >= 0 {
                out += String(characters) + String(repeating: "0", count: scale)
            } else {
                let point = digits.count + scale
                if point > 0 {
                    out += String(characters[..<point]) + "." + String(characters[point...])
                } else {
                    out += "0." + String(repeating: "0", count: -point) + String(characters)
                }
            }
        } else {
            out.append(characters[0])
            if characters.count > 1 { out += "." + String(characters[1...]) }
            out += "e" + String(exponent)
        }
        return out
    }
}
