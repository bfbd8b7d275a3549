import Testing
@testable import LitCoderUI

/// The key parser fed the bytes real terminals send, with no terminal. Expected keys come from
/// the terminals' documentation (xterm's ctlseqs, the Linux console's and rxvt's key tables,
/// kitty's keyboard protocol), written out by hand.
@Suite struct KeyParserTests {
    /// Parses `bytes` in one read, then as if the input paused.
    static func parse(_ bytes: [UInt8]) -> [InputEvent] {
        var parser = KeyParser()
        return parser.feed(bytes) + parser.timeOut()
    }

    static func parse(_ text: String) -> [InputEvent] { parse(Array(text.utf8)) }

    static let ctrl = KeyModifiers.control, alt = KeyModifiers.alt, shift = KeyModifiers.shift

    /// (bytes, the one key they are), per terminal family.
    static let keys: [(String, Key)] = [
        // xterm, normal and application cursor mode; modifiers as 1 + Shift 1, Alt 2, Ctrl 4.
        ("\u{1B}[A", .up), ("\u{1B}[B", .down), ("\u{1B}[C", .right), ("\u{1B}[D", .left),
        ("\u{1B}OA", .up), ("\u{1B}OD", .left),
        ("\u{1B}[1;5A", .modified(.up, ctrl)), ("\u{1B}[1;2B", .modified(.down, shift)),
        ("\u{1B}[1;3C", .modified(.right, alt)), ("\u{1B}[1;8D", .modified(.left, [ctrl, alt, shift])),
        ("\u{1B}[H", .home), ("\u{1B}[F", .end), ("\u{1B}OH", .home), ("\u{1B}OF", .end),
        ("\u{1B}[1;5H", .modified(.home, ctrl)), ("\u{1B}[1;2F", .modified(.end, shift)),
        ("\u{1B}[2~", .insert), ("\u{1B}[3~", .delete), ("\u{1B}[5~", .pageUp), ("\u{1B}[6~", .pageDown),
        ("\u{1B}[3;5~", .modified(.delete, ctrl)), ("\u{1B}[6;3~", .modified(.pageDown, alt)),
        ("\u{1B}OP", .function(1)), ("\u{1B}OQ", .function(2)), ("\u{1B}OR", .function(3)), ("\u{1B}OS", .function(4)),
        ("\u{1B}[15~", .function(5)), ("\u{1B}[17~", .function(6)), ("\u{1B}[18~", .function(7)),
        ("\u{1B}[19~", .function(8)), ("\u{1B}[20~", .function(9)), ("\u{1B}[21~", .function(10)),
        ("\u{1B}[23~", .function(11)), ("\u{1B}[24~", .function(12)),
        ("\u{1B}[15;5~", .modified(.function(5), ctrl)), ("\u{1B}[1;2P", .modified(.function(1), shift)),
        ("\u{1B}[1;5R", .modified(.function(3), ctrl)), ("\u{1B}[24;6~", .modified(.function(12), [ctrl, shift])),
        ("\u{1B}[Z", .backTab), ("\u{1B}[1;3Z", .modified(.backTab, alt)),
        ("\u{1B}OM", .enter), ("\u{1B}Oq", .character("1")), ("\u{1B}Ok", .character("+")),
        // vt220, screen, tmux and the Linux console.
        ("\u{1B}[1~", .home), ("\u{1B}[4~", .end), ("\u{1B}[11~", .function(1)), ("\u{1B}[14~", .function(4)),
        ("\u{1B}[[A", .function(1)), ("\u{1B}[[B", .function(2)), ("\u{1B}[[E", .function(5)),
        ("\u{1B}[25~", .function(13)), ("\u{1B}[34~", .function(20)),
        // rxvt: Home/End as 7/8, $ Shift, ^ Ctrl, @ Ctrl-Shift, lower-case arrows, ESC prefix for Alt.
        ("\u{1B}[7~", .home), ("\u{1B}[8~", .end), ("\u{1B}[2$", .modified(.insert, shift)),
        ("\u{1B}[5^", .modified(.pageUp, ctrl)), ("\u{1B}[11^", .modified(.function(1), ctrl)),
        ("\u{1B}[23$", .modified(.function(11), shift)), ("\u{1B}[2@", .modified(.insert, [ctrl, shift])),
        ("\u{1B}[a", .modified(.up, shift)), ("\u{1B}[d", .modified(.left, shift)), ("\u{1B}Oa", .modified(.up, ctrl)),
        ("\u{1B}\u{1B}[A", .modified(.up, alt)), ("\u{1B}\u{1B}[7~", .modified(.home, alt)), ("\u{1B}\u{1B}OP", .modified(.function(1), alt)),
        // kitty's CSI-u and xterm's modifyOtherKeys.
        ("\u{1B}[97;5u", .control("a")), ("\u{1B}[27u", .escape), ("\u{1B}[13;2u", .modified(.enter, shift)),
        ("\u{1B}[51;3u", .modified(.character("3"), alt)), ("\u{1B}[9;2u", .backTab), ("\u{1B}[127;5u", .modified(.backspace, ctrl)),
        ("\u{1B}[57376u", .function(13)), ("\u{1B}[57417;5u", .modified(.left, ctrl)), ("\u{1B}[97;6u", .modified(.character("A"), [ctrl, shift])),
        ("\u{1B}[27;5;13~", .modified(.enter, ctrl)), ("\u{1B}[27;3;51~", .modified(.character("3"), alt)),
        // Alt as ESC then the key.
        ("\u{1B}3", .modified(.character("3"), alt)), ("\u{1B}j", .modified(.character("j"), alt)),
        ("\u{1B}\u{7F}", .modified(.backspace, alt)), ("\u{1B}\r", .modified(.enter, alt)),
        ("\u{1B}\u{01}", .modified(.control("a"), alt)), ("\u{1B}é", .modified(.character("é"), alt)),
        // Single bytes and characters.
        ("\u{01}", .control("a")), ("\u{12}", .control("r")), ("\r", .enter), ("\n", .enter), ("\t", .tab),
        ("\u{7F}", .backspace), ("\u{08}", .backspace), ("\u{00}", .control(" ")), ("\u{1C}", .control("\\")),
        ("a", .character("a")), ("1", .character("1")), ("é", .character("é")), ("漢", .character("漢")),
        ("😀", .character("😀")),
        // C1 CSI and SS3 as UTF-8 characters.
        ("\u{9B}A", .up), ("\u{8F}P", .function(1)),
        // A lone ESC, and ESC then "[", "O" or "P" with nothing after: Esc, Alt-[, Alt-O, Alt-P.
        ("\u{1B}", .escape), ("\u{1B}[", .modified(.character("["), alt)), ("\u{1B}O", .modified(.character("O"), alt)),
        ("\u{1B}P", .modified(.character("P"), alt)),
    ]

