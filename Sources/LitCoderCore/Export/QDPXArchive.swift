import Foundation
import ZIPFoundation

/// Packs a REFI-QDA project as a `.qdpx`: a zip archive holding `project.qde` at its root and
/// each source as `sources/GUID.txt` (UTF-8, no byte-order mark), all deflated.
///
/// Every entry carries the same fixed date, 1980-01-01 00:00 (the earliest a zip can record),
/// so the same coded set gives the same bytes whenever it is exported.
public enum QDPXArchive {
    static let entryDate = Date(timeIntervalSince1970: 315_532_800)

    /// The archive's bytes.
    public static func make(_ document: QDPXProject.Document) throws -> Data {
        let archive = try Archive(accessMode: .create)
        try add(Data(document.projectXML.utf8), as: "project.qde", to: archive)
        for source in document.sources { try add(Data(source.text.utf8), as: source.path, to: archive) }
        guard let data = archive.data else { throw QDPXArchiveError.notInMemory }
        return data
    }

    private static func add(_ data: Data, as path: String, to archive: Archive) throws {
        try archive.addEntry(
            with: path, type: .file, uncompressedSize: Int64(data.count), modificationDate: entryDate,
            permissions: 0o644, compressionMethod: .deflate
        ) { position, size in
            data.subdata(in: Int(position)..<Int(position) + size)
        }
    }
}

/// Why a `.qdpx` could not be packed.
public enum QDPXArchiveError: Error, CustomStringConvertible {
    case notInMemory

    public var description: String {
        switch self {
        case .notInMemory: "the .qdpx archive was not built in memory; nothing was written"
        }
    }
}
