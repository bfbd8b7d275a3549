/// Reads the bytes a terminal sends as keys, pastes and mouse reports, whatever TERM says.
///
/// terminfo describes one terminal's sequences, and a terminal that sends another's (tmux
/// under `TERM=xterm-256color` sends `ESC [ 1 ~` for Home) used to reach the workbench as
/// four keys, the `1` of which toggled a code. This parser knows the common encodings of
/// every key (xterm, vt220, rxvt, the Linux console, screen and tmux, kitty's CSI-u) and
/// consumes every escape sequence whole: CSI with its parameters, SS3, OSC/DCS/APC/PM/SOS
/// strings up to their terminator, X10/SGR/urxvt mouse reports and bracketed pastes. What it
/// cannot name becomes one `.unknown` key; no part of a sequence is ever a key of its own.
///
/// A pure state machine over bytes, fed as they arrive: a sequence split between reads is
/// completed by the next `feed`. When the input pauses, the terminal layer calls `timeOut()`
/// after the delay `waiting` asks for: a lone ESC is Esc, ESC then a key within the delay is
/// Alt plus that key.
public struct KeyParser: Sendable {
    /// What the parser holds while the input pauses, so the caller knows how long to wait.
    public enum Waiting: Hashable, Sendable {
        case nothing
        /// A lone ESC (or two): Esc when nothing follows within the escape delay.
        case escape
        /// Part of a sequence or of a UTF-8 character: the rest is normally already on its way.
        case sequence
        /// Inside a bracketed paste: everything up to its end marker is text.
        case paste
    }

    private enum State: Hashable, Sendable {
        case ground
        case utf8(value: UInt32, remaining: Int, minimum: UInt32)
        case escape
        case doubleEscape
        case csi
        /// `ESC [ [`: the Linux console's F1–F5.
        case linuxFunction
        /// `ESC [ M` and three raw bytes.
        case x10Mouse
        case ss3
        /// OSC, DCS, APC, PM or SOS, up to BEL or ST (`ESC \`).
        case string(sawEscape: Bool)
        /// How many bytes of the end marker `ESC [ 2 0 1 ~` were seen.
        case paste(matched: Int)
    }

    /// A pasted text longer than this is cut (a paste goes into a one-line prompt).
    public static let maximumPaste = 1 << 20
    /// Bytes of a sequence kept to name it; longer ones are named by their start.
    static let maximumKept = 48
    private static let pasteEnd: [UInt8] = [0x1B, 0x5B, 0x32, 0x30, 0x31, 0x7E]

    private var state = State.ground
    /// ESC came before the key being read: Alt.
    private var alt = false
    /// The bytes of the sequence being read (capped), to name it if it is dropped.
    private var sequence: [UInt8] = []
    /// Parameter and intermediate bytes of a CSI or SS3 (capped).
    private var parameters: [UInt8] = []
    private var overlong = false
    private var pasted: [UInt8] = []

    public init() {}

    /// How long the caller should wait for more input before calling `timeOut()`.
    public var waiting: Waiting {
        switch state {
        case .ground: .nothing
        case .escape, .doubleEscape: .escape
        case .paste: .paste
        default: .sequence
        }
    }

    /// Reads `bytes` and returns the events they complete, in order.
    public mutating func feed(_ bytes: some Sequence<UInt8>) -> [InputEvent] {
        var events: [InputEvent] = []
        for byte in bytes { step(byte, into: &events) }
        return events
    }

    /// The input paused: a lone ESC is Esc, ESC plus the start of a sequence is Alt plus that
    /// character, and any other unfinished sequence is dropped whole. A paste keeps waiting
    /// for its end marker.
    public mutating func timeOut() -> [InputEvent] {
        var events: [InputEvent] = []
        switch state {
        case .ground, .paste: return []
        case .escape:
            events.append(.key(.escape))
        case .doubleEscape:
            events += [.key(.escape), .key(.escape)]
        case .csi where parameters.isEmpty && sequence == [0x1B, 0x5B],
             .ss3 where parameters.isEmpty && sequence == [0x1B, 0x4F],
             .string(sawEscape: false) where sequence.count == 2 && sequence[0] == 0x1B:
            // ESC then "[", "O", "P" … and nothing more: the user pressed Alt with that key.
            if alt { events.append(.key(.escape)) }
            events.append(.key(Key.character(Character(Unicode.Scalar(sequence[1]))).with(.alt)))
        default:
            events.append(.key(.unknown(describe(sequence))))
        }
        reset()
        return events
    }