    @Test(arguments: keys)
    func readsTheKey(bytes: String, key: Key) {
        #expect(Self.parse(bytes) == [.key(key)], "\(Array(bytes.utf8))")
    }

    /// The same bytes one at a time (a slow link): the same key, never its pieces.
    @Test(arguments: keys)
    func readsTheKeyByteByByte(bytes: String, key: Key) {
        var parser = KeyParser()
        var events: [InputEvent] = []
        for byte in bytes.utf8 { events += parser.feed([byte]) }
        events += parser.timeOut()
        #expect(events == [.key(key)])
    }

    /// Sequences that name no key, reports and strings: each one `.unknown`, dropped whole.
    static let dropped: [(String, String)] = [
        ("\u{1B}[99~", "ESC[99~"), ("\u{1B}[12;40R", "ESC[12;40R"), ("\u{1B}[?1;2c", "ESC[?1;2c"),
        ("\u{1B}[I", "ESC[I"), ("\u{1B}[O", "ESC[O"), ("\u{1B}[1;5X", "ESC[1;5X"), ("\u{1B}O5Z", "ESC O5Z"),
        ("\u{1B}]0;pwned\u{07}", "ESC]0;pwned"), ("\u{1B}]11;rgb:0000/0000/0000\u{1B}\\", "ESC]11;rgb:0000/0000/0000\\"),
        ("\u{1B}P1$r0m\u{1B}\\", "ESCP1$r0m\\"), ("\u{1B}_Gi=1;OK\u{1B}\\", "ESC_Gi=1;OK\\"), ("\u{1B}^privacy\u{1B}\\", "ESC^privacy\\"),
        ("\u{1B}[12", "ESC[12"), ("\u{1B}[[Z", "ESC[[Z"), ("\u{1B}[E", "ESC[E"),
    ]

    @Test(arguments: dropped)
    func dropsWhatIsNoKeyWhole(bytes: String, shown: String) {
        let events = Self.parse(bytes)
        #expect(events.count == 1)
        guard case .key(.unknown(let text))? = events.first else {
            Issue.record("\(events)")
            return
        }
        #expect(text == shown.replacingOccurrences(of: " ", with: ""))
    }

    @Test func aKeyAfterADroppedSequenceIsItself() {
        #expect(Self.parse("\u{1B}]0;x\u{07}1") == [.key(.unknown("ESC]0;x")), .key(.character("1"))])
        #expect(Self.parse("\u{1B}[1;5X2") == [.key(.unknown("ESC[1;5X")), .key(.character("2"))])
        // A control byte cannot be part of a CSI: what came before it is dropped, the byte is read.
        #expect(Self.parse("\u{1B}[12\r") == [.key(.unknown("ESC[12")), .key(.enter)])
    }

    @Test func invalidUTF8IsDroppedNotGuessed() {
        #expect(Self.parse([0xFF]) == [.key(.unknown("<FF>"))])
        #expect(Self.parse([0xC3, 0x41]) == [.key(.unknown("<C3>")), .key(.character("A"))])
        #expect(Self.parse([0xE0, 0x80, 0x80]) == [.key(.unknown("<E0><80><80>"))])  // overlong
        #expect(Self.parse([0xC2, 0x85]) == [.key(.unknown("<C2><85>"))])  // C1 NEL
    }

