/// Which coders' logs agreement and the reports compare when no `--coders` is given.
extension Workspace {
    /// Every coder whose log records a decision (`Project.codersWithCodings`), sorted: the one
    /// rule `agree`, `disagreements`, `consensus`, `review`, `status`, the exports and the
    /// reports share when no `--coders` is given.
    ///
    /// It depends on the coders' logs alone, never on the consensus, so building the consensus
    /// cannot change which coders are compared, and `consensus --auto-agreed` run twice with
    /// no coding changed adds nothing the second time. A log of views alone makes no coder.
    /// Throws every log that cannot be read, rather than compare without it.
    public func defaultComparedCoders() throws(DiagnosticList) -> [String] {
        try project.codersWithCodings()
    }
}
