import Dispatch
import Foundation

/// Encodes papers as corpus lines (`PaperJSONLine`, one per line) on all cores and hands the
/// bytes, in paper order, to a sink such as `AtomicFile`'s writer.
///
/// A large import writes a corpus of about 100 MB; encoding it is mostly copying bytes, and so is
/// the `write(2)` that follows. The papers are cut into chunks; while one group of chunks is
/// encoded (a chunk per core), the group before it is handed to the sink, so the copying into the
/// kernel overlaps the encoding. Only two groups are ever in memory (a few megabytes), and the
/// bytes are exactly those of encoding the papers one after another.
enum PaperLineStream {
    /// Papers per chunk: about half a megabyte of lines with 1–2 KB abstracts.
    static let chunkSize = 256

    /// Encodes the papers of `parts`, one part after another, handing each chunk's bytes to `sink`
    /// in order; rethrows the first error `sink` throws, after which it is not called again.
    static func write(_ parts: [ArraySlice<Paper>], to sink: (UnsafeRawBufferPointer) throws -> Void) throws {
        var chunks: [ArraySlice<Paper>] = []
        for part in parts {
            var start = part.startIndex
            while start < part.endIndex {
                let end = min(start + chunkSize, part.endIndex)
                chunks.append(part[start..<end])
                start = end
            }
        }
        // Small corpora (most rewrites) are not worth a thread.
        if chunks.count <= 1 {
            for chunk in chunks { try encode(chunk).withUnsafeBytes { try sink($0) } }
            return
        }
        let width = max(2, ProcessInfo.processInfo.activeProcessorCount * 2)
        var pending: [[UInt8]] = []
        // Buffers already written, reused for the next group: fresh half-megabyte buffers would
        // each be new pages the kernel must zero.
        var spare: [[UInt8]] = []
        var failure: (any Error)?
        withoutActuallyEscaping(sink) { sink in
            nonisolated(unsafe) let sink = sink
            var groupStart = 0
            while groupStart < chunks.count || !pending.isEmpty {
                let group = chunks[groupStart..<min(groupStart + width, chunks.count)]
                let encoded = UnsafeMutableBufferPointer<[UInt8]>.allocate(capacity: group.count)
                for slot in encoded.indices {
                    var buffer = spare.popLast() ?? []
                    buffer.removeAll(keepingCapacity: true)
                    encoded.initializeElement(at: slot, to: buffer)
                }
                defer {
                    encoded.deinitialize()
                    encoded.deallocate()
                }
                nonisolated(unsafe) let slots = encoded
                let toWrite = pending
                nonisolated(unsafe) var writeError: (any Error)?
                let writes = toWrite.isEmpty ? 0 : 1
                // One iteration writes the previous group while the others encode this one; each
                // touches only its own slot, so nothing needs a lock.
                DispatchQueue.concurrentPerform(iterations: group.count + writes) { task in
                    if task == group.count {
                        do {
                            for bytes in toWrite { try bytes.withUnsafeBytes { try sink($0) } }
                        } catch {
                            writeError = error
                        }
                    } else {
                        encode(group[group.startIndex + task], into: &slots[task])
                    }
                }
                if let writeError {
                    failure = writeError
                    break
                }
                spare = pending
                pending = Array(encoded)
                groupStart = group.endIndex
            }
        }
        if let failure { throw failure }
    }

    /// The lines of `papers`, each ended by a newline.
    static func encode(_ papers: ArraySlice<Paper>) -> [UInt8] {
        var bytes: [UInt8] = []
        encode(papers, into: &bytes)
        return bytes
    }

    /// Appends the lines of `papers` to `bytes`.
    static func encode(_ papers: ArraySlice<Paper>, into bytes: inout [UInt8]) {
        // Most lines are 1–2 KB: reserving avoids regrowing the buffer a dozen times.
        bytes.reserveCapacity(bytes.count + papers.count * 2048)
        // Through the buffer, whose elements are read in place: `papers[index]` would copy
        // each paper, retaining all its strings.
        papers.withUnsafeBufferPointer { papers in
            for index in papers.indices {
                PaperJSONLine.append(papers[index], to: &bytes)
                bytes.append(UInt8(ascii: "\n"))
            }
        }
    }
}
