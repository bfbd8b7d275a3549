import Foundation

/// Writes a coded set as a REFI-QDA project (QDA-XML 1.0, namespace `urn:QDA-XML:project:1.0`):
/// the `project.qde` document and the plain-text sources it names, which `QDPXArchive` packs
/// into a `.qdpx` for NVivo, ATLAS.ti, MAXQDA and QualCoder.
///
/// - Each coder, and the consensus, is a `User`.
/// - The codebook is the `CodeBook`: the tree and GUIDs of the `.qdc` export (`QDCWriter`).
/// - Each paper is a `TextSource` named by its id, whose plain text (`PaperPlainText`) is the
///   file `sources/GUID.txt`, with its authors, year, venue and DOI as variable values.
/// - Each code a coder applied is a `Coding` by that coder inside a `PlainTextSelection` over
///   the spans `CodingSpans` gives (`EvidenceSpans`: the code's quotes, else the whole text); a
///   coder's codings with the same span share a selection.
/// - A text dimension's value is a `Coding` of the dimension's code with the text as a `Note`;
///   a consensus decision's provenance is a `Note` on its codings; a coder's note on a paper
///   is a `Note` the source refers to.
///
/// Papers, coders and codes come in corpus, coder and codebook order, and every GUID is a
/// `StableGUID`, so the same files give the same document. See `docs/export.md`.
public enum QDPXProject {
    public static let namespace = "urn:QDA-XML:project:1.0"

    /// What goes into the archive, and what was left out on the way.
    public struct Document: Sendable {
        public var projectXML: String
        /// The sources, in the order of their `TextSource`s.
        public var sources: [SourceFile]
        /// Codings of codes the codebook no longer has, which a project cannot refer to.
        public var warnings: [Diagnostic]
    }

    /// One source's plain text and its path in the archive (`sources/GUID.txt`).
    public struct SourceFile: Hashable, Sendable {
        public var path: String
        public var text: String
    }

    /// The coders a `.qdpx` holds: those of the selection and, with `--all`, the consensus
    /// too when there is one, as a user of its own.
    public static func codedSet(_ workspace: Workspace, selection: ExportSelection) throws -> CodedSet {
        var set = try CodedSet.load(workspace, selection: selection)
        if selection == .all, workspace.project.hasLogFile(CoderName.consensus) {
            let consensus = try CodedSet.load(workspace, selection: .consensus)
            set.states += consensus.states
            set.diagnostics += consensus.diagnostics
            set.consensusProgress = consensus.consensusProgress
        }
        return set
    }

    /// The project document for `set`: each coding over its quotes, or the whole text where it
    /// has none (`EvidenceSpans`).
    public static func render(_ set: CodedSet) -> Document {
        render(set, spans: EvidenceSpans(set))
    }

    /// The project document for `set`, each coding over the spans `spans` gives.
    public static func render(_ set: CodedSet, spans: some CodingSpans) -> Document {
        var writer = Writer(set: set, spans: spans)
        return writer.document()
    }

    /// The paper attributes every source carries, as REFI-QDA variables.
    enum Variable: String, CaseIterable {
        case authors = "Authors", year = "Year", venue = "Venue", doi = "DOI"

        private static let guids = Dictionary(uniqueKeysWithValues: allCases.map { ($0, StableGUID.item("variable", $0.rawValue)) })
        var guid: String { Self.guids[self] ?? "" }
        var type: String { self == .year ? "Integer" : "Text" }

        /// The value element for `paper`, nil when the paper has none.
        func value(of paper: Paper) -> String? {
            switch self {
            case .authors: paper.authors.isEmpty ? nil : "<TextValue>\(QDCWriter.escape(paper.authors.joined(separator: "; ")))</TextValue>"
            case .year: paper.year.map { "<IntegerValue>\($0)</IntegerValue>" }
            case .venue: paper.venue.flatMap { $0.isEmpty ? nil : "<TextValue>\(QDCWriter.escape($0))</TextValue>" }
            case .doi: paper.doi.flatMap { $0.isEmpty ? nil : "<TextValue>\(QDCWriter.escape($0))</TextValue>" }
            }
        }
    }

    /// The display name of a coder as a user.
    static func userName(_ coder: String) -> String { coder == CoderName.consensus ? "consensus" : coder }

    private struct Writer {
        let set: CodedSet
        let spans: any CodingSpans
        var notes = ""
        var warnings: [Diagnostic] = []
        /// Each coder's and code's GUID, derived once rather than once per coding.
        let userGUIDs: [String: String]
        let codeGUIDs: [String: [String: String]]

        init(set: CodedSet, spans: any CodingSpans) {
            self.set = set
            self.spans = spans
            var users = [CoderName.consensus: StableGUID.item("user", CoderName.consensus)]
            for state in set.states { users[state.coder] = StableGUID.item("user", state.coder) }
            userGUIDs = users
            var codes: [String: [String: String]] = [:]
            for dimension in set.codebook.dimensions {
                var guids = ["": StableGUID.dimension(dimension.id, codebook: set.codebook.id)]
                for code in dimension.codes {
                    guids[code.id] = StableGUID.code(code.id, dimension: dimension.id, codebook: set.codebook.id)
                }
                codes[dimension.id] = guids
            }
            codeGUIDs = codes
        }

