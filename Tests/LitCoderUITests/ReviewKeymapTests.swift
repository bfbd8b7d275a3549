import Testing
@testable import LitCoderUI

/// The review's key table drives its keys, its `?` overlay, its status bar and `docs/keys.md`.
@Suite struct ReviewKeymapTests {
    @Test func everyActionHasAKeyAndNoKeyHasTwoActions() {
        #expect(Set(ReviewKeymap.bindings.map(\.action)) == Set(ReviewKeymap.Action.allCases))
        var seen: Set<Key> = []
        for binding in ReviewKeymap.bindings {
            for key in binding.keys { #expect(seen.insert(key).inserted, "\(key) is bound twice") }
        }
    }

    @Test func questionMarkOpensTheHelpListingEveryKeyAndEscClosesIt() {
        var review = ReviewFixture.review()
        ReviewFixture.press([.character("?")], on: &review)
        #expect(review.showingHelp)
        let screen = ReviewView().render(review, width: 100, height: 30).lines.joined(separator: "\n")
        #expect(screen.contains("Keys — Esc closes"))
        for binding in ReviewKeymap.bindings {
            #expect(screen.contains(binding.keyLabel), "\(binding.keyLabel)")
            #expect(screen.contains(binding.summary), "\(binding.summary)")
        }
        // Keys other than the closing ones leave the help open and decide nothing.
        let written = ReviewFixture.press([.character("1"), .enter], on: &review)
        #expect(written.isEmpty)
        #expect(review.resolvedCount == 0)
        ReviewFixture.press([.character("?"), .character("?"), .escape], on: &review)
        #expect(!review.showingHelp)
        #expect(review.mode == .normal)
    }

    @Test func docsKeysListsTheReviewKeys() {
        let markdown = Keymap.markdown
        #expect(markdown.contains("## Review"))
        for binding in ReviewKeymap.bindings {
            #expect(markdown.contains("| \(binding.keyLabel) | \(binding.summary) |"))
        }
    }

    @Test(arguments: [120, 100, 80, 60, 40, 30])
    func statusBarAlwaysShowsHelpAndQuit(width: Int) {
        var review = ReviewFixture.review()
        _ = review.update(.resize(width: width, height: 24))
        let bar = ReviewView().render(review, width: width, height: 24).lines.last ?? ""
        #expect(bar.contains("? help"), "\(bar)")
        #expect(bar.contains("q quit"), "\(bar)")
        if width >= 120 { #expect(bar.contains("N unresolved"), "\(bar)") }
    }

    @Test func statusBarKeepsHelpAndQuitBesideAMessage() {
        var review = ReviewFixture.review()
        ReviewFixture.press([.character("9")], on: &review)
        #expect(review.message?.text == "no coder 9: the coders are 1–3")
        let bar = ReviewView().render(review, width: 60, height: 24).lines.last ?? ""
        #expect(bar.contains("? help  q quit"), "\(bar)")
    }

    @Test func aCoderKeepsTheirNumberAndOneWhoDidNotCodeCannotBeTaken() throws {
        var review = ReviewFixture.review()
        // Find a disagreement one of the coders did not code.
        for _ in 0..<review.items.count where review.current?.codings.allSatisfy({ !$0.codes.isEmpty }) ?? false {
            ReviewFixture.press([.character("n")], on: &review)
        }
        let item = try #require(review.current)
        let missing = try #require(item.codings.firstIndex { $0.codes.isEmpty })
        let written = ReviewFixture.press([.character(Character("\(missing + 1)"))], on: &review)
        #expect(written.isEmpty)
        #expect(review.mode == .normal)
        // carol never touched this paper: there is no "not coded" of hers to take.
        #expect(!item.codings[missing].codedPaper)
        #expect(review.message?.text == "\(item.codings[missing].coder) did not code this paper")
        let screen = ReviewView().render(review, width: 120, height: 40).lines.joined(separator: "\n")
        #expect(screen.contains("[\(missing + 1)] \(item.codings[missing].coder)"), "numbered though not coded")
    }

    @Test func aWarningComesBeforeTheProgressOnTheLeft() {
        var review = ReviewFixture.review()
        ReviewFixture.press([.right, .character("i")], on: &review)
        #expect(review.message?.kind == .warning)
        let bar = ReviewView().render(review, width: 100, height: 24).lines.last ?? ""
        #expect(bar.contains("the coders share no code: take a coder's or edit"), "\(bar)")
        #expect(bar.contains("? help  q quit"), "\(bar)")
        #expect(bar.contains("ana  review"), "\(bar)")
    }

    @Test func narrowHintsDropTheLeastImportantFirst() {
        let wide = ReviewKeymap.hints(fitting: 500)
        for binding in ReviewKeymap.bindings { #expect(wide.contains(binding.hint ?? "-")) }
        #expect(ReviewKeymap.hints(fitting: 0) == "? help  q quit")
        let middle = ReviewKeymap.hints(fitting: 40)
        #expect(middle.count <= 40)
        #expect(middle.contains("1-9 take coder"))
        #expect(!middle.contains("prev"))
    }
}
