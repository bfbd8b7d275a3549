extension CodingState {
    /// Writes the state for a log snapshot (`LogSnapshot`): everything but `renaming`, which
    /// comes from the codebook the snapshot is keyed by.
    func write(to writer: inout SnapshotWriter) {
        writer.string(coder)
        writer.optionalString(lastViewed)
        writer.optionalString(lastPaper)
        writer.int(eventCount)
        writer.int(lastSeq)
        writer.int(codebookHashes.count)
        for (hash, count) in codebookHashes.sorted(by: { $0.key < $1.key }) {
            writer.string(hash)
            writer.int(count)
        }
        writer.strings(numbering.ids)
        for record in records {
            writer.string(record.note)
            writer.bool(record.flagged)
            writer.bool(record.done)
            writer.int(record.lastSeq)
            writer.int(record.texts.count)
            for (dimension, text) in record.texts {
                writer.string(dimension)
                writer.string(text)
            }
            writer.int(record.provenance.count)
            for (dimension, provenance) in record.provenance {
                writer.string(dimension)
                writer.string(provenance.adjudicator)
                writer.strings(provenance.sources)
                writer.optionalString(provenance.reason)
                writer.bool(provenance.automatic)
            }
        }
        writer.int(codeLists.count)
        for list in codeLists { writer.strings(list) }
        writer.strings(columnDimensions)
        for column in columns { writer.int32s(column) }
        writer.int(evidence.count)
        for (number, quotes) in evidence.sorted(by: { $0.key < $1.key }) {
            writer.int(number)
            writer.int(quotes.byCode.count)
            for (code, list) in quotes.byCode {
                writer.string(code.dimension)
                writer.string(code.code)
                writer.int(list.count)
                for quote in list {
                    writer.string(quote.field.rawValue)
                    writer.int(quote.start)
                    writer.int(quote.end)
                    writer.string(quote.text)
                    writer.string(quote.fieldHash)
                }
            }
        }
    }

    /// Reads what `write(to:)` wrote, for `coder`, reading codes through `renaming` from here
    /// on; every index it will use is checked.
    init(reading reader: inout SnapshotReader, coder: String, renaming: CodeRenaming) throws(SnapshotReader.Damaged) {
        self.init(coder: coder, renaming: renaming)
        guard try reader.string() == coder else { throw SnapshotReader.Damaged() }
        lastViewed = try reader.optionalString()
        lastPaper = try reader.optionalString()
        eventCount = try reader.count(atMost: .max)
        lastSeq = try reader.int()
        for _ in 0..<(try reader.listCount(itemSize: 16)) {
            let hash = try reader.string()
            guard codebookHashes.updateValue(try reader.count(atMost: eventCount), forKey: hash) == nil else {
                throw SnapshotReader.Damaged()
            }
        }
        let ids = try reader.strings()
        numbering = PaperNumbering(expected: ids.count)
        for id in ids where numbering.number(of: id) != numbering.count - 1 { throw SnapshotReader.Damaged() }
        records.reserveCapacity(ids.count)
        for _ in ids {
            var record = PaperRecord()
            record.note = try reader.string()
            record.flagged = try reader.bool()
            record.done = try reader.bool()
            record.lastSeq = try reader.int()
            for _ in 0..<(try reader.listCount(itemSize: 16)) {
                let dimension = try reader.string()
                record.texts[dimension] = try reader.string()
            }
            for _ in 0..<(try reader.listCount(itemSize: 33)) {
                let dimension = try reader.string()
                record.provenance[dimension] = PaperCoding.Provenance(
                    adjudicator: try reader.string(), sources: try reader.strings(), reason: try reader.optionalString(),
                    automatic: try reader.bool())
            }
            records.append(record)
        }
        let listCount = try reader.listCount(itemSize: 8)
        codeLists.reserveCapacity(listCount)
        for index in 0..<listCount {
            let list = try reader.strings()
            guard codeListIndex.updateValue(Int32(index), forKey: list) == nil else { throw SnapshotReader.Damaged() }
            codeLists.append(list)
        }
        columnDimensions = try reader.strings()
        guard Set(columnDimensions).count == columnDimensions.count else { throw SnapshotReader.Damaged() }
        for _ in columnDimensions {
            let column = try reader.int32s()
            guard column.count == ids.count, column.allSatisfy({ $0 >= Self.notCoded && Int($0) < listCount }) else {
                throw SnapshotReader.Damaged()
            }
            columns.append(column)
        }
        for _ in 0..<(try reader.listCount(itemSize: 16)) {
            let number = try reader.count(atMost: ids.count - 1)
            var quotes = PaperEvidence()
            for _ in 0..<(try reader.listCount(itemSize: 24)) {
                let code = EvidenceCode(dimension: try reader.string(), code: try reader.string())
                for _ in 0..<(try reader.listCount(itemSize: 40)) {
                    guard let field = PaperField(rawValue: try reader.string()) else { throw SnapshotReader.Damaged() }
                    quotes.attach(EvidenceQuote(field: field, start: try reader.int(), end: try reader.int(),
                                                text: try reader.string(), fieldHash: try reader.string()), to: code)
                }
            }
            guard !quotes.isEmpty, evidence.updateValue(quotes, forKey: number) == nil else { throw SnapshotReader.Damaged() }
        }
    }
}
