import Foundation

/// Hands batches of decoded events from the thread reading a log to the thread replaying it.
///
/// Decoding is most of a replay's work and needs nothing from the replay, so on a machine with
/// two cores reading and replaying overlap. The queue holds a few batches at most, so a fast
/// reader cannot fill memory ahead of a slow replay.
final class EventBatchQueue: @unchecked Sendable {
    private let condition = NSCondition()
    private var batches: [[CodingEvent]] = []
    private var finished = false
    private let capacity = 8

    /// Adds a batch, waiting while the queue is full.
    func put(_ batch: [CodingEvent]) {
        condition.lock()
        while batches.count >= capacity { condition.wait() }
        batches.append(batch)
        condition.broadcast()
        condition.unlock()
    }

    /// Says no more batches will come.
    func finish() {
        condition.lock()
        finished = true
        condition.broadcast()
        condition.unlock()
    }

    /// The next batch, or nil once the reader has finished and every batch was taken.
    func take() -> [CodingEvent]? {
        condition.lock()
        defer { condition.unlock() }
        while batches.isEmpty && !finished { condition.wait() }
        guard !batches.isEmpty else { return nil }
        let batch = batches.removeFirst()
        condition.broadcast()
        return batch
    }
}
