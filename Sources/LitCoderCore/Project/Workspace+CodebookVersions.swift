/// Codings as they were made under one version of the codebook, to compare agreement before
/// and after the codebook changed (every event records the content hash of its codebook).
extension Workspace {
    /// The coders' states replayed from only the events made under the codebook whose content
    /// hash starts with `version`, with every codebook version their events carry (each hash
    /// and its number of events, most first) and the logs' problems. Each log is read once.
    public func states(
        coders: [String], codebookVersion version: String
    ) throws -> (states: [CodingState], versions: [(hash: String, events: Int)], diagnostics: [Diagnostic]) {
        var counts: [String: Int] = [:]
        var states: [CodingState] = []
        var diagnostics: [Diagnostic] = []
        for coder in coders {
            let contents = try logContents(coder: coder)
            for event in contents.events where !event.codebook.isEmpty { counts[event.codebook, default: 0] += 1 }
            states.append(CodingState(coder: coder, renaming: codebook.renaming,
                                      replaying: contents.events.filter { $0.codebook.hasPrefix(version) }))
            diagnostics += contents.diagnostics
        }
        let versions = counts.map { (hash: $0.key, events: $0.value) }.sorted { ($1.events, $0.hash) < ($0.events, $1.hash) }
        return (states, versions, diagnostics)
    }
}
