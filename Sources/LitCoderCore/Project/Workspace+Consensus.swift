/// The consensus measured against the coders it settles.
extension Workspace {
    /// How complete the consensus is over the comparisons of `coders` (default: the coders the
    /// consensus was built from, as `defaultComparedCoders()` finds them). With fewer than two
    /// such coders nothing is compared, and everything the consensus holds by hand counts. With
    /// assignments, each paper is compared among the coders assigned to it.
    public func consensusProgress(coders: [String]? = nil) throws -> ConsensusProgress {
        let names = try coders ?? defaultComparedCoders()
        // Each paper among the coders assigned to it, as agree, disagreements and consensus compare it.
        let states = plan().0.compared(try names.map { try state(coder: $0).0 })
        return ConsensusProgress(comparisons: CodingComparison.all(codebook: codebook, states: states, corpus: corpus),
                                 consensus: try consensusState().0)
    }
}
