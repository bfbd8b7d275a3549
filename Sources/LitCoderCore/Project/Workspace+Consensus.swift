/// The consensus measured against the coders it settles.
extension Workspace {
    /// The consensus as it stands (`StandingConsensus`) over the comparisons of `coders`
    /// (default: `defaultComparedCoders()`), each paper compared among the coders assigned to
    /// it, as `agree`, `disagreements` and `consensus` compare it; with the consensus log's
    /// problems. Every command and report that reads the consensus reads it through here.
    /// Throws every log that cannot be read, rather than compare without it.
    public func standingConsensus(coders: [String]? = nil) throws -> (StandingConsensus, [Diagnostic]) {
        let names = try coders ?? defaultComparedCoders()
        let states = plan().0.compared(try names.map { try state(coder: $0).0 })
        let (consensus, problems) = try consensusState()
        return (StandingConsensus(codebook: codebook, comparedStates: states, consensus: consensus, corpus: corpus), problems)
    }
}
