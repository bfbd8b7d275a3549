/// Which coders' logs agreement and the reports compare when no `--coders` is given.
extension Workspace {
    /// The coders the consensus was built from, when there is a consensus naming two or more
    /// of them with codings; otherwise every coder with codings (`Project.codersWithCodings`).
    ///
    /// So an adjudicator's own workbench log does not silently join the comparison of the
    /// coders whose work the consensus settled.
    /// Throws every log that cannot be read, rather than compare without it.
    public func defaultComparedCoders() throws -> [String] {
        let withLogs = try project.codersWithCodings()
        guard let consensus = try? consensusState().0 else { return withLogs }
        var sources: Set<String> = []
        consensus.forEachPaper { _, coding in
            for provenance in coding.provenance.values { sources.formUnion(provenance.sources) }
        }
        let compared = withLogs.filter { sources.contains($0) }
        return compared.count >= 2 ? compared : withLogs
    }
}
