extension ProjectValidation {
    /// Quotes of coded codes whose words are no longer where they point (the paper's text
    /// changed), each at the line of the event that attached it; and one note when quotes
    /// still stand in a field that changed since they were taken.
    mutating func checkEvidence(_ log: LogCheck, coder: String, file: String, codebook: Codebook, corpus: Corpus) {
        guard !log.attachments.isEmpty, let state = log.state else { return }
        let contents = log.contents
        let renaming = codebook.renaming
        struct Place: Hashable {
            var paper: String
            var code: EvidenceCode
            var location: EvidenceQuote.Location
        }
        var attachedAt: [Place: Int] = [:]
        for (position, event) in log.attachments {
            guard let dimension = event.dimension, let evidence = event.evidence else { continue }
            let code = EvidenceCode(dimension: dimension, code: renaming.current(evidence.code, dimension: dimension))
            attachedAt[Place(paper: event.paper, code: code, location: evidence.quote.location)] = position
        }
        var changedField = 0
        state.forEachPaperWithEvidence { paper, coding in
            let found = corpus.paper(paper)
            let check = QuoteCheck(paper: found)
            for (code, quotes) in coding.codedEvidence(in: codebook) {
                for (quote, standing) in zip(quotes, check.standings(of: quotes)) {
                    switch standing {
                    case .holds(let changed):
                        if changed { changedField += 1 }
                    case .paperMissing:
                        continue  // reported with the paper's codings (StaleCodings)
                    case .stale(let nowAt):
                        let line = attachedAt[Place(paper: paper, code: code, location: quote.location)]
                            .flatMap(contents.line(ofEventAt:))
                        let command = "litcoder evidence \(paper) \(code.dimension) \(code.code) \"\(EvidenceQuote.displayText(quote.text))\" --coder \(coder)"
                        let hint = nowAt == nil
                            ? "take it off (\(command) --remove), or leave it: the log keeps it either way"
                            : "take it off (\(command) --remove), then attach the words where they are now (the same command without --remove)"
                        diagnostics.append(Diagnostic(
                            file: file, line: line, severity: .warning,
                            message: "paper '\(paper)', \(code.dimension)=\(code.code): the quote “\(EvidenceQuote.displayText(quote.text))” is stale: "
                                + QuoteCheck.staleMessage(quote, standing: standing, paper: paper)
                                + "; it is left out of highlights and exports",
                            hint: hint))
                    }
                }
            }
        }
        if changedField > 0 {
            diagnostics.append(Diagnostic(
                file: file, severity: .note,
                message: "\(changedField) quote\(changedField == 1 ? " was" : "s were") taken from an earlier version of a title or abstract; the quoted words are still where they were",
                hint: "nothing to do; 'litcoder show PAPER' marks them"))
        }
    }
}
