/// The binary encoding of a log snapshot (`LogSnapshot`): little-endian 64-bit integers,
/// length-prefixed UTF-8 strings, and lists as a count followed by their items.
struct SnapshotWriter {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 1 << 16) { bytes.reserveCapacity(capacity) }

    mutating func int(_ value: Int) {
        withUnsafeBytes(of: Int64(value).littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func int32(_ value: Int32) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func uint64(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func bool(_ value: Bool) { bytes.append(value ? 1 : 0) }

    mutating func string(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            int(utf8.count)
            bytes.append(contentsOf: utf8)
        }
    }

    mutating func optionalString(_ value: String?) {
        bool(value != nil)
        if let value { string(value) }
    }

    mutating func strings(_ values: [String]) {
        int(values.count)
        for value in values { string(value) }
    }

    /// A whole column of 32-bit integers.
    mutating func int32s(_ values: [Int32]) {
        int(values.count)
        for value in values { int32(value) }
    }
}

/// Reads what `SnapshotWriter` wrote. Every read is bounds-checked and every count is checked
/// against the bytes left, so a damaged snapshot is an error (`SnapshotReader.Damaged`), never
/// a trap or a huge allocation: the caller then rebuilds from the log.
struct SnapshotReader {
    struct Damaged: Error {}

    private let bytes: UnsafeRawBufferPointer
    private(set) var offset = 0

    init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    var atEnd: Bool { offset == bytes.count }

    private mutating func take(_ count: Int) throws(Damaged) -> Int {
        guard count >= 0, count <= bytes.count - offset else { throw Damaged() }
        defer { offset += count }
        return offset
    }

    mutating func int() throws(Damaged) -> Int {
        let at = try take(8)
        let value = Int64(littleEndian: bytes.loadUnaligned(fromByteOffset: at, as: Int64.self))
        return Int(value)
    }

    mutating func int32() throws(Damaged) -> Int32 {
        let at = try take(4)
        return Int32(littleEndian: bytes.loadUnaligned(fromByteOffset: at, as: Int32.self))
    }

    mutating func uint64() throws(Damaged) -> UInt64 {
        let at = try take(8)
        return UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: at, as: UInt64.self))
    }

    /// A non-negative integer no larger than `limit`.
    mutating func count(atMost limit: Int) throws(Damaged) -> Int {
        let value = try int()
        guard value >= 0, value <= limit else { throw Damaged() }
        return value
    }

    /// How many items of at least `itemSize` bytes each can still follow.
    mutating func listCount(itemSize: Int) throws(Damaged) -> Int {
        let value = try int()
        guard value >= 0, value <= (bytes.count - offset) / max(itemSize, 1) else { throw Damaged() }
        return value
    }

    mutating func bool() throws(Damaged) -> Bool {
        let at = try take(1)
        switch bytes[at] {
        case 0: return false
        case 1: return true
        default: throw Damaged()
        }
    }

    mutating func string() throws(Damaged) -> String {
        let length = try int()
        let at = try take(length)
        guard let value = String(validating: UnsafeRawBufferPointer(rebasing: bytes[at..<(at + length)]), as: UTF8.self)
        else { throw Damaged() }
        return value
    }

    mutating func optionalString() throws(Damaged) -> String? {
        try bool() ? try string() : nil
    }

    mutating func strings() throws(Damaged) -> [String] {
        let count = try listCount(itemSize: 8)
        var values: [String] = []
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(try string()) }
        return values
    }

    mutating func int32s() throws(Damaged) -> [Int32] {
        let count = try listCount(itemSize: 4)
        let at = try take(count * 4)
        return [Int32](unsafeUninitializedCapacity: count) { buffer, initialised in
            for i in 0..<count {
                buffer[i] = Int32(littleEndian: bytes.loadUnaligned(fromByteOffset: at + i * 4, as: Int32.self))
            }
            initialised = count
        }
    }
}
