import Foundation
import Testing
@testable import LitCoderCore

/// `AtomicFile`: the one way litcoder writes a whole file (corpus, exports).
@Suite struct AtomicFileTests {
    @Test func createWritesANewFile() throws {
        let folder = try TemporaryFolder()
        try AtomicFile.create(folder.file("out.csv"), with: Array("a,b\n".utf8))
        #expect(try folder.read("out.csv") == "a,b\n")
        #expect(try folder.names() == ["out.csv"])
    }

    @Test func createRefusesATakenNameAndLeavesItAlone() throws {
        let folder = try TemporaryFolder()
        try folder.write("out.csv", "keep me\n")
        #expect(throws: AtomicFileError.exists(path: folder.file("out.csv").path)) {
            try AtomicFile.create(folder.file("out.csv"), with: Array("new\n".utf8))
        }
        #expect(try folder.read("out.csv") == "keep me\n")
        #expect(try folder.names() == ["out.csv"])
    }

    @Test func replaceOverwrites() throws {
        let folder = try TemporaryFolder()
        try folder.write("out.csv", "old\n")
        try AtomicFile.replace(folder.file("out.csv"), with: Array("new\n".utf8))
        #expect(try folder.read("out.csv") == "new\n")
        #expect(try folder.names() == ["out.csv"])
    }

    @Test(arguments: [AtomicFile.Existing.replace, .refuse])
    func aFolderIsNeverReplaced(existing: AtomicFile.Existing) throws {
        let folder = try TemporaryFolder()
        try FileManager.default.createDirectory(at: folder.file("out"), withIntermediateDirectories: false)
        #expect(throws: AtomicFileError.isFolder(path: folder.file("out").path)) {
            try AtomicFile.write(folder.file("out"), existing: existing) { write in
                try Array("x".utf8).withUnsafeBytes { try write($0) }
            }
        }
    }

    struct Interrupted: Error {}

    @Test(arguments: [AtomicFile.Existing.replace, .refuse])
    func aFailingProducerLeavesTheOldFileAndNoTemporary(existing: AtomicFile.Existing) throws {
        let folder = try TemporaryFolder()
        if existing == .replace { try folder.write("out.csv", "old\n") }
        #expect(throws: Interrupted.self) {
            try AtomicFile.write(folder.file("out.csv"), existing: existing) { write in
                try Array("partial".utf8).withUnsafeBytes { try write($0) }
                throw Interrupted()
            }
        }
        #expect(try folder.names() == (existing == .replace ? ["out.csv"] : []))
        if existing == .replace { #expect(try folder.read("out.csv") == "old\n") }
    }

    @Test func temporariesOfAKilledExportAreRemovedByTheNextWrite() throws {
        let folder = try TemporaryFolder()
        // The highest pid Linux hands out is below 2^22; this one belongs to no process.
        try folder.write(".out.csv.tmp-\(Int32.max - 7)-1", "half an export")
        try AtomicFile.create(folder.file("out.csv"), with: Array("whole\n".utf8))
        #expect(try folder.names() == ["out.csv"])
    }
}
