/// A finished CSI or SS3 sequence (`ESC [ 1 ; 5 A`, `ESC O P`): its parameter bytes and
/// final byte, and what it names in the encodings terminals use, whatever TERM says: xterm
/// (modifiers as `1 + bits`, modifyOtherKeys), vt220, the Linux console, screen and tmux,
/// rxvt (`$ ^ @` finals, lower-case arrows), kitty's CSI-u, and X10/SGR/urxvt mouse reports.
struct ControlSequence {
    /// What a sequence stands for.
    enum Meaning: Hashable, Sendable {
        case key(Key)
        case mouse(MouseReport)
        /// Something to drop silently: a key release, a modifier key pressed alone.
        case nothing
        /// Names nothing litcoder knows: dropped whole, and said so.
        case unknown
    }

    /// Parameter and intermediate bytes, between the introducer and the final byte.
    var parameters: [UInt8]
    var final: UInt8

    /// The parameters as numbers: fields split at ";", sub-fields at ":".
    private var fields: [[Int?]] {
        String(decoding: parameters, as: UTF8.self).split(separator: ";", omittingEmptySubsequences: false)
            .map { $0.split(separator: ":", omittingEmptySubsequences: false).map { Int($0) } }
    }

    private func field(_ index: Int, _ sub: Int = 0) -> Int? {
        let all = fields
        guard all.indices.contains(index), all[index].indices.contains(sub) else { return nil }
        return all[index][sub]
    }

    private var modifiers: KeyModifiers { KeyModifiers(parameter: field(1) ?? 1) }

    private static func named(_ key: Key?) -> Meaning { key.map { .key($0) } ?? .unknown }

    /// What a CSI sequence (`ESC [`, or C1 CSI) names.
    var csiMeaning: Meaning {
        let marker = parameters.first.flatMap { (0x3C...0x3F).contains($0) ? $0 : nil }
        if marker == 0x3C, final == 0x4D || final == 0x6D {
            // SGR mouse: CSI < button ; column ; row M (press) or m (release).
            let numbers = String(decoding: parameters.dropFirst(), as: UTF8.self).split(separator: ";").map { Int($0) ?? 0 }
            guard numbers.count == 3 else { return .unknown }
            return .mouse(MouseReport(button: numbers[0], column: numbers[1], row: numbers[2], isPress: final == 0x4D))
        }
        if marker != nil || parameters.contains(where: { $0 >= 0x20 && $0 <= 0x2F }) { return .unknown }
        var key: Key
        switch final {
        case 0x41: key = .up
        case 0x42: key = .down
        case 0x43: key = .right
        case 0x44: key = .left
        case 0x48: key = .home
        case 0x46: key = .end
        case 0x50, 0x51, 0x53: key = .function(Int(final) - 0x4F)
        case 0x52:
            // F3 with modifiers (CSI 1;5R), or a cursor position report (CSI row;column R).
            guard field(0) == nil || field(0) == 1 else { return .unknown }
            key = .function(3)
        case 0x5A:
            // Back-tab is Shift-Tab already: only the other modifiers are added.
            var rest = modifiers
            rest.remove(.shift)
            return .key(Key.backTab.with(rest))
        case 0x7E: return Self.named(tildeKey())
        case 0x24, 0x5E, 0x40: return Self.named(rxvtKey())
        case 0x61...0x64 where parameters.isEmpty:
            // rxvt's Shift with an arrow: CSI a … d.
            return .key([Key.up, .down, .right, .left][Int(final - 0x61)].with(.shift))
        case 0x75: return kittyMeaning
        case 0x4D where !parameters.isEmpty:
            // urxvt mouse: CSI button+32 ; column ; row M.
            let numbers = fields.map { $0.first ?? nil }
            guard numbers.count == 3, let button = numbers[0], let column = numbers[1], let row = numbers[2] else { return .unknown }
            return .mouse(MouseReport(button: button - 32, column: column, row: row, isPress: (button - 32) & 3 != 3))
        default: return .unknown
        }
        key = key.with(modifiers)
        return .key(key)
    }

    /// `CSI number ~` and `CSI number ; modifiers ~` (vt220, xterm, Linux, tmux, rxvt), and
    /// xterm's modifyOtherKeys form `CSI 27 ; modifiers ; code ~`.
    private func tildeKey() -> Key? {
        guard let number = field(0) else { return nil }
        if number == 27 {
            guard let code = field(2) else { return nil }
            return Self.key(forCode: code)?.with(modifiers)
        }
        return Self.editingKey(number)?.with(modifiers)
    }