    @Test func aCharacterSplitBetweenReadsIsOneCharacter() {
        var parser = KeyParser()
        #expect(parser.feed([0xE6]).isEmpty)
        #expect(parser.waiting == .sequence)
        #expect(parser.feed([0xBC, 0xA2]) == [.key(.character("漢"))])
    }

    @Test func bracketedPasteIsTextNeverKeys() {
        #expect(Self.parse("\u{1B}[200~1 2 3\u{1B}[201~") == [.paste("1 2 3")])
        #expect(Self.parse("\u{1B}[200~a\u{1B}[20b\u{1B}\u{1B}[201~q") == [.paste("a\u{1B}[20b\u{1B}"), .key(.character("q"))])
        var parser = KeyParser()
        #expect(parser.feed(Array("\u{1B}[200~line 1\nline".utf8)).isEmpty)
        #expect(parser.waiting == .paste)
        // A pause inside a paste does not end it.
        #expect(parser.timeOut().isEmpty)
        #expect(parser.feed(Array(" 2\u{1B}[2".utf8)).isEmpty)
        #expect(parser.feed(Array("01~".utf8)) == [.paste("line 1\nline 2")])
    }

    @Test func aHugePasteIsCutNotKept() {
        var parser = KeyParser()
        let big = [UInt8](repeating: 0x41, count: KeyParser.maximumPaste + 10)
        let events = parser.feed(Array("\u{1B}[200~".utf8) + big + Array("\u{1B}[201~".utf8))
        guard case .paste(let text)? = events.first else {
            Issue.record("\(events.count) events")
            return
        }
        #expect(events.count == 1 && text.utf8.count == KeyParser.maximumPaste)
    }

    static let mouse: [([UInt8], MouseReport)] = [
        (Array("\u{1B}[M".utf8) + [0x20, 0x21, 0x21], MouseReport(button: 0, column: 1, row: 1, isPress: true)),
        (Array("\u{1B}[M".utf8) + [0x23, 0xFF, 0xFF], MouseReport(button: 3, column: 223, row: 223, isPress: false)),
        (Array("\u{1B}[<0;10;5M".utf8), MouseReport(button: 0, column: 10, row: 5, isPress: true)),
        (Array("\u{1B}[<0;10;5m".utf8), MouseReport(button: 0, column: 10, row: 5, isPress: false)),
        (Array("\u{1B}[<64;3;4M".utf8), MouseReport(button: 64, column: 3, row: 4, isPress: true)),
        (Array("\u{1B}[32;10;5M".utf8), MouseReport(button: 0, column: 10, row: 5, isPress: true)),
    ]

    @Test(arguments: mouse)
    func mouseReportsAreNoKeys(bytes: [UInt8], report: MouseReport) {
        #expect(Self.parse(bytes) == [.mouse(report)])
    }

    @Test func escapeTimingDecidesBetweenEscAndAlt() {
        var parser = KeyParser()
        #expect(parser.feed([0x1B]).isEmpty)
        #expect(parser.waiting == .escape)
        #expect(parser.timeOut() == [.key(.escape)])
        #expect(parser.feed([0x1B, 0x31]) == [.key(.modified(.character("1"), .alt))])
        #expect(parser.feed([0x1B]).isEmpty)
        #expect(parser.timeOut() == [.key(.escape)])
        #expect(parser.feed([0x31]) == [.key(.character("1"))])
        #expect(Self.parse("\u{1B}\u{1B}") == [.key(.escape), .key(.escape)])
        #expect(Self.parse("\u{1B}\u{1B}x") == [.key(.escape), .key(.modified(.character("x"), .alt))])
    }

    /// Arbitrary bytes: never a trap, every byte accounted for, time linear in the input.
    @Test func anyBytesAreReadInLinearTime() {
        var generator = SystemRandomNumberGenerator()
        var parser = KeyParser()
        let interesting: [UInt8] = [0x1B, 0x5B, 0x4F, 0x5D, 0x50, 0x07, 0x5C, 0x3B, 0x31, 0x7E, 0x4D, 0x3C, 0x9B, 0xC2, 0xE6, 0xFF, 0x32, 0x30]
        var bytes: [UInt8] = []
        for _ in 0..<400_000 {
            bytes.append(Bool.random(using: &generator) ? interesting.randomElement(using: &generator) ?? 0 : UInt8.random(in: 0...255, using: &generator))
        }
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            _ = parser.feed(bytes)
            _ = parser.timeOut()
        }
        #expect(elapsed < .seconds(5))
    }

    static let descriptions: [(Key, String)] = [
        (.modified(.function(5), .control), "Ctrl-F5"), (.modified(.character("3"), .alt), "Alt-3"),
        (.modified(.up, [.control, .alt, .shift]), "Ctrl-Alt-Shift-↑"), (.insert, "Insert"), (.control(" "), "Ctrl-Space"),
        (.unknown("ESC[99~"), "ESC[99~"),
    ]

    @Test(arguments: descriptions)
    func keysAreNamedAsPeopleSayThem(key: Key, name: String) {
        #expect(key.description == name)
    }
}
