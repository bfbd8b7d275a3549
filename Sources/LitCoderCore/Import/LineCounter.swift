/// Finds the 1-based line of byte offsets that mostly move forward, counting each newline once.
///
/// Parsers ask for the line of every record they start; counting from the last answer keeps
/// that linear in the file's size.
struct LineCounter {
    private var offset = 0
    private var line = 1

    mutating func line(at target: Int, in p: UnsafeBufferPointer<UInt8>) -> Int {
        if target < offset {
            offset = 0
            line = 1
        }
        let end = min(target, p.count)
        var i = offset
        while i < end {
            if p[i] == 0x0A { line += 1 }
            i += 1
        }
        offset = max(offset, end)
        return line
    }
}
