/// A key as the workbench understands it, independent of any terminal library.
///
/// `KeyParser` makes these from the bytes a terminal sends, whatever its TERM says; a key
/// with modifiers its own case does not carry (Alt-3, Ctrl-F5, Shift-↑) is `.modified`, and a
/// sequence that names no known key is `.unknown`, so nothing a terminal sends is ever taken
/// for a different key.
public indirect enum Key: Hashable, Sendable, CustomStringConvertible {
    /// A printable character (letters, digits, punctuation, any script).
    case character(Character)
    /// Ctrl plus a letter, lower case: `.control("r")` is Ctrl-R. Also Ctrl-Space (" ") and
    /// Ctrl-\ ] ^ _ (the other C0 controls a keyboard sends).
    case control(Character)
    case up, down, left, right
    case pageUp, pageDown, home, end, insert
    case enter, tab, backTab, escape, backspace, delete
    case function(Int)
    /// A key with Shift, Alt, Ctrl or Super beyond what its own case says. Built with
    /// `Key.with(_:)`, which never nests them and folds Shift-Tab into `.backTab` and Ctrl plus
    /// a letter into `.control`.
    case modified(Key, KeyModifiers)
    /// A sequence the terminal sent that names no key litcoder knows, as it was written
    /// (already safe to show: `ESC[99~`). It is dropped whole, never read as other keys.
    case unknown(String)

    /// How the key is written in help, the status bar and `docs/keys.md`.
    public var description: String {
        switch self {
        case .character(" "): "Space"
        case .character(let c): String(c)
        case .control(" "): "Ctrl-Space"
        case .control(let c): "Ctrl-\(String(c).uppercased())"
        case .up: "↑"
        case .down: "↓"
        case .left: "←"
        case .right: "→"
        case .pageUp: "PgUp"
        case .pageDown: "PgDn"
        case .home: "Home"
        case .end: "End"
        case .insert: "Insert"
        case .enter: "Enter"
        case .tab: "Tab"
        case .backTab: "Shift-Tab"
        case .escape: "Esc"
        case .backspace: "Backspace"
        case .delete: "Delete"
        case .function(let n): "F\(n)"
        case .modified(let key, let modifiers): modifiers.prefix + key.description
        case .unknown(let sequence): sequence
        }
    }

    /// The key with `modifiers` added, in the one form the key table can look up.
    public func with(_ modifiers: KeyModifiers) -> Key {
        var key = self
        var modifiers = modifiers
        if case .modified(let inner, let more) = key {
            key = inner
            modifiers.formUnion(more)
        }
        if modifiers.contains(.control), !modifiers.contains(.shift), case .character(let c) = key,
           let folded = Self.controlCharacter(for: c) {
            key = .control(folded)
            modifiers.remove(.control)
        }
        if modifiers.contains(.shift) {
            switch key {
            case .tab:
                key = .backTab
                modifiers.remove(.shift)
            case .character(let c) where c.isLetter && modifiers.contains(.control):
                // Kept apart from Ctrl plus the letter: "Ctrl-Shift-A" is its own key.
                key = .character(Character(c.uppercased()))
            case .character(let c) where c.isLetter:
                key = .character(Character(c.uppercased()))
                modifiers.remove(.shift)
            case .character:
                // The terminal already shifted it ("!" is Shift-1 on one layout, not another).
                modifiers.remove(.shift)
            default: break
            }
        }
        return modifiers.isEmpty ? key : .modified(key, modifiers)
    }

    /// The character `.control` holds for Ctrl plus `c`, when a terminal can send that as one
    /// C0 control (Ctrl-A … Ctrl-Z, Ctrl-Space and Ctrl-\ ] ^ _).
    private static func controlCharacter(for c: Character) -> Character? {
        guard let scalar = c.unicodeScalars.first, c.unicodeScalars.count == 1, scalar.isASCII else { return nil }
        switch scalar.value {
        case 0x61...0x7A: return c
        case 0x41...0x5A: return Character(c.lowercased())
        case 0x20, 0x40: return " "
        case 0x5C, 0x5D, 0x5E, 0x5F: return c
        default: return nil
        }
    }

    /// The key a terminal delivers as this character code (Tab, Enter, Esc, Ctrl-letters),
    /// or the printable character itself; nil for C1 controls, which are no keys.
    public static func fromCharacter(_ scalar: Unicode.Scalar) -> Key? {
        switch scalar.value {
        case 0x09: return .tab
        case 0x0A, 0x0D: return .enter
        case 0x1B: return .escape
        case 0x08, 0x7F: return .backspace
        case 0x00: return .control(" ")
        case 0x01...0x1A: return .control(Character(Unicode.Scalar(UInt8(scalar.value + 0x60))))
        case 0x1C...0x1F: return .control(Character(Unicode.Scalar(UInt8(scalar.value + 0x40))))
        case 0x80..<0xA0: return nil
        default: return .character(Character(scalar))
        }
    }
}

/// Modifier keys held with a key, as terminals report them (xterm's `1 + bits` parameter).
public struct KeyModifiers: OptionSet, Hashable, Sendable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }

    public static let shift = KeyModifiers(rawValue: 1)
    public static let alt = KeyModifiers(rawValue: 2)
    public static let control = KeyModifiers(rawValue: 4)
    /// Super, Hyper or Meta: keys a terminal reports but litcoder binds nothing to.
    public static let `super` = KeyModifiers(rawValue: 8)

    /// From xterm's modifier parameter (`CSI 1;5A` is Ctrl-↑: 5 = 1 + 4), also kitty's,
    /// which adds Hyper (16), Meta (32), Caps Lock (64) and Num Lock (128); the lock keys
    /// change no key's meaning and are left out.
    init(parameter: Int) {
        let bits = max(0, parameter - 1)
        var result = KeyModifiers(rawValue: bits & 0b1111)
        if bits & 16 != 0 { result.insert(.super) }
        if bits & 32 != 0 { result.insert(.alt) }
        self = result
    }

    /// "Ctrl-Alt-" and the like, in the order people say them.
    var prefix: String {
        var text = ""
        if contains(.control) { text += "Ctrl-" }
        if contains(.alt) { text += "Alt-" }
        if contains(.shift) { text += "Shift-" }
        if contains(.super) { text += "Super-" }
        return text
    }
}
