import Foundation
import Testing
@testable import LitCoderCore

/// The fast event-line decoder must agree with JSONDecoder on every line, fast path or not.
@Suite struct EventLineCodecTests {
    static let awkwardStrings = [
        "", "plain", "quote \" inside", "back\\slash", "new\nline", "tab\tand\rreturn", "\u{01}\u{1F}\u{7F}",
        "slash / here", "ünïcødé", "日本語の抄録", "emoji 🎙️👩🏽‍🔬", "\u{2028}\u{2029}", "a,b,c", "{\"json\":\"inside\"}",
        "null", "true", String(repeating: "long ", count: 400),
    ]

    static func sampleEvents() -> [CodingEvent] {
        var events: [CodingEvent] = []
        for (i, s) in awkwardStrings.enumerated() {
            events.append(CodingEvent(seq: i + 1, time: "2026-11-24T10:00:00.\(i)Z", coder: "alice", paper: "p-\(s.prefix(5))",
                                      op: .note, text: s, codebook: "h"))
            events.append(CodingEvent(seq: i + 100, time: "t", coder: "c.d-e_f", paper: s, op: .set, dimension: "dim\(i)",
                                      codes: [s, "x"], codebook: String(repeating: "f", count: 64)))
        }
        events.append(CodingEvent(seq: 7, time: "t", coder: "_consensus", paper: "p", op: .adjudicate, dimension: "d",
                                  codes: [], codebook: "h", sources: ["alice", "bob"], reason: "because", automatic: false,
                                  adjudicator: "ana"))
        events.append(CodingEvent(seq: 8, time: "t", coder: "a", paper: "p", op: .flag, value: false, codebook: "h"))
        events.append(CodingEvent(seq: 9, time: "t", coder: "a", paper: "p", op: .done, value: true, codebook: "h"))
        events.append(CodingEvent(seq: 10, time: "t", coder: "a", paper: "p", op: .view, codebook: ""))
        return events
    }

    @Test(arguments: sampleEvents())
    func ownLinesDecodeOnTheFastPathToTheSameEvent(event: CodingEvent) throws {
        var line = EventLineEncoder.line(for: event)
        #expect(line.last == UInt8(ascii: "\n"))
        line.removeLast()
        #expect(!line.contains(UInt8(ascii: "\n")), "one event, one line")
        var decoder = EventLineDecoder()
        let fast = line.withUnsafeBufferPointer { decoder.fastDecode($0) }
        #expect(fast == event)
        #expect(try JSONDecoder().decode(CodingEvent.self, from: Data(line)) == event)
    }

