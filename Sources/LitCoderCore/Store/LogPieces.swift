import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One line of a log, decoded but not yet checked or counted (`LogScanner` does that, in order).
enum DecodedLine: Sendable {
    /// Empty, or only spaces and tabs.
    case blank
    /// Read by the decoder's fast path; the numbers in it are those of the piece's `names`.
    case fields(EventLineDecoder.Fields)
    /// Read by JSONDecoder, or not an event (few lines: boxed, so the others take no room for it).
    indirect case other(Result<CodingEvent, EventLineDecoder.DecodeFailure>)
}

/// Whole lines of a log read in one piece and decoded.
struct DecodedPiece: Sendable {
    /// The piece's bytes: its whole lines are the first `length`.
    var bytes: [UInt8]
    var length: Int
    var lines: [DecodedLine]
    /// The names the decoder added while it read this piece (`EventLineDecoder.Names`): the
    /// numbers in the lines' fields stand for these and those of the pieces before.
    var newStrings: [String]
    var newLists: [[String]]
}

/// Reads a log from a byte offset in pieces of whole lines, and decodes each line.
///
/// Pieces are about 256 KiB, which stay in the processor's cache while their lines are decoded
/// (4 MiB pieces made a replay a twentieth slower); a line longer than that makes its piece
/// grow to hold it. After the last piece, `tail` is the length of an unfinished last line.
struct LogPieceReader {
    let descriptor: Int32
    let displayPath: String
    private(set) var decoder: EventLineDecoder
    /// Where the next piece starts in the file.
    private(set) var offset: Int
    /// The bytes read after the last whole line: the start of the next piece.
    private var carried: [UInt8] = []
    private var pieceSize: Int
    /// Bytes after the last newline once the file is read to its end.
    private(set) var tail = 0
    /// How many of the decoder's names earlier pieces have handed on.
    private var sentStrings: Int
    private var sentLists: Int

    /// - Parameter pieceSize: the size of a piece (tests make it small); by default 256 KiB,
    ///   or the size of a smaller log: zeroing 256 KiB to read a log of a few lines would cost
    ///   more than reading it (status reads every coder's log).
    init(descriptor: Int32, from start: Int, size: Int, decoder: EventLineDecoder, displayPath: String,
         pieceSize: Int? = nil) {
        self.descriptor = descriptor
        self.displayPath = displayPath
        self.decoder = decoder
        sentStrings = decoder.names.strings.count
        sentLists = decoder.names.lists.count
        offset = start
        self.pieceSize = max(pieceSize ?? min(256 << 10, max(size - start + 1, 4096)), 2)
    }

    /// The next piece with at least one whole line, or nil at the end of the file.
    mutating func next() throws -> DecodedPiece? {
        var filled = carried.count
        var bytes = Self.buffer(holding: carried, count: max(pieceSize, filled + pieceSize / 2))
        carried = []
        var searched = filled
        while true {
            if bytes.count - filled < pieceSize / 2 {
                // Room for half a piece more at least; doubling, for a line longer than a piece.
                bytes = bytes.withUnsafeBytes {
                    Self.buffer(holding: UnsafeRawBufferPointer(rebasing: $0[0..<filled]), count: max(2 * bytes.count, filled + pieceSize / 2))
                }
            }
            let n = bytes.withUnsafeMutableBytes { raw -> Int in
                pread(descriptor, raw.baseAddress! + filled, raw.count - filled, off_t(offset + filled))
            }
            if n < 0 {
                if errno == EINTR { continue }
                throw CodingLogError.cannotOpen(path: displayPath, errno: errno)
            }
            if n == 0 {
                tail = filled
                return nil
            }
            let newline = bytes.withUnsafeBytes { Self.lastNewline(in: UnsafeRawBufferPointer(rebasing: $0[searched..<(filled + n)])) }
            filled += n
            guard let newline else {
                searched = filled
                continue
            }
            let length = searched + newline + 1
            carried = bytes.withUnsafeBytes { Self.buffer(holding: UnsafeRawBufferPointer(rebasing: $0[length..<filled]), count: filled - length) }
            let lines = bytes.withUnsafeBufferPointer { decodeLines(UnsafeBufferPointer(rebasing: $0[0..<length])) }
            offset += length
            // Only what is new: a copy of the whole table in every piece would be copied again
            // each time the decoder adds to it while a piece is waiting.
            let newStrings = Array(decoder.names.strings[sentStrings...])
            let newLists = Array(decoder.names.lists[sentLists...])
            sentStrings = decoder.names.strings.count
            sentLists = decoder.names.lists.count
            return DecodedPiece(bytes: bytes, length: length, lines: lines, newStrings: newStrings, newLists: newLists)
        }
    }

