/// Codings as they were made under one version of the codebook, to compare agreement before
/// and after the codebook changed (every event records the content hash of its codebook).
extension Workspace {
    /// A coder's state replayed from only the events made under the codebook whose content hash
    /// starts with `version` (at least 6 hexadecimal digits).
    public func state(coder: String, codebookVersion version: String) throws -> (CodingState, [Diagnostic]) {
        let contents = try logContents(coder: coder)
        let events = contents.events.filter { $0.codebook.hasPrefix(version) }
        return (CodingState(coder: coder, replaying: events), contents.diagnostics)
    }

    /// The codebook versions the coders' events were made under: each hash with how many
    /// events carry it, most events first.
    public func codebookVersions(coders: [String]) throws -> [(hash: String, events: Int)] {
        var counts: [String: Int] = [:]
        for coder in coders {
            for event in try logContents(coder: coder).events where !event.codebook.isEmpty {
                counts[event.codebook, default: 0] += 1
            }
        }
        return counts.map { ($0.key, $0.value) }.sorted { ($1.events, $0.hash) < ($0.events, $1.hash) }
    }
}