    /// rxvt's modified editing and function keys: `$` Shift, `^` Ctrl, `@` Ctrl-Shift.
    private func rxvtKey() -> Key? {
        guard let number = field(0), let key = Self.editingKey(number) else { return nil }
        switch final {
        case 0x24: return key.with(.shift)
        case 0x5E: return key.with(.control)
        default: return key.with([.control, .shift])
        }
    }

    private static func editingKey(_ number: Int) -> Key? {
        switch number {
        case 1, 7: .home
        case 2: .insert
        case 3: .delete
        case 4, 8: .end
        case 5: .pageUp
        case 6: .pageDown
        case 11...15: .function(number - 10)
        case 17...21: .function(number - 11)
        case 23...26: .function(number - 12)
        case 28, 29: .function(number - 13)
        case 31...34: .function(number - 14)
        default: nil
        }
    }

    /// kitty's (and xterm's formatOtherKeys) `CSI code[:shifted] ; modifiers[:event] u`.
    private var kittyMeaning: Meaning {
        guard let code = field(0) else { return .unknown }
        if field(1, 1) == 3 { return .nothing }  // a key release: the press was reported
        if (57441...57454).contains(code) || (57358...57360).contains(code) { return .nothing }  // a modifier or lock key alone
        var modifiers = self.modifiers
        var key: Key?
        if modifiers.contains(.shift), let shifted = field(0, 1), let scalar = Unicode.Scalar(shifted) {
            key = Key.fromCharacter(scalar)
            modifiers.remove(.shift)
        } else {
            key = Self.key(forCode: code)
        }
        return Self.named(key?.with(modifiers))
    }

    /// A key from a Unicode code point or one of kitty's private-use key numbers.
    private static func key(forCode code: Int) -> Key? {
        switch code {
        case 9: return .tab
        case 13: return .enter
        case 27: return .escape
        case 8, 127: return .backspace
        case 57376...57398: return .function(code - 57376 + 13)
        case 57399...57408: return .character(Character(Unicode.Scalar(UInt8(0x30 + code - 57399))))
        case 57409: return .character(".")
        case 57410: return .character("/")
        case 57411: return .character("*")
        case 57412: return .character("-")
        case 57413: return .character("+")
        case 57414: return .enter
        case 57415: return .character("=")
        case 57417: return .left
        case 57418: return .right
        case 57419: return .up
        case 57420: return .down
        case 57421: return .pageUp
        case 57422: return .pageDown
        case 57423: return .home
        case 57424: return .end
        case 57425: return .insert
        case 57426: return .delete
        case 57344...63743: return nil  // kitty's other private-use keys (Print, Menu, media keys …)
        default:
            guard code >= 0x20, let scalar = Unicode.Scalar(UInt32(code)) else { return nil }
            return Key.fromCharacter(scalar)
        }
    }

    /// What an SS3 sequence (`ESC O`) names: application-mode arrows, Home/End, F1–F4, the
    /// keypad, and rxvt's Ctrl with an arrow; modifiers as digits before the final.
    var ss3Meaning: Meaning {
        let digits = String(decoding: parameters, as: UTF8.self).split(separator: ";").last.flatMap { Int($0) }
        let modifiers = KeyModifiers(parameter: digits ?? 1)
        let key: Key
        switch final {
        case 0x41: key = .up
        case 0x42: key = .down
        case 0x43: key = .right
        case 0x44: key = .left
        case 0x48: key = .home
        case 0x46: key = .end
        case 0x50...0x53: key = .function(Int(final) - 0x4F)
        case 0x4D: key = .enter
        case 0x61...0x64: return .key([Key.up, .down, .right, .left][Int(final - 0x61)].with(.control))
        case 0x6A: key = .character("*")
        case 0x6B: key = .character("+")
        case 0x6C: key = .character(",")
        case 0x6D: key = .character("-")
        case 0x6E: key = .character(".")
        case 0x6F: key = .character("/")
        case 0x70...0x79: key = .character(Character(Unicode.Scalar(final - 0x70 + 0x30)))
        case 0x58: key = .character("=")
        default: return .unknown
        }
        return .key(key.with(modifiers))
    }
}