    /// A zeroed buffer of `count` bytes that starts with `contents`.
    private static func buffer(holding contents: some ContiguousBytes, count: Int) -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            let base = UnsafeMutableRawPointer(buffer.baseAddress!)
            let copied = contents.withUnsafeBytes { source -> Int in
                if let from = source.baseAddress { base.copyMemory(from: from, byteCount: source.count) }
                return source.count
            }
            _ = memset(base + copied, 0, count - copied)
            initialized = count
        }
    }

    /// Where the last newline in `bytes` is, if there is one (`memchr` from one to the next:
    /// `memrchr` is a GNU extension).
    private static func lastNewline(in bytes: UnsafeRawBufferPointer) -> Int? {
        guard let base = bytes.baseAddress else { return nil }
        var last: Int?
        var start = 0
        while start < bytes.count, let found = memchr(base + start, 0x0A, bytes.count - start) {
            let index = base.distance(to: UnsafeRawPointer(found))
            last = index
            start = index + 1
        }
        return last
    }

    /// Every line of `bytes` (whole lines), decoded.
    private mutating func decodeLines(_ bytes: UnsafeBufferPointer<UInt8>) -> [DecodedLine] {
        var lines: [DecodedLine] = []
        lines.reserveCapacity(bytes.count / 150 + 1)
        let base = bytes.baseAddress!
        var start = 0
        while start < bytes.count {
            let found = memchr(base + start, 0x0A, bytes.count - start)!
            let end = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            var lineEnd = end
            if lineEnd > start, bytes[lineEnd - 1] == 0x0D { lineEnd -= 1 }  // tolerate CRLF checkouts
            lines.append(decode(UnsafeBufferPointer(rebasing: bytes[start..<lineEnd])))
            start = end + 1
        }
        return lines
    }

    private mutating func decode(_ line: UnsafeBufferPointer<UInt8>) -> DecodedLine {
        if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { return .blank }
        if let fields = decoder.fields(of: line) { return .fields(fields) }
        return .other(decoder.slowDecode(line))
    }
}

/// Hands decoded pieces from the thread that reads a log to the one that applies it, a few at
/// a time: the reader waits while `limit` pieces are waiting.
final class PieceHandOff: @unchecked Sendable {
    enum Item {
        case piece(DecodedPiece)
        /// The end of the file: the reader, with its `tail`.
        case end(LogPieceReader)
        case failed(any Error)
    }

    private let condition = NSCondition()
    private var items: [Item] = []
    private var stopped = false
    private let limit = 4

    /// Waits for room, then adds `item`; false when the taker has stopped.
    func put(_ item: Item) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while items.count >= limit && !stopped { condition.wait() }
        guard !stopped else { return false }
        items.append(item)
        condition.broadcast()
        return true
    }

    /// Waits for the next item.
    func take() -> Item {
        condition.lock()
        defer { condition.unlock() }
        while items.isEmpty { condition.wait() }
        let item = items.removeFirst()
        condition.broadcast()
        return item
    }

    /// The taker will take nothing more: a waiting reader stops.
    func stop() {
        condition.lock()
        stopped = true
        items.removeAll()
        condition.broadcast()
        condition.unlock()
    }
}
