import Foundation

extension CodingLog {
    /// Whether the log at `url` records at least one decision: an event other than `view`
    /// (a `set`, `note`, `flag`, `done` or `adjudicate`) that this litcoder can read, and that
    /// belongs in the log of its owner, named by the file (`EventPlacement`).
    ///
    /// A log with only views, or none, is what opening the workbench under a mistyped name
    /// leaves behind; its owner is no coder. Reads line by line and stops at the first
    /// decision, so a coder's long log costs one line.
    public static func holdsDecisions(url: URL) -> Bool {
        guard let handle = try? FileHandle(forReadingFrom: url) else { return false }
        defer { try? handle.close() }
        var decoder = EventLineDecoder(keepsTime: false)
        let owner = url.deletingPathExtension().lastPathComponent
        var pending: [UInt8] = []
        func isDecision(_ line: ArraySlice<UInt8>) -> Bool {
            var bytes = Array(line)
            if bytes.last == 0x0D { bytes.removeLast() }
            guard bytes.contains(where: { $0 != 0x20 && $0 != 0x09 }),
                  case .success(let event) = decoder.decode(bytes) else { return false }
            return event.op != .view && event.v >= 1 && event.v <= CodingEvent.schemaVersion
                && event.seq >= 1 && event.seq <= CodingEvent.largestSeq
                && EventPlacement.problem(of: event, inLogOf: owner) == nil
        }
        while let chunk = try? handle.read(upToCount: 64 << 10), !chunk.isEmpty {
            // What was pending holds no newline: search the new bytes only, or one line of many
            // chunks would be searched again for every chunk (quadratic in its length).
            var searchFrom = pending.count
            pending += chunk
            var start = pending.startIndex
            while let newline = pending[max(start, searchFrom)...].firstIndex(of: 0x0A) {
                if isDecision(pending[start..<newline]) { return true }
                start = newline + 1
                searchFrom = start
            }
            pending.removeSubrange(pending.startIndex..<start)
        }
        // An unfinished last line is not an event yet.
        return false
    }
}
