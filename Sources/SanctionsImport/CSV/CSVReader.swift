public import SanctionsCore

/// A streaming RFC 4180 CSV reader over bytes that knows the line of every record.
///
/// Handles quoted fields with commas, doubled quotes and line breaks, CRLF and LF endings, a UTF-8
/// BOM, and the Ctrl-Z (0x1A) end-of-file byte that OFAC's files carry. Malformed input (a quote
/// inside an unquoted field, text after a closing quote, a quote never closed) is an
/// ``InputError`` naming the file and line.
///
/// For example:
/// ```swift
/// var reader = CSVReader(bytes: Array("a,\"b,c\"\n".utf8), file: "x.csv")
/// try reader.next()  // (line: 1, fields: ["a", "b,c"])
/// ```
public struct CSVReader {
    /// One record and the line it starts on.
    public struct Record: Sendable {
        public var line: Int
        public var fields: [String]
    }

    private var bytes: [UInt8]
    private var index = 0
    private var line = 1
    /// Where more bytes come from when the buffer runs out (nil: everything is in `bytes`).
    private var source: (() throws -> [UInt8])?
    private var exhausted: Bool
    public let file: String
    /// The field separator (`,` for CSV, tab for TSV).
    public let separator: UInt8
    /// The longest field accepted, in bytes.
    public var maximumFieldBytes = TextChecks.maximumFieldBytes

    public init(bytes: [UInt8], file: String, separator: UInt8 = UInt8(ascii: ",")) {
        self.bytes = bytes
        self.file = file
        self.separator = separator
        self.source = nil
        self.exhausted = true
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
    }

    /// A reader that pulls chunks from `next` (an empty chunk means the end), so that memory
    /// stays bounded by the longest record, whatever the file's size.
    public init(file: String, separator: UInt8 = UInt8(ascii: ","), chunks next: @escaping () throws -> [UInt8]) {
        self.bytes = []
        self.file = file
        self.separator = separator
        self.source = next
        self.exhausted = false
        refill()
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
    }

    /// The error of the byte source, if reading failed.
    public private(set) var readError: (any Error)?

    /// Loads the next chunk behind the unread bytes; false at the end.
    @discardableResult
    private mutating func refill() -> Bool {
        guard !exhausted, let source else { return false }
        let chunk: [UInt8]
        do {
            chunk = try source()
        } catch {
            readError = error
            exhausted = true
            return false
        }
        if chunk.isEmpty {
            exhausted = true
            return false
        }
        if index > 0 {
            bytes.removeFirst(index)
            index = 0
        }
        bytes += chunk
        return true
    }

    /// Whether a byte is available at `index`, loading more when the buffer runs out.
    private mutating func available() -> Bool {
        if index < bytes.count { return true }
        while refill() { if index < bytes.count { return true } }
        return false
    }

    /// The byte after `index`, loading more if needed (for CRLF and doubled quotes).
    private mutating func peekNext() -> UInt8? {
        if index + 1 < bytes.count { return bytes[index + 1] }
        while refill() { if index + 1 < bytes.count { return bytes[index + 1] } }
        return nil
    }

    /// The record being read: fields so far, the current field, and the quoting state. A field
    /// over the limit is dropped while the rest of its record is read, so that the error is about
    /// that record only and reading can go on with the next one.
    private struct RecordInProgress {
        let line: Int
        var fields: [String] = []
        var field: [UInt8] = []
        var quoted = false
        var afterQuote = false
        var oversize = false
        var badText: InputError?
    }

    /// The next record, or nil at the end. Blank lines are skipped.
    public mutating func next() throws(InputError) -> Record? {
        guard try skipBlankLines() else { return nil }
        var record = RecordInProgress(line: line)
        while true {
            guard available() else {
                if let readError {
                    throw InputError(.unreadableFile, "reading failed: \(readError)", file: file, line: line)
                }
                if record.quoted {
                    throw InputError(
                        .malformedRow,
                        "a quoted field is never closed (the file is truncated or its quoting is broken)", file: file,
                        line: record.line)
                }
                endField(&record)
                return try finish(record)
            }
            let byte = bytes[index]
            if record.quoted {
                readQuoted(byte, into: &record)
            } else if try readUnquoted(byte, into: &record) {
                return try finish(record)
            }
        }
    }

