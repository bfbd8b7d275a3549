/// Finds the 1-based line of byte offsets that mostly move forward, counting each newline once.
///
/// Parsers ask for the line of every record they start; counting from the last answer keeps
/// that linear in the file's size. A step back (a broken entry's own line, asked for after the
/// place further on where it broke) counts back over the bytes in between, never again from
/// the start of the file: from the start, a file of many broken entries took quadratic time.
struct LineCounter {
    private var offset = 0
    private var line = 1

    mutating func line(at target: Int, in p: UnsafeBufferPointer<UInt8>) -> Int {
        let end = min(max(target, 0), p.count)
        if end < offset {
            line -= Self.newlines(in: p, from: end, to: offset)
        } else {
            line += Self.newlines(in: p, from: offset, to: end)
        }
        offset = end
        return line
    }

    /// The number of `\n` bytes in `p[start..<end]`.
    static func newlines(in p: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int {
        var line = 0
        var i = max(0, start)
        let end = min(end, p.count)
        if let base = p.baseAddress {
            // Eight bytes at a time: the high bit of each byte of `t` is set exactly where the byte is `\n`.
            let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
            while i + 8 <= end {
                let x = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self) ^ 0x0A0A_0A0A_0A0A_0A0A
                let t = ~(((x & low7) &+ low7) | x | low7)
                line += t.nonzeroBitCount
                i += 8
            }
        }
        while i < end {
            if p[i] == 0x0A { line += 1 }
            i += 1
        }
        return line
    }
}
