extension CodingState {
    /// Applies a long run of events faster than `apply(_:)` one by one, with the same result.
    ///
    /// - Nearly every event of a log carries the same codebook hash; counting runs of it instead
    ///   of hashing 64 hex digits into `codebookHashes` per event saves a fifth of a replay.
    /// - Read by a `LogScanner`, the events of a log come as the decoder's fields
    ///   (`EventLineDecoder.Fields`), where a dimension and a code list are numbers: the replay
    ///   keeps the column and the state's code list of each number, so a `set`, `note`, `flag`,
    ///   `done` or `view` is applied without a `CodingEvent`, a string hashed or compared, or
    ///   anything retained. Every other event (and every `set` when codes are renamed) is made
    ///   a `CodingEvent` and applied as by `apply(_:)`.
    /// - Such an event is applied when the next one comes, and its paper's slot in the paper
    ///   table is fetched in the meantime: in a state of many papers that table is far bigger
    ///   than the cache, and a log visits papers in no order the processor could guess, so
    ///   looking a paper up at once waits for memory on nearly every event. Events are still
    ///   applied one at a time, in order.
    public struct Replay: LogEventSink {
        private var state: CodingState
        private var runHash: String?
        private var runCount = 0
        /// The decoder whose numbers `columns` and `lists` are kept for.
        private var names: ObjectIdentifier?
        private var runNumber: Int32 = -1
        /// By dimension number: the column, or -1 when not known yet.
        private var columns: [Int] = []
        /// By code list number: the state's code list (or `notCoded` for an empty list), or
        /// -2 when not known yet.
        private var lists: [Int32] = []
        /// The event read last, to apply when the next one comes.
        private var pending: Pending?

        /// An event read as fields, with everything looked up that needs no paper.
        private struct Pending {
            var seq: Int
            var paper: String
            var paperHash: UInt64
            var op: CodingEvent.Operation
            var value: Bool?
            var text: String?
            /// For a `set`: the column (made already if the codes are the dimension's first),
            /// or -1 when there is none (no paper was coded on it, and these codes are none).
            var column = -1
            var list = CodingState.notCoded
        }

        public init(into state: CodingState) { self.state = state }

        public mutating func apply(_ event: CodingEvent) {
            applyPending()
            if event.codebook != runHash {
                flushRun()
                runHash = event.codebook
                runNumber = -1
            }
            runCount += 1
            state.applyIgnoringCodebook(event)
        }

        mutating func take(_ event: consuming CodingEvent) { apply(event) }

        mutating func take(_ fields: borrowing EventLineDecoder.Fields, names: borrowing EventLineDecoder.Names) {
            if self.names != names.identity {
                applyPending()
                self.names = names.identity
                columns = []
                lists = []
                runNumber = -1
            }
            switch fields.op {
            case .set where fields.text == nil && state.renaming.isEmpty && fields.dimension >= 0: break
            case .note, .flag, .done, .view: break
            default:
                apply(names.event(from: fields))
                return
            }
            if fields.codebook != runNumber {
                let hash = names.strings[Int(fields.codebook)]
                if hash != runHash {
                    flushRun()
                    runHash = hash
                }
                runNumber = fields.codebook
            }
            runCount += 1
            let paperHash = PaperNumbering.hash(fields.paper)
            if fields.op != .view { state.numbering.prefetch(hash: paperHash) }
            var next = Pending(seq: fields.seq, paper: fields.paper, paperHash: paperHash, op: fields.op,
                               value: fields.value, text: fields.text)
            if fields.op == .set { (next.column, next.list) = codes(fields, names: names) }
            applyPending()
            pending = next
        }

        /// The column and the state's code list of a `set` of codes read as fields; makes the
        /// column when these are the first codes of the dimension, as `apply(_:)` would.
        private mutating func codes(_ fields: borrowing EventLineDecoder.Fields,
                                    names: borrowing EventLineDecoder.Names) -> (column: Int, list: Int32) {
            var list = CodingState.notCoded
            if fields.codes >= 0 {
                let codes = Int(fields.codes)
                while lists.count <= codes { lists.append(-2) }
                list = lists[codes]
                if list == -2 {
                    list = names.lists[codes].isEmpty ? CodingState.notCoded : state.listIndex(of: names.lists[codes])
                    lists[codes] = list
                }
            }
            let dimension = Int(fields.dimension)
            while columns.count <= dimension { columns.append(-1) }
            if columns[dimension] < 0 {
                let id = names.strings[dimension]
                if let existing = state.columnIndex(of: id) {
                    columns[dimension] = existing
                } else if list != CodingState.notCoded {
                    columns[dimension] = state.addColumn(id)
                }
            }
            return (columns[dimension], list)
        }

        private mutating func applyPending() {
            guard let event = pending.take() else { return }
            guard let number = state.begin(seq: event.seq, paper: event.paper, paperHash: event.paperHash, op: event.op) else {
                return
            }
            switch event.op {
            case .set: if event.column >= 0 { state.columns[event.column][number] = event.list }
            case .note: state.records[number].note = event.text ?? ""
            case .flag: state.records[number].flagged = event.value ?? false
            case .done: state.records[number].done = event.value ?? false
            default: break
            }
            state.records[number].lastSeq = event.seq
        }

        private mutating func flushRun() {
            if let runHash, runCount > 0 { state.codebookHashes[runHash, default: 0] += runCount }
            runCount = 0
        }

        public mutating func finish() -> CodingState {
            applyPending()
            flushRun()
            return state
        }
    }
}
