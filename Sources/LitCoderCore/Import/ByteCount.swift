/// A number of bytes as people read it: `512 bytes`, `64 KB`, `1.5 MB`, `8 GB`.
enum ByteCount {
    /// `bytes` next to a `limit` it exceeds: in exact bytes when both would read the same.
    static func text(_ bytes: UInt64, over limit: UInt64) -> String {
        let shown = text(bytes)
        return shown == text(limit) ? "\(bytes) bytes" : shown
    }

    static func text(_ bytes: UInt64) -> String {
        let units = ["KB", "MB", "GB", "TB", "PB", "EB"]
        guard bytes >= 1024 else { return bytes == 1 ? "1 byte" : "\(bytes) bytes" }
        var value = Double(bytes) / 1024
        var unit = 0
        while value >= 1024, unit < units.count - 1 {
            value /= 1024
            unit += 1
        }
        let rounded = (value * 10).rounded() / 10
        let number = rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
        return "\(number) \(units[unit])"
    }
}
