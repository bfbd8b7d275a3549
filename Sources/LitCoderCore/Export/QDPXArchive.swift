import Foundation

/// Packs a REFI-QDA project as a `.qdpx`: a zip archive holding `project.qde` at its root and
/// each source as `sources/GUID.txt` (UTF-8, no byte-order mark), all deflated.
///
/// Every entry carries the same fixed date, 1980-01-01 00:00 (the earliest a zip can record),
/// so the same coded set gives the same bytes whenever it is exported. Written in one pass
/// (`ZipArchiveWriter`), in time linear in the number of papers.
public enum QDPXArchive {
    /// The archive's bytes.
    public static func make(_ document: QDPXProject.Document) throws -> Data {
        var writer = ZipArchiveWriter()
        try writer.add("project.qde", contents: Data(document.projectXML.utf8))
        for source in document.sources { try writer.add(source.path, contents: Data(source.text.utf8)) }
        return try writer.finish()
    }
}
