/// A workspace for the commands that compare the coders' logs and never read a paper.
extension Workspace {
    /// Loads the project's codebook and no papers: `corpus` is empty, and its problems are not
    /// looked for. For `agree`, whose numbers come from the codebook and the logs alone: parsing
    /// the corpus cost it a seventh of its CPU time at 4,000 papers, for warnings about papers
    /// it never shows (`validate` and every command that shows papers still report them). Hand
    /// the result to nothing that reads papers. Throws the codebook's diagnostics when it is
    /// invalid, as `open(_:)` does.
    public static func openWithoutCorpus(_ project: Project) throws -> Workspace {
        let (codebook, diagnostics) = CodebookLoader.load(
            url: project.codebookURL, displayName: project.display(project.codebookURL))
        guard let codebook else { throw DiagnosticList(diagnostics) }
        return Workspace(project: project, codebook: codebook, corpus: Corpus(), diagnostics: diagnostics)
    }
}