        func userGUID(_ coder: String) -> String { userGUIDs[coder] ?? StableGUID.item("user", coder) }

        /// One `Coding` waiting for its selection.
        struct Entry {
            var guidParts: (dimension: String, code: String)
            var codeGUID: String
            var noteGUIDs: [String]
        }

        mutating func document() -> Document {
            let codebook = set.codebook
            var xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
            xml += "<Project xmlns=\"\(namespace)\" name=\"\(esc(set.projectName.isEmpty ? "litcoder project" : set.projectName))\""
            xml += " origin=\"\(esc("litcoder (codebook \(codebook.id) \(codebook.version))"))\">\n"
            // The schema wants at least one User and one Code where these elements appear.
            if !set.states.isEmpty {
                xml += "  <Users>\n"
                for state in set.states {
                    xml += "    <User guid=\"\(userGUID(state.coder))\" name=\"\(esc(userName(state.coder)))\" id=\"\(esc(state.coder))\"/>\n"
                }
                xml += "  </Users>\n"
            }
            let codes = QDCWriter.codeElements(codebook, indent: "      ")
            if !codes.isEmpty { xml += "  <CodeBook>\n    <Codes>\n" + codes + "    </Codes>\n  </CodeBook>\n" }
            xml += "  <Variables>\n"
            for variable in Variable.allCases {
                xml += "    <Variable guid=\"\(variable.guid)\" name=\"\(variable.rawValue)\" typeOfVariable=\"\(variable.type)\"/>\n"
            }
            xml += "  </Variables>\n"
            var sources: [SourceFile] = []
            var sourcesXML = ""
            for paper in set.corpus.papers {
                let codings = set.states.map { ($0.coder, $0.codingIfPresent(for: paper.id)) }
                guard set.includesUncodedPapers || codings.contains(where: { $0.1 != nil }) else { continue }
                let guid = StableGUID.item("source", paper.id)
                let text = PaperPlainText(paper)
                sources.append(SourceFile(path: "sources/\(guid).txt", text: text.text))
                sourcesXML += source(paper, guid: guid, text: text, codings: codings)
            }
            if !sourcesXML.isEmpty { xml += "  <Sources>\n" + sourcesXML + "  </Sources>\n" }
            if !notes.isEmpty { xml += "  <Notes>\n" + notes + "  </Notes>\n" }
            xml += "  <Description>\(esc(description()))</Description>\n"
            xml += "</Project>\n"
            return Document(projectXML: xml, sources: sources, warnings: warnings)
        }

        private func description() -> String {
            let codebook = set.codebook
            let coders = set.states.map { userName($0.coder) }
            return "Exported by litcoder from the project \(set.projectName): codebook \"\(codebook.title)\" "
                + "(\(codebook.id), version \(codebook.version), SHA-256 \(codebook.shortHash)); "
                + "coded by \(coders.isEmpty ? "nobody yet" : coders.joined(separator: ", ")). "
                + "Each source is a paper's title and abstract."
        }

        private mutating func source(_ paper: Paper, guid: String, text: PaperPlainText,
                                     codings: [(String, PaperCoding?)]) -> String {
            var xml = "    <TextSource guid=\"\(guid)\" name=\"\(esc(paper.id))\" plainTextPath=\"internal://\(guid).txt\">\n"
            var noteRefs: [String] = []
            for (coder, coding) in codings {
                guard let coding else { continue }
                xml += selections(paper, coder: coder, coding: coding, text: text)
                if !coding.note.isEmpty {
                    noteRefs.append(note(StableGUID.item("note", coder, paper.id), name: "Note by \(userName(coder)) on \(paper.id)",
                                         coder: coder, text: coding.note))
                }
            }
            for ref in noteRefs { xml += "      <NoteRef targetGUID=\"\(ref)\"/>\n" }
            for variable in Variable.allCases {
                guard let value = variable.value(of: paper) else { continue }
                xml += "      <VariableValue>\n        <VariableRef targetGUID=\"\(variable.guid)\"/>\n"
                xml += "        \(value)\n      </VariableValue>\n"
            }
            return xml + "    </TextSource>\n"
        }

