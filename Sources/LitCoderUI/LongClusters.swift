import Foundation

/// Grapheme clusters too long for a cell's inline storage (a family emoji, a flag with a ZWJ),
/// each stored once and named by a number, so `Cell` stays a few plain numbers.
///
/// Append-only and shared: the same cluster always gets the same number, so equal cells stay
/// equal across canvases. Bounded by the distinct long clusters the data holds.
enum LongClusters {
    private final class Table: @unchecked Sendable {
        /// Guards both fields (not `Mutex`, which needs macOS 15).
        let lock = NSLock()
        var numbers: [String: UInt32] = [:]
        var texts: [String] = []
    }

    private static let table = Table()

    /// The number of `text`, adding it if it is new.
    static func number(of text: String) -> UInt32 {
        table.lock.lock()
        defer { table.lock.unlock() }
        if let known = table.numbers[text] { return known }
        let number = UInt32(table.texts.count)
        table.texts.append(text)
        table.numbers[text] = number
        return number
    }

    static func text(_ number: UInt32) -> String {
        table.lock.lock()
        defer { table.lock.unlock() }
        return Int(number) < table.texts.count ? table.texts[Int(number)] : ""
    }
}
