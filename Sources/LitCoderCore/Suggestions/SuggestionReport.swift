import Foundation

/// The codes the aliases suggest for every paper of a corpus, and how to print them.
///
/// What `litcoder suggest` shows, so the suggestions' quality can be measured against a
/// careful human coding (`SuggestionQuality`).
public struct SuggestionReport: Sendable {
    /// One paper's suggestions, dimensions and codes in codebook order.
    public struct Entry: Sendable {
        public var paper: String
        public var suggestions: [(dimension: String, codes: [String])]
    }

    public var entries: [Entry]

    public init(corpus: Corpus, matcher: AliasMatcher) {
        let papers = corpus.papers
        // Papers are independent, so the work is split over the cores in contiguous chunks.
        let chunkCount = max(1, min(papers.count / 256, ProcessInfo.processInfo.activeProcessorCount * 4))
        let chunkSize = (papers.count + chunkCount - 1) / max(1, chunkCount)
        let results = ChunkResults(count: chunkCount)
        DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
            let range = min(papers.count, chunk * chunkSize)..<min(papers.count, (chunk + 1) * chunkSize)
            results.store(papers[range].map { Entry(paper: $0.id, suggestions: matcher.suggestedCodes(for: $0)) }, at: chunk)
        }
        entries = results.joined()
    }

    /// Each chunk's entries, written by one worker each and read after all have finished.
    private final class ChunkResults: @unchecked Sendable {
        private var chunks: [[Entry]]
        private let lock = NSLock()
        init(count: Int) { chunks = Array(repeating: [], count: count) }
        func store(_ entries: [Entry], at index: Int) {
            lock.lock()
            defer { lock.unlock() }
            if chunks.indices.contains(index) { chunks[index] = entries }
        }
        func joined() -> [Entry] { chunks.flatMap { $0 } }
    }

    /// `{"papers": [{"id": …, "suggestions": {"DIMENSION": ["CODE", …]}}]}`, keys in codebook order.
    public func json() -> String {
        var out = "{\"papers\": ["
        for (index, entry) in entries.enumerated() {
            out += index == 0 ? "\n" : ",\n"
            out += "  {\"id\": \(Self.quoted(entry.paper)), \"suggestions\": {"
            out += entry.suggestions.map { dimension, codes in
                Self.quoted(dimension) + ": [" + codes.map(Self.quoted).joined(separator: ", ") + "]"
            }.joined(separator: ", ")
            out += "}}"
        }
        out += entries.isEmpty ? "]}" : "\n]}"
        return out
    }

    /// One line a paper: `ID  dimension: code, code; dimension: code`, or `-` when nothing matched.
    public func table() -> String {
        let width = min(40, entries.map(\.paper.count).max() ?? 0)
        return entries.map { entry in
            let padded = entry.paper.count >= width ? entry.paper : entry.paper + String(repeating: " ", count: width - entry.paper.count)
            let text = entry.suggestions.map { "\($0.dimension): \($0.codes.joined(separator: ", "))" }.joined(separator: "; ")
            return padded + "  " + (text.isEmpty ? "-" : text)
        }.joined(separator: "\n")
    }

    /// A JSON string literal, escaped as the corpus files are.
    static func quoted(_ text: String) -> String { PaperJSONLine.quoted(text) }
}
