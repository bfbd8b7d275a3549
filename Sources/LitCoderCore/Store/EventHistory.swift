import Foundation

/// A log's events, oldest first, read the first time they are needed.
///
/// Only undo past the current session and the audit trail need a log's history; opening a
/// long log replays it without keeping its events, and this reads them when first asked.
/// `@unchecked Sendable` because the loader (which may read through a non-`Sendable`
/// `CodingLog`) runs at most once, under the lock.
public final class EventHistory: @unchecked Sendable {
    private let lock = NSLock()
    private var loader: (() throws -> [CodingEvent])?
    private var loaded: [CodingEvent]?

    /// A history already in memory.
    public init(_ events: [CodingEvent]) { loaded = events }

    /// A history read by `load` on first use (e.g. `CodingLog.history`).
    public init(loading load: @escaping () throws -> [CodingEvent]) { loader = load }

    /// The events; a failed read is thrown and tried again on the next call.
    public func events() throws -> [CodingEvent] {
        try lock.withLock {
            if let loaded { return loaded }
            let events = try loader?() ?? []
            loaded = events
            loader = nil
            return events
        }
    }
}
