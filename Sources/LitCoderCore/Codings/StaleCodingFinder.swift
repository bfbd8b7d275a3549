extension StaleCodings {
    /// Finds stale codings while a log is read, one event at a time, so a reader need not keep
    /// the events: a million of them cost hundreds of megabytes and most of `status`'s time.
    ///
    /// Keeps, per paper, its last event's place and, per paper and dimension, where it was first
    /// decided; a decision is kept whole only while it is the latest and stale, so a later
    /// decision on the same paper and dimension replaces or drops it: the latest wins, as in
    /// `StaleCodings.find(in:codebook:corpus:)`, which is a loop over this.
    public struct Finder: Sendable {
        /// The latest `set` of one (paper, dimension), kept while it is stale.
        private struct Decision: Sendable {
            var seq: Int
            var position: Int
            var hash: String
            var codes: [String]?
            var text: String?
        }

        /// What the codebook says of one dimension id, looked up once.
        private struct DimensionCheck: Sendable {
            var dimension: Dimension?
            var codes: Set<String>
        }

        private struct Slot: Hashable, Sendable {
            var paper: Int
            var dimension: Int
        }

        private let codebook: Codebook
        /// Papers numbered in the order their first event other than `view` came.
        private var papers = PaperNumbering(expected: 1_024)
        private var lastEvent: [(seq: Int, position: Int)] = []
        private var dimensionIDs: [String] = []
        private var dimensionIndex: [String: Int] = [:]
        private var checks: [DimensionCheck] = []
        /// Per dimension, per paper number: the position of its first decision, or -1.
        private var firstDecision: [[Int]] = []
        private var staleDecisions: [Slot: Decision] = [:]
        private var position = 0
        /// For `add(_:names:)`: the decoder whose numbers these are kept for, the slot of each
        /// dimension number, and per slot and code list number whether those codes are stale
        /// (1), not (0) or not judged yet (-1).
        private var fieldNames: ObjectIdentifier?
        private var fieldSlots: [Int] = []
        private var verdicts: [[Int8]] = []

        public init(codebook: Codebook) { self.codebook = codebook }

        /// The next event of the log (every event, views too: positions count them all).
        public mutating func add(_ event: CodingEvent) {
            guard let (paper, d) = place(op: event.op, paper: event.paper, seq: event.seq,
                                         dimensionID: event.dimension) else { return }
            let stale = isStale(codes: event.codes, text: event.text, check: checks[d], dimensionID: dimensionIDs[d])
            decide(paper: paper, dimension: d, stale: stale, seq: event.seq, hash: event.codebook,
                   codes: event.codes, text: event.text)
        }

        /// The next event of the log, as the decoder's fields (`LogFold`): the same as
        /// `add(_:)` with the event they make, but a `set` of codes is judged once per
        /// dimension and code list (by their numbers in `names`), not once per event.
        mutating func add(_ fields: borrowing EventLineDecoder.Fields, names: borrowing EventLineDecoder.Names) {
            if fieldNames != names.identity {
                fieldNames = names.identity
                fieldSlots = []
                verdicts = []
            }
            let dimension = Int(fields.dimension)
            var d = -1
            if dimension >= 0, fields.op == .set || fields.op == .adjudicate {
                while fieldSlots.count <= dimension { fieldSlots.append(-1) }
                if fieldSlots[dimension] < 0 { fieldSlots[dimension] = slot(of: names.strings[dimension]) }
                d = fieldSlots[dimension]
            }
            guard let (paper, _) = place(op: fields.op, paper: fields.paper, seq: fields.seq, dimension: d) else { return }
            let codes = fields.codes < 0 ? nil : names.lists[Int(fields.codes)]
            let stale: Bool
            if fields.text == nil, fields.codes >= 0 {
                // Whether codes are stale depends on the dimension and the codes alone.
                while verdicts.count <= d { verdicts.append([]) }
                let list = Int(fields.codes)
                while verdicts[d].count <= list { verdicts[d].append(-1) }
                if verdicts[d][list] < 0 {
                    verdicts[d][list] = isStale(codes: codes, text: nil, check: checks[d], dimensionID: dimensionIDs[d]) ? 1 : 0
                }
                stale = verdicts[d][list] == 1
            } else {
                stale = isStale(codes: codes, text: fields.text, check: checks[d], dimensionID: dimensionIDs[d])
            }
            decide(paper: paper, dimension: d, stale: stale, seq: fields.seq,
                   hash: stale ? names.strings[Int(fields.codebook)] : "", codes: codes, text: fields.text)
        }

        /// Counts the event's position and notes its paper's last event; for a decision of a
        /// dimension (`set`, `adjudicate`), also where the paper's first decision on it was.
        /// Returns the paper's number and the dimension's slot for a decision, nil otherwise.
        private mutating func place(op: CodingEvent.Operation, paper id: String, seq: Int,
                                    dimensionID: String?) -> (paper: Int, dimension: Int)? {
            let d = op == .set || op == .adjudicate ? dimensionID.map { slot(of: $0) } ?? -1 : -1
            return place(op: op, paper: id, seq: seq, dimension: d)
        }

        /// `place(op:paper:seq:dimensionID:)` with the dimension's slot known (-1: none).
        private mutating func place(op: CodingEvent.Operation, paper id: String, seq: Int,
                                    dimension d: Int) -> (paper: Int, dimension: Int)? {
            defer { position += 1 }
            guard op != .view else { return nil }
            let paper = papers.number(of: id)
            if paper == lastEvent.count {
                lastEvent.append((seq, position))
                for column in firstDecision.indices { firstDecision[column].append(-1) }
            } else {
                lastEvent[paper] = (seq, position)
            }
            guard op == .set || op == .adjudicate, d >= 0 else { return nil }
            if firstDecision[d][paper] < 0 { firstDecision[d][paper] = position }
            return (paper, d)
        }

        /// Keeps the decision while it is stale; a fresh one drops the stale one it replaces.
        private mutating func decide(paper: Int, dimension d: Int, stale: Bool, seq: Int, hash: String,
                                     codes: [String]?, text: String?) {
            let key = Slot(paper: paper, dimension: d)
            if stale {
                staleDecisions[key] = Decision(seq: seq, position: position - 1, hash: hash, codes: codes, text: text)
            } else if !staleDecisions.isEmpty {
                staleDecisions[key] = nil
            }
        }

        private mutating func slot(of dimensionID: String) -> Int {
            if let known = dimensionIndex[dimensionID] { return known }
            let dimension = codebook.dimension(dimensionID)
            dimensionIndex[dimensionID] = dimensionIDs.count
            dimensionIDs.append(dimensionID)
            checks.append(DimensionCheck(dimension: dimension, codes: Set(dimension?.codes.map(\.id) ?? [])))
            firstDecision.append([Int](repeating: -1, count: lastEvent.count))
            return dimensionIDs.count - 1
        }

        /// Whether `problems` finds anything in a decision. The common decision (known codes,
        /// one of them on a single-choice dimension; or no codes on a text dimension) is
        /// answered without building its problems; every other one goes through `problems`.
        private func isStale(codes: [String]?, text: String?, check: DimensionCheck, dimensionID: String) -> Bool {
            if let dimension = check.dimension {
                if dimension.takesCodes, let codes, !codes.isEmpty, dimension.kind != .single || codes.count == 1,
                   codes.allSatisfy(check.codes.contains) { return false }
                if dimension.kind == .text, codes?.isEmpty ?? true { return false }
            }
            let decision = Decision(seq: 0, position: 0, hash: "", codes: codes, text: text)
            return !Self.problems(paper: "", dimensionID: dimensionID, dimension: check.dimension, decision: decision).isEmpty
        }

        /// The current decisions that the codebook, or the corpus when given, no longer accounts
        /// for: papers in the order first met, each paper's dimensions in the order first decided.
        public func stale(corpus: Corpus?) -> [StaleCoding] {
            var byPaper: [Int: [(first: Int, slot: Int, decision: Decision)]] = [:]
            for (key, decision) in staleDecisions {
                byPaper[key.paper, default: []].append((firstDecision[key.dimension][key.paper], key.dimension, decision))
            }
            var stale: [StaleCoding] = []
            for paper in 0..<lastEvent.count {
                let id = papers.ids[paper]
                if let corpus, !corpus.contains(id) {
                    let last = lastEvent[paper]
                    stale.append(StaleCoding(paper: id, dimension: "", problem: .unknownPaper, seq: last.seq,
                                             codebookHash: "", position: last.position))
                }
                for (_, d, decision) in (byPaper[paper] ?? []).sorted(by: { $0.first < $1.first }) {
                    stale += Self.problems(paper: id, dimensionID: dimensionIDs[d], dimension: checks[d].dimension,
                                           decision: decision)
                }
            }
            return stale
        }

        /// What is wrong with one decision under the codebook, in the order they are reported.
        private static func problems(paper: String, dimensionID: String, dimension: Dimension?,
                                     decision: Decision) -> [StaleCoding] {
            let codes = decision.codes ?? []
            let text = decision.text ?? ""
            var found: [StaleCoding] = []
            func add(_ problem: StaleCoding.Problem) {
                found.append(StaleCoding(paper: paper, dimension: dimensionID, problem: problem,
                                         seq: decision.seq, codebookHash: decision.hash, position: decision.position))
            }
            // A cleared dimension is not a decision that can be stale.
            if codes.isEmpty, TextNormalisation.isBlank(text) { return found }
            guard let dimension else {
                add(.unknownDimension)
                return found
            }
            if !dimension.takesCodes {
                if !codes.isEmpty {
                    add(.codesOnTextDimension)
                } else if dimension.kind == .number, let problem = StaleCodings.loggedNumberProblem(text, dimension) {
                    add(.invalidNumber(problem))
                }
                return found
            }
            if !text.isEmpty, codes.isEmpty {
                add(.textOnCodedDimension)
                return found
            }
            // Ids a code `replaces` are read as that code, so they are not stale.
            var seen = Set<String>()
            let current = codes.map { dimension.currentCode(for: $0) ?? $0 }.filter { seen.insert($0).inserted }
            let unknown = current.filter { dimension.code($0) == nil }
            if !unknown.isEmpty { add(.unknownCodes(unknown)) }
            if dimension.kind == .single, current.count > 1 { add(.severalCodesOnSingleDimension(current)) }
            return found
        }
    }
}