    private mutating func reset() {
        state = .ground
        alt = false
        sequence.removeAll(keepingCapacity: true)
        parameters.removeAll(keepingCapacity: true)
        overlong = false
    }

    private mutating func keep(_ byte: UInt8) {
        if sequence.count < Self.maximumKept { sequence.append(byte) } else { overlong = true }
    }

    /// Emits a key (with Alt when ESC came before it) and returns to the ground state; nil:
    /// the sequence names no key, and is dropped whole.
    private mutating func finish(_ key: Key?, into events: inout [InputEvent]) {
        guard let key else { return drop(into: &events) }
        events.append(.key(alt ? key.with(.alt) : key))
        reset()
    }

    private mutating func drop(into events: inout [InputEvent]) {
        events.append(.key(.unknown(describe(sequence))))
        reset()
    }

    // MARK: The state machine

    private mutating func step(_ byte: UInt8, into events: inout [InputEvent]) {
        switch state {
        case .ground:
            ground(byte, into: &events)
        case .utf8(let value, let remaining, let minimum):
            guard byte & 0xC0 == 0x80 else {
                drop(into: &events)
                ground(byte, into: &events)
                return
            }
            keep(byte)
            let next = value << 6 | UInt32(byte & 0x3F)
            if remaining > 1 {
                state = .utf8(value: next, remaining: remaining - 1, minimum: minimum)
            } else if next >= minimum, let scalar = Unicode.Scalar(next) {
                scalarArrived(scalar, into: &events)
            } else {
                drop(into: &events)
            }
        case .escape:
            escape(byte, into: &events)
        case .doubleEscape:
            switch byte {
            case 0x5B, 0x4F:
                // ESC ESC [ …: rxvt and others send Alt with a special key this way.
                alt = true
                sequence = [0x1B, byte]
                state = byte == 0x5B ? .csi : .ss3
            default:
                events.append(.key(.escape))
                reset()
                state = .escape
                keep(0x1B)
                escape(byte, into: &events)
            }
        case .csi:
            csi(byte, into: &events)
        case .linuxFunction:
            keep(byte)
            if byte >= 0x41, byte <= 0x45 {
                finish(.function(Int(byte - 0x40)), into: &events)
            } else {
                drop(into: &events)
            }
        case .x10Mouse:
            keep(byte)
            parameters.append(byte)
            if parameters.count == 3 {
                let report = MouseReport(button: Int(parameters[0]) - 32, column: Int(parameters[1]) - 32,
                                         row: Int(parameters[2]) - 32, isPress: parameters[0] & 3 != 3)
                events.append(.mouse(report))
                reset()
            }
        case .ss3:
            keep(byte)
            switch byte {
            case 0x30...0x3B:
                appendParameter(byte)
            case 0x40...0x7E:
                deliver(ControlSequence(parameters: parameters, final: byte).ss3Meaning, into: &events)
            default:
                drop(into: &events)
            }
        case .string(let sawEscape):
            if sawEscape {
                if byte == 0x5C {
                    keep(byte)
                    drop(into: &events)
                } else {
                    // ESC inside a string ends it; the ESC starts what follows.
                    drop(into: &events)
                    state = .escape
                    keep(0x1B)
                    escape(byte, into: &events)
                }
            } else if byte == 0x07 {
                drop(into: &events)
            } else if byte == 0x1B {
                state = .string(sawEscape: true)
            } else {
                keep(byte)
            }
        case .paste(let matched):
            if byte == Self.pasteEnd[matched] {
                if matched + 1 == Self.pasteEnd.count {
                    events.append(.paste(String(decoding: pasted, as: UTF8.self)))
                    pasted.removeAll()
                    reset()
                } else {
                    state = .paste(matched: matched + 1)
                }
                return
            }
            appendPasted(Self.pasteEnd[0..<matched])
            if byte == Self.pasteEnd[0] {
                state = .paste(matched: 1)
            } else {
                appendPasted(CollectionOfOne(byte))
                state = .paste(matched: 0)
            }
        }
    }

    private mutating func appendPasted(_ bytes: some Collection<UInt8>) {
        if pasted.count + bytes.count <= Self.maximumPaste { pasted += bytes }
    }