        /// One coder's codings of one paper, as selections grouped by span.
        private mutating func selections(_ paper: Paper, coder: String, coding: PaperCoding, text: PaperPlainText) -> String {
            let codebook = set.codebook
            var bySpan: [TextSpan: [Entry]] = [:]
            var stale: [String] = []
            for dimension in codebook.dimensions {
                let decision = decisionNote(paper, dimension: dimension, coding: coding)
                switch dimension.kind {
                case .single, .multi:
                    for code in coding.codes(for: dimension.id) {
                        guard dimension.code(code) != nil else {
                            stale.append("\(dimension.id): \(code)")
                            continue
                        }
                        let entry = Entry(guidParts: (dimension.id, code), codeGUID: codeGUIDs[dimension.id]?[code] ?? "",
                                          noteGUIDs: decision.map { [$0] } ?? [])
                        for span in checkedSpans(coder: coder, paper: paper, text: text, dimension: dimension.id, code: code) {
                            bySpan[span, default: []].append(entry)
                        }
                    }
                case .text, .number:
                    guard let value = coding.texts[dimension.id] else { continue }
                    let label = dimension.label.isEmpty ? dimension.id : dimension.label
                    let valueNote = note(StableGUID.item("text", coder, dimension.id, paper.id),
                                         name: "\(label) (\(userName(coder)))", coder: coder, text: value)
                    let entry = Entry(guidParts: (dimension.id, ""), codeGUID: codeGUIDs[dimension.id]?[""] ?? "",
                                      noteGUIDs: [valueNote] + (decision.map { [$0] } ?? []))
                    for span in checkedSpans(coder: coder, paper: paper, text: text, dimension: dimension.id, code: nil) {
                        bySpan[span, default: []].append(entry)
                    }
                }
            }
            for (dimension, codes) in coding.codes.sorted(by: { $0.key < $1.key }) where codebook.dimension(dimension) == nil {
                stale += codes.map { "\(dimension): \($0)" }
            }
            stale += coding.texts.keys.sorted().filter { codebook.dimension($0) == nil }.map { "\($0) (text)" }
            if let first = stale.first {
                warnings.append(Diagnostic(
                    file: "codings/\(coder).jsonl", severity: .warning,
                    message: "paper '\(paper.id)': \(stale.count) coding(s) of codes the codebook does not have are left out of the project (first: \(first))",
                    hint: "litcoder validate lists them; recode the paper or restore the codes"))
            }
            let user = userGUID(coder)
            var xml = ""
            for span in bySpan.keys.sorted() {
                let range = "\(span.start)-\(span.end)"
                xml += "      <PlainTextSelection guid=\"\(StableGUID.item("selection", coder, range, paper.id))\""
                xml += " startPosition=\"\(span.start)\" endPosition=\"\(span.end)\" creatingUser=\"\(user)\">\n"
                for entry in bySpan[span] ?? [] {
                    let guid = StableGUID.item("coding", coder, entry.guidParts.dimension, entry.guidParts.code, range, paper.id)
                    xml += "        <Coding guid=\"\(guid)\" creatingUser=\"\(user)\">\n"
                    xml += "          <CodeRef targetGUID=\"\(entry.codeGUID)\"/>\n"
                    for note in entry.noteGUIDs { xml += "          <NoteRef targetGUID=\"\(note)\"/>\n" }
                    xml += "        </Coding>\n"
                }
                xml += "      </PlainTextSelection>\n"
            }
            return xml
        }

        /// The spans `spans` gives that lie inside the text; the whole text when none does.
        private mutating func checkedSpans(coder: String, paper: Paper, text: PaperPlainText, dimension: String, code: String?) -> [TextSpan] {
            let given = spans.spans(coder: coder, paper: paper, text: text, dimension: dimension, code: code)
            let valid = given.filter { $0.start >= 0 && $0.start < $0.end && $0.end <= text.length }
            if valid.count < given.count {
                warnings.append(Diagnostic(
                    file: "codings/\(coder).jsonl", severity: .warning,
                    message: "paper '\(paper.id)', \(dimension)\(code.map { ": \($0)" } ?? ""): \(given.count - valid.count) selection(s) outside the paper's text are left out",
                    hint: valid.isEmpty ? "the coding covers the whole text instead" : nil))
            }
            return valid.isEmpty ? [text.whole] : Array(Set(valid)).sorted()
        }

        /// The note recording a consensus decision's provenance, nil for a coder's own coding.
        private mutating func decisionNote(_ paper: Paper, dimension: Dimension, coding: PaperCoding) -> String? {
            guard let provenance = coding.provenance[dimension.id] else { return nil }
            let coded = coding.codes[dimension.id] != nil || coding.texts[dimension.id] != nil
            guard coded else { return nil }
            let from = provenance.sources.joined(separator: ", ")
            var text: String
            if provenance.automatic {
                text = "Taken automatically: \(from.isEmpty ? "the coders" : from) agreed."
            } else {
                text = "Decided by \(provenance.adjudicator)" + (from.isEmpty ? "." : " from the codings of \(from).")
                if let reason = provenance.reason, !reason.isEmpty { text += " Reason: \(reason)" }
            }
            let label = dimension.label.isEmpty ? dimension.id : dimension.label
            return note(StableGUID.item("decision", dimension.id, paper.id), name: "Consensus on \(label)",
                        coder: CoderName.consensus, text: text)
        }

        /// Adds a `Note` and returns its GUID.
        private mutating func note(_ guid: String, name: String, coder: String, text: String) -> String {
            notes += "    <Note guid=\"\(guid)\" name=\"\(esc(name))\" creatingUser=\"\(userGUID(coder))\">\n"
            notes += "      <PlainTextContent>\(esc(text))</PlainTextContent>\n"
            notes += "    </Note>\n"
            return guid
        }

        private func esc(_ text: String) -> String { QDCWriter.escape(text) }
    }
}