extension StaleCodings.Finder {
    /// Writes what the finder has gathered, for a log snapshot (`LogSnapshot`). `paperIDs`
    /// (the replayed state's papers, numbered by the same events) is written once and shared.
    func write(to writer: inout SnapshotWriter, paperIDs: [String]) -> Bool {
        guard position <= Int(Int32.max) else { return false }
        let shared = papers.ids == paperIDs
        writer.bool(shared)
        if !shared { writer.strings(papers.ids) }
        writer.int(position)
        writer.int(lastEvent.count)
        for event in lastEvent {
            writer.int(event.seq)
            writer.int(event.position)
        }
        writer.strings(dimensionIDs)
        for column in firstDecision { writer.int32s(column.map { Int32($0) }) }
        writer.int(staleDecisions.count)
        for (slot, decision) in staleDecisions {
            writer.int(slot.paper)
            writer.int(slot.dimension)
            writer.int(decision.seq)
            writer.int(decision.position)
            writer.string(decision.hash)
            writer.bool(decision.codes != nil)
            if let codes = decision.codes { writer.strings(codes) }
            writer.optionalString(decision.text)
        }
        return true
    }

    /// Reads what `write(to:paperIDs:)` wrote, checking every number it will index with;
    /// `numbering` is the replayed state's, shared when the finder numbered the same papers.
    init(reading reader: inout SnapshotReader, codebook: Codebook, numbering: PaperNumbering) throws(SnapshotReader.Damaged) {
        self.init(codebook: codebook)
        if try reader.bool() {
            papers = numbering
        } else {
            let ids = try reader.strings()
            papers = PaperNumbering(expected: ids.count)
            for id in ids where papers.number(of: id) != papers.count - 1 { throw SnapshotReader.Damaged() }
        }
        let ids = papers.ids
        position = try reader.count(atMost: Int(Int32.max))
        guard try reader.int() == ids.count else { throw SnapshotReader.Damaged() }
        lastEvent.reserveCapacity(ids.count)
        for _ in ids {
            let seq = try reader.int()
            let at = try reader.count(atMost: position - 1)
            lastEvent.append((seq, at))
        }
        for dimensionID in try reader.strings() {
            guard slot(of: dimensionID) == dimensionIDs.count - 1 else { throw SnapshotReader.Damaged() }
            let column = try reader.int32s()
            guard column.count == ids.count, column.allSatisfy({ $0 >= -1 && Int($0) < position }) else {
                throw SnapshotReader.Damaged()
            }
            firstDecision[firstDecision.count - 1] = column.map { Int($0) }
        }
        let staleCount = try reader.listCount(itemSize: 40)
        for _ in 0..<staleCount {
            let paper = try reader.count(atMost: ids.count - 1)
            let dimension = try reader.count(atMost: dimensionIDs.count - 1)
            let seq = try reader.int()
            let at = try reader.count(atMost: position - 1)
            let hash = try reader.string()
            let codes = try reader.bool() ? try reader.strings() : nil
            let text = try reader.optionalString()
            staleDecisions[Slot(paper: paper, dimension: dimension)] = Decision(seq: seq, position: at, hash: hash,
                                                                              codes: codes, text: text)
        }
    }
}