    private mutating func ground(_ byte: UInt8, into events: inout [InputEvent]) {
        keep(byte)
        switch byte {
        case 0x1B:
            state = .escape
        case 0x00..<0x80:
            finish(Key.fromCharacter(Unicode.Scalar(byte)), into: &events)
        case 0xC2...0xDF:
            state = .utf8(value: UInt32(byte & 0x1F), remaining: 1, minimum: 0x80)
        case 0xE0...0xEF:
            state = .utf8(value: UInt32(byte & 0x0F), remaining: 2, minimum: 0x800)
        case 0xF0...0xF4:
            state = .utf8(value: UInt32(byte & 0x07), remaining: 3, minimum: 0x10000)
        default:
            // A byte no UTF-8 character starts with (an 8-bit C1 control, a stray continuation).
            drop(into: &events)
        }
    }

    /// A whole character arrived: C1 controls introduce sequences, the rest are characters.
    private mutating func scalarArrived(_ scalar: Unicode.Scalar, into events: inout [InputEvent]) {
        switch scalar.value {
        case 0x9B: state = .csi
        case 0x8F: state = .ss3
        case 0x90, 0x98, 0x9D, 0x9E, 0x9F: state = .string(sawEscape: false)
        case 0x80..<0xA0: drop(into: &events)
        default: finish(.character(Character(scalar)), into: &events)
        }
    }

    private mutating func escape(_ byte: UInt8, into events: inout [InputEvent]) {
        switch byte {
        case 0x5B:
            keep(byte)
            state = .csi
        case 0x4F:
            keep(byte)
            state = .ss3
        case 0x5D, 0x50, 0x5F, 0x5E, 0x58:
            // OSC, DCS, APC, PM, SOS. (Alt-], Alt-P … send the same two bytes; `timeOut`
            // gives those back when nothing follows.)
            keep(byte)
            state = .string(sawEscape: false)
        case 0x1B:
            keep(byte)
            state = .doubleEscape
        default:
            // ESC then a key: Alt plus that key.
            alt = true
            state = .ground
            ground(byte, into: &events)
        }
    }

    private mutating func appendParameter(_ byte: UInt8) {
        if parameters.count < Self.maximumKept { parameters.append(byte) } else { overlong = true }
    }

    private mutating func csi(_ byte: UInt8, into events: inout [InputEvent]) {
        let first = parameters.isEmpty && sequence.last.map { $0 == 0x5B || $0 == 0x9B } == true
        guard byte >= 0x20, byte <= 0x7E else {
            // A control character or a high byte cannot be part of a CSI: drop what was read,
            // then read this byte afresh.
            drop(into: &events)
            return ground(byte, into: &events)
        }
        keep(byte)
        switch byte {
        case 0x5B where first:
            state = .linuxFunction
        case 0x4D where first:
            state = .x10Mouse
        case 0x24 where isPlainNumber:
            // rxvt's Shift with an editing key (`ESC [ 2 $`): an intermediate byte used as a final.
            deliver(ControlSequence(parameters: parameters, final: byte).csiMeaning, into: &events)
        case 0x20...0x3F:
            appendParameter(byte)
        case 0x40...0x7E:
            if byte == 0x7E, parameters == [0x32, 0x30, 0x30] {
                sequence.removeAll(keepingCapacity: true)
                parameters.removeAll(keepingCapacity: true)
                alt = false
                state = .paste(matched: 0)
                return
            }
            csiFinished(final: byte, into: &events)
        default:
            break
        }
    }

    private var isPlainNumber: Bool {
        !parameters.isEmpty && parameters.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }

    // MARK: Naming what arrived (`ControlSequence`)

    private mutating func csiFinished(final: UInt8, into events: inout [InputEvent]) {
        if overlong { return drop(into: &events) }
        deliver(ControlSequence(parameters: parameters, final: final).csiMeaning, into: &events)
    }

    private mutating func deliver(_ meaning: ControlSequence.Meaning, into events: inout [InputEvent]) {
        switch meaning {
        case .key(let key): finish(key, into: &events)
        case .mouse(let report):
            events.append(.mouse(report))
            reset()
        case .nothing: reset()
        case .unknown: drop(into: &events)
        }
    }

    /// The bytes as they can be shown: ESC as `ESC`, other controls and non-ASCII bytes in hex.
    private func describe(_ bytes: [UInt8]) -> String {
        var text = ""
        for byte in bytes {
            switch byte {
            case 0x1B: text += "ESC"
            case 0x21...0x7E: text.append(Character(Unicode.Scalar(byte)))
            case 0x20: text += "␠"
            default: text += "<" + String(byte, radix: 16, uppercase: true) + ">"
            }
        }
        return overlong ? text + "…" : text
    }
}
