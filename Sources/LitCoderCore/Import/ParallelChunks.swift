import Dispatch
import Foundation

/// Runs work over index ranges on all cores and joins the results in order.
///
/// Parsing an export is sequential (macros, line counts), but turning each entry into a
/// normalised record (LaTeX, names, whitespace) is independent per entry: on a 2-core machine
/// that half of the work takes half the time.
enum ParallelChunks {
    /// `body` applied to consecutive ranges covering `0..<count`, results concatenated in order.
    static func map<T>(count: Int, minimumChunk: Int = 512, _ body: (Range<Int>) -> [T]) -> [T] {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        let chunks = min(max(1, count / minimumChunk), cores * 4)
        guard chunks > 1 else { return body(0..<count) }
        let results = UnsafeMutableBufferPointer<[T]>.allocate(capacity: chunks)
        results.initialize(repeating: [])
        defer {
            results.deinitialize()
            results.deallocate()
        }
        // Each chunk writes only its own slot, so the slots need no lock.
        nonisolated(unsafe) let slots = results
        withoutActuallyEscaping(body) { body in
            nonisolated(unsafe) let work = body
            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                let lower = count * chunk / chunks
                let upper = count * (chunk + 1) / chunks
                slots[chunk] = work(lower..<upper)
            }
        }
        var joined: [T] = []
        joined.reserveCapacity(count)
        for part in results { joined.append(contentsOf: part) }
        return joined
    }
}