    @Test(arguments: sampleEvents())
    func foundationsLinesDecodeToTheSameEvent(event: CodingEvent) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let line = [UInt8](try encoder.encode(event))
        var decoder = EventLineDecoder()
        #expect(try decoder.decode(line).get() == event)
        #expect(line.withUnsafeBufferPointer { decoder.fastDecode($0) } == event, "escapes like \\/ and \\u are on the fast path too")
    }

    /// Lines the fast path must hand over, with what the whole decoder then makes of them.
    @Test(arguments: [
        (#"{"v":1,"seq":1,"time":"t","coder":"a","paper":"p","op":"view","codebook":"h","extra":[1,2]}"#, true),
        (#"{"v":1,"seq":1.0,"time":"t","coder":"a","paper":"p","op":"view","codebook":"h"}"#, true),
        (#"{"v":1,"seq":1,"seq":2,"time":"t","coder":"a","paper":"p","op":"view","codebook":"h"}"#, true),
        (#"{"v":1,"seq":1,"time":"t","coder":"a","paper":"p","op":"paint","codebook":"h"}"#, false),
        (#"{"v":1,"seq":1,"time":"t","coder":"a","paper":"p","op":"view"}"#, false),
        (#"{"v":1,"seq":1,"time":null,"coder":"a","paper":"p","op":"view","codebook":"h"}"#, false),
        (#"{"v":1,"seq":01,"time":"t","coder":"a","paper":"p","op":"view","codebook":"h"}"#, false),
        (#"{"v":1,"seq":1,"time":"t","coder":"a","paper":"p","op":"view","codebook":"h"} x"#, false),
        (#"{"v":1,"seq":1,"time":"t","coder":"a","paper":"\ud800","op":"view","codebook":"h"}"#, false),
        (#"{"v":1,"seq":1,"time":"t","coder":"a","paper":"p","op":"view","codebook":"h""#, false),
        (#"[1,2,3]"#, false),
        ("", false),
    ])
    func unusualLinesFallBackToFoundation(line: String, isEvent: Bool) {
        let bytes = Array(line.utf8)
        var decoder = EventLineDecoder()
        #expect(bytes.withUnsafeBufferPointer { decoder.fastDecode($0) } == nil)
        let foundation = try? JSONDecoder().decode(CodingEvent.self, from: Data(bytes))
        let ours = try? decoder.decode(bytes).get()
        #expect(ours == foundation)
        #expect((ours != nil) == isEvent)
    }

    @Test func optionalNullsAndSpacesAreAccepted() {
        let line = Array(#" { "v" : 1 , "seq" : 3 , "time" : "t" , "coder" : "a" , "paper" : "p" , "op" : "flag" , "value" : true , "dim" : null , "codebook" : "h" } "#.utf8)
        var decoder = EventLineDecoder()
        let fast = line.withUnsafeBufferPointer { decoder.fastDecode($0) }
        #expect(fast == CodingEvent(seq: 3, time: "t", coder: "a", paper: "p", op: .flag, value: true, codebook: "h"))
    }

    @Test func invalidUTF8IsNotAnEvent() {
        var bytes = Array(#"{"v":1,"seq":1,"time":"t","coder":"a","paper":"p"#.utf8)
        bytes.append(0xFF)
        bytes += Array(#"","op":"view","codebook":"h"}"#.utf8)
        var decoder = EventLineDecoder()
        #expect(bytes.withUnsafeBufferPointer { decoder.fastDecode($0) } == nil)
        #expect((try? decoder.decode(bytes).get()) == nil)
    }

    @Test func randomEventsRoundTrip() throws {
        var rng = SplitMix64(seed: 42)
        var decoder = EventLineDecoder()
        let alphabet = Array("ab\"\\\n\t/é日🎙 ,:{}[]\u{0}\u{1B}")
        func randomString() -> String {
            String((0..<Int(rng.next() % 12)).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] })
        }
        for seq in 1...2000 {
            let event = CodingEvent(
                seq: seq, time: randomString(), coder: randomString(), paper: randomString(),
                op: [.set, .note, .flag, .done, .view, .adjudicate][Int(rng.next() % 6)],
                dimension: rng.next() % 2 == 0 ? randomString() : nil,
                codes: rng.next() % 2 == 0 ? (0..<Int(rng.next() % 4)).map { _ in randomString() } : nil,
                text: rng.next() % 3 == 0 ? randomString() : nil, value: rng.next() % 3 == 0 ? true : nil,
                codebook: randomString(), sources: rng.next() % 5 == 0 ? [randomString()] : nil,
                reason: rng.next() % 5 == 0 ? randomString() : nil, automatic: rng.next() % 5 == 0 ? false : nil)
            var line = EventLineEncoder.line(for: event)
            line.removeLast()
            let fast = line.withUnsafeBufferPointer { decoder.fastDecode($0) }
            #expect(fast == event)
            #expect(try JSONDecoder().decode(CodingEvent.self, from: Data(line)) == event)
        }
    }
}

/// A small seeded generator, so a failing random case can be replayed.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// What replaying saves on decoding must not change what a line means.
@Suite struct EventLineDecoderSharingTests {
    @Test(arguments: EventLineCodecTests.sampleEvents())
    func withoutTimeOnlyTheTimeIsLeftOut(event: CodingEvent) {
        var decoder = EventLineDecoder(keepsTime: false)
        var expected = event
        expected.time = ""
        #expect(decoder.decode(Array(EventLineEncoder.line(for: event).dropLast())) == .success(expected))
    }

    @Test func aTimeThatIsNotAStringIsStillRefusedWithoutTime() {
        var decoder = EventLineDecoder(keepsTime: false)
        let line = Array(#"{"v":1,"seq":1,"time":12,"coder":"a","paper":"p","op":"view","codebook":"h"}"#.utf8)
        #expect((try? decoder.decode(line).get()) == nil)
        let invalid = Array(#"{"v":1,"seq":1,"time":""#.utf8) + [0xC3, 0x28] + Array(#"","coder":"a","paper":"p","op":"view","codebook":"h"}"#.utf8)
        #expect((try? decoder.decode(invalid).get()) == nil)
    }

    @Test func listsThatLookAlikeKeepTheirOwnCodes() {
        var decoder = EventLineDecoder()
        let lists: [[String]] = [["a", "b"], ["a", "c"], ["b", "a"], ["a", "b"], [], ["a"], ["a", "b", "c"], ["ünï"], ["q\"uote"], ["a", "b"]]
        for (i, codes) in lists.enumerated() {
            let event = CodingEvent(seq: i + 1, time: "t", coder: "a", paper: "p", op: .set, dimension: "d", codes: codes, codebook: "h")
            #expect(decoder.decode(Array(EventLineEncoder.line(for: event).dropLast())) == .success(event))
        }
        let spaced = Array(#"{"v":1,"seq":1,"time":"t","coder":"a","paper":"p","op":"set","dim":"d","codes":[ "a" , "b" ],"codebook":"h"}"#.utf8)
        #expect((try? decoder.decode(spaced).get())?.codes == ["a", "b"])
    }

    @Test func thousandsOfDistinctListsEachDecodeToTheirOwnCodes() {
        var decoder = EventLineDecoder()
        for round in 0..<2 {
            for i in 0..<5_000 {
                let codes = ["code-\(i)", "code-\(i % 7)"]
                let event = CodingEvent(seq: i + 1, time: "t", coder: "a", paper: "p", op: .set, dimension: "d", codes: codes, codebook: "h")
                #expect(decoder.decode(Array(EventLineEncoder.line(for: event).dropLast())) == .success(event), "round \(round)")
            }
        }
        #expect(decoder.names.lists.count == 5_000, "each list is kept once, and met again by its bytes")
    }
}
