import Testing
@testable import LitCoderCore

@Suite struct JSONErrorTextTests {
    @Test func anUnknownOperationIsNamedWithTheValidOnes() {
        var decoder = EventLineDecoder()
        let line = Array(#"{"v":1,"seq":1,"time":"2026-11-24T10:00:00.000Z","coder":"maya","paper":"p1","op":"sett","codebook":"abc"}"#.utf8)
        guard case .failure(let failure) = decoder.decode(line) else {
            Issue.record("an unknown op decoded")
            return
        }
        #expect(failure.reason.contains("unknown operation 'sett'"), "\(failure.reason)")
        #expect(failure.reason.contains("set, note, flag, done, view, adjudicate"), "\(failure.reason)")
        #expect(!failure.reason.contains("Cannot initialize"))
    }
}