    /// Skips blank lines and a DOS end-of-file marker; false at the end of the input.
    private mutating func skipBlankLines() throws(InputError) -> Bool {
        while available() {
            let byte = bytes[index]
            if byte == 0x1A { index = bytes.count; exhausted = true; return false }  // DOS end-of-file marker
            if byte == 0x0A { index += 1; line += 1; continue }
            if byte == 0x0D, peekNext() == 0x0A { index += 2; line += 1; continue }
            break
        }
        if let readError { throw InputError(.unreadableFile, "reading failed: \(readError)", file: file, line: line) }
        return available()
    }

    /// One byte inside quotes: a doubled quote is a quote, a single one closes the field.
    private mutating func readQuoted(_ byte: UInt8, into record: inout RecordInProgress) {
        index += 1
        if byte == UInt8(ascii: "\"") {
            if available(), bytes[index] == UInt8(ascii: "\"") {
                append(byte, to: &record)
                index += 1
            } else {
                record.quoted = false
                record.afterQuote = true
            }
        } else {
            if byte == 0x0A { line += 1 }
            append(byte, to: &record)
        }
    }

    /// One byte outside quotes; true when it ends the record.
    private mutating func readUnquoted(_ byte: UInt8, into record: inout RecordInProgress) throws(InputError) -> Bool {
        if byte == separator {
            endField(&record)
            record.afterQuote = false
            index += 1
            return false
        }
        if byte == 0x0A || byte == 0x0D || byte == 0x1A {
            endField(&record)
            if byte == 0x0D, peekNext() == 0x0A { index += 1 }
            if byte != 0x1A {
                index += 1
                line += 1
            }
            return true
        }
        if record.afterQuote {
            throw InputError(
                .malformedRow, "unexpected text after a closing quote (broken quoting)", file: file, line: line)
        }
        if byte == UInt8(ascii: "\"") {
            guard record.field.allSatisfy({ $0 == 0x20 }) else {
                throw InputError(
                    .malformedRow, "a quote inside an unquoted field (broken quoting)", file: file, line: line)
            }
            record.field.removeAll()
            record.quoted = true
            index += 1
            return false
        }
        append(byte, to: &record)
        index += 1
        return false
    }

    private func append(_ byte: UInt8, to record: inout RecordInProgress) {
        record.field.append(byte)
        if record.field.count > maximumFieldBytes {
            record.oversize = true
            record.field.removeAll(keepingCapacity: true)
        }
    }

    /// Closes the current field (a field that is not UTF-8 is remembered, and the record refused at its end).
    private func endField(_ record: inout RecordInProgress) {
        do {
            record.fields.append(try text(record.field, line: record.line))
        } catch {
            if record.badText == nil { record.badText = error }
            record.fields.append("")
        }
        record.field.removeAll(keepingCapacity: true)
    }

    private func finish(_ record: RecordInProgress) throws(InputError) -> Record {
        if record.oversize {
            throw InputError(
                .oversizeField, "a field is longer than \(maximumFieldBytes) bytes; the record was skipped", file: file,
                line: record.line)
        }
        if let badText = record.badText { throw badText }
        return Record(line: record.line, fields: record.fields)
    }

    private func text(_ bytes: [UInt8], line: Int) throws(InputError) -> String {
        if let offset = UTF8Check.firstInvalidOffset(bytes) {
            throw InputError(
                .notUTF8, "byte 0x\(String(bytes[offset], radix: 16)) is not valid UTF-8", file: file, line: line)
        }
        if bytes.contains(0) { throw InputError(.invalidField, "a field contains a NUL byte", file: file, line: line) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Every remaining record.
    public mutating func readAll() throws(InputError) -> [Record] {
        var records: [Record] = []
        while let record = try next() { records.append(record) }
        return records
    }
}
