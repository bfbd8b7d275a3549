import Foundation

/// The `json` and `jsonl` exports: paper metadata with each coder's codings, notes, flags,
/// quotes and alignment results.
///
/// `jsonl` is one paper a line (`PaperRecord`); `json` is one document with the project, the
/// codebook's identity and the same records under `papers`. Keys are sorted so two exports of
/// the same files are byte-identical.
public enum JSONExport {
    /// One paper and what each selected coder decided for it.
    public struct PaperRecord: Codable, Hashable, Sendable {
        public var paper: Paper
        /// Keyed by coder name (`_consensus` for the consensus).
        public var codings: [String: CodingRecord]
    }

    /// One coder's decisions for one paper.
    public struct CodingRecord: Codable, Hashable, Sendable {
        public var codes: [String: [String]]
        public var texts: [String: String]
        public var note: String
        public var flagged: Bool
        public var done: Bool
        /// Alignment id → result, when the codebook has alignments.
        public var alignments: [String: AlignmentRecord]
        /// For the consensus: who adjudicated each dimension, from whom, and why.
        public var provenance: [String: ProvenanceRecord]?
        /// Dimension → code → the quotes attached to it as evidence, with their offsets and
        /// whether each still stands; absent when the coder quoted nothing.
        public var evidence: [String: [String: [QuoteRecord]]]?
    }

    /// How the paper stands against one alignment, as `AlignmentEvaluator` judged it.
    public struct AlignmentRecord: Codable, Hashable, Sendable {
        /// `aligned`, `mismatched` or `undetermined`.
        public var outcome: String
        /// Why it is undetermined (`from-not-coded`, `nothing-needed`, `to-not-coded`).
        public var reason: String?
        /// The `from` codes no single coded `to` code serves.
        public var unserved: [String]
        /// Contexts the coded `to` codes provide.
        public var provided: [String]
        /// The same words the paper pane and `mismatches` show.
        public var explanation: String
    }

    /// Where an adjudicated dimension's codes came from.
    public struct ProvenanceRecord: Codable, Hashable, Sendable {
        public var adjudicator: String
        public var sources: [String]
        public var reason: String?
        public var automatic: Bool
    }

    /// The `json` document.
    public struct Document: Codable, Sendable {
        public var project: String
        public var codebook: CodebookIdentity
        public var coders: [String]
        public var papers: [PaperRecord]
    }

    /// Which codebook the codings were exported against.
    public struct CodebookIdentity: Codable, Sendable {
        public var id: String
        public var title: String
        public var version: String
        public var contentHash: String
    }

    /// The records, one per paper, in corpus order.
    public static func records(_ set: CodedSet) -> [PaperRecord] {
        var records: [PaperRecord] = []
        var index: [String: Int] = [:]
        for row in set.rows() {
            let coding = row.coding
            var alignments: [String: AlignmentRecord] = [:]
            for result in set.evaluator.evaluate(coding) {
                alignments[result.alignment.id] = AlignmentRecord(
                    outcome: result.outcome.rawValue, reason: result.reason?.rawValue,
                    unserved: result.unserved.map(\.code), provided: result.provided, explanation: result.sentence)
            }
            let provenance = coding.provenance.isEmpty ? nil : coding.provenance.mapValues {
                ProvenanceRecord(adjudicator: $0.adjudicator, sources: $0.sources, reason: $0.reason,
                                 automatic: $0.automatic)
            }
            let record = CodingRecord(
                codes: coding.codes, texts: coding.texts, note: coding.note, flagged: coding.flagged,
                done: coding.done, alignments: alignments, provenance: provenance,
                evidence: QuoteRecord.records(for: coding, paper: row.paper, codebook: set.codebook))
            if let i = index[row.paper.id] {
                records[i].codings[row.coder] = record
            } else {
                index[row.paper.id] = records.count
                records.append(PaperRecord(paper: row.paper, codings: [row.coder: record]))
            }
        }
        return records
    }

    private static func encoder(pretty: Bool) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty
            ? [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted] : [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// JSON Lines: one paper record a line.
    public static func renderLines(_ set: CodedSet) throws -> [UInt8] {
        let encoder = encoder(pretty: false)
        var bytes: [UInt8] = []
        for record in records(set) {
            bytes += try encoder.encode(record)
            bytes.append(UInt8(ascii: "\n"))
        }
        return bytes
    }

    /// One pretty-printed JSON document.
    public static func renderDocument(_ set: CodedSet) throws -> [UInt8] {
        let document = Document(
            project: set.projectName,
            codebook: CodebookIdentity(id: set.codebook.id, title: set.codebook.title,
                                       version: set.codebook.version, contentHash: set.codebook.contentHash),
            coders: set.states.map(\.coder), papers: records(set))
        var bytes = [UInt8](try encoder(pretty: true).encode(document))
        bytes.append(UInt8(ascii: "\n"))
        return bytes
    }
}
