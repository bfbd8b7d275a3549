import Dispatch
import Foundation

/// Runs work over the indices `0..<count` on all cores and collects the results in order.
///
/// Parsing an export is sequential (macros, line counts), but turning each entry into a
/// normalised record (LaTeX, names, whitespace) is independent per entry: on a 2-core machine
/// that half of the work takes half the time.
enum ParallelChunks {
    /// `transform` applied to each index in `0..<count`, in consecutive chunks on all cores;
    /// the results in index order.
    ///
    /// Each result is put straight into its place in the returned array: joining per-chunk
    /// arrays would copy every record once more, retaining each of its strings.
    static func map<T>(count: Int, minimumChunk: Int = 512, _ transform: (Int) -> T) -> [T] {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        let chunks = min(max(1, count / minimumChunk), cores * 4)
        guard chunks > 1 else { return (0..<count).map(transform) }
        return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            // Each chunk initialises only its own range of slots, so the slots need no lock.
            nonisolated(unsafe) let slots = buffer
            withoutActuallyEscaping(transform) { transform in
                nonisolated(unsafe) let work = transform
                DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                    let lower = count * chunk / chunks
                    let upper = count * (chunk + 1) / chunks
                    for index in lower..<upper { slots.initializeElement(at: index, to: work(index)) }
                }
            }
            initialized = count
        }
    }
}
