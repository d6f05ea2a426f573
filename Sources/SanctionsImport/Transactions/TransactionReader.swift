public import SanctionsCore

/// Reads transactions from CSV (header row) or JSON Lines, one record at a time, so that memory
/// does not grow with the file.
///
/// Columns (or JSON fields): `id`, `date` (YYYY-MM-DD), `counterparty`, `type` required;
/// `country`, `eccn`, `amount`, `currency` optional; any other CSV column is carried through. A bad
/// record (unparsable date, unknown type, missing field) is returned as an ``InputError`` with
/// its line, and reading continues with the next one.
public struct TransactionReader {
    /// The input formats.
    public enum Format: String, Sendable {
        case csv, jsonl
    }

    /// The names of the carried-through CSV columns, in order.
    public private(set) var extraColumns: [String] = []
    /// The header of a CSV file, as read.
    public private(set) var header: [String] = []
    public let format: Format
    private var csv: CSVReader?
    private var lines: LineReader?
    private var columns: [String: Int] = [:]
    private var extraIndexes: [Int] = []
    public let file: String

    static let known = ["id", "date", "counterparty", "type", "country", "eccn", "amount", "currency"]

    /// Opens a reader over a chunk source; reads the CSV header at once.
    public init(file: String, format: Format, chunks: @escaping () throws -> [UInt8]) throws(InputError) {
        self.file = file
        self.format = format
        switch format {
        case .csv:
            var reader = CSVReader(file: file, chunks: chunks)
            guard let headerRecord = try reader.next() else {
                throw InputError(.malformedRow, "the file is empty (a header row is required)", file: file, line: 1)
            }
            header = headerRecord.fields.map { $0.trimmedOfWhitespace() }
            for (index, name) in header.enumerated() {
                let key = name.lowercased()
                if Self.known.contains(key) {
                    guard columns[key] == nil else {
                        throw InputError(
                            .malformedRow, "column '\(name)' appears twice in the header", file: file, line: 1)
                    }
                    columns[key] = index
                } else {
                    extraIndexes.append(index)
                    extraColumns.append(name)
                }
            }
            for required in ["id", "date", "counterparty", "type"] where columns[required] == nil {
                throw InputError(
                    .malformedRow,
                    "the header lacks the required column '\(required)' (required: id, date, counterparty, type)",
                    file: file, line: 1)
            }
            csv = reader
        case .jsonl:
            lines = LineReader(chunks: chunks)
        }
    }

    /// The next transaction, a bad record as `.failure`, or nil at the end.
    public mutating func next() throws(InputError) -> Result<Transaction, InputError>? {
        switch format {
        case .csv:
            guard var reader = csv else { return nil }
            defer { csv = reader }
            let record: CSVReader.Record
            do {
                guard let next = try reader.next() else { return nil }
                record = next
            } catch  where error.code == .oversizeField || error.code == .notUTF8 || error.code == .invalidField {
                return .failure(error)
            }
            if record.fields.count != header.count {
                return .failure(
                    InputError(
                        .malformedRow, "expected \(header.count) columns, found \(record.fields.count)", file: file,
                        line: record.line))
            }
            func field(_ name: String) -> String? {
                guard let index = columns[name] else { return nil }
                let value = record.fields[index].trimmedOfWhitespace()
                return value.isEmpty ? nil : value
            }
            return try Self.make(
                file: file, line: record.line, field: field, extra: extraIndexes.map { record.fields[$0] })
        case .jsonl:
            guard var reader = lines else { return nil }
            defer { lines = reader }
            while let (number, bytes) = reader.next() {
                if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
                let value: JSONValue
                do {
                    value = try JSONParser.parse(bytes)
                } catch {
                    return .failure(
                        InputError(
                            .malformedJSON, "malformed JSON: \(error.reason) (column \(error.column))", file: file,
                            line: number))
                }
                guard case .object = value else {
                    return .failure(InputError(.malformedRow, "expected a JSON object", file: file, line: number))
                }
                func field(_ name: String) -> String? {
                    switch value[name] {
                    case .string(let text)?:
                        return text.trimmedOfWhitespace().isEmpty ? nil : text.trimmedOfWhitespace()
                    case .number(let text)?: return text
                    default: return nil
                    }
                }
                return try Self.make(file: file, line: number, field: field, extra: [])
            }
            return nil
        }
    }

    private static func make(file: String, line: Int, field: (String) -> String?, extra: [String]) throws(InputError)
        -> Result<Transaction, InputError>
    {
        guard let id = field("id") else {
            return .failure(InputError(.missingField, "missing transaction id", file: file, line: line, field: "id"))
        }
        guard let dateText = field("date") else {
            return .failure(InputError(.missingField, "missing date", file: file, line: line, field: "date"))
        }
        let date: LedgerTime
        do {
            date = try LedgerTime.parse(dateText)
        } catch {
            return .failure(InputError(.invalidDate, error.description, file: file, line: line, field: "date"))
        }
        guard let counterparty = field("counterparty") else {
            return .failure(
                InputError(.missingField, "missing counterparty", file: file, line: line, field: "counterparty"))
        }
        if counterparty.utf8.count > 10_000 {
            return .failure(
                InputError(
                    .invalidField, "counterparty of \(counterparty.utf8.count) bytes is longer than 10000", file: file,
                    line: line, field: "counterparty"))
        }
        guard let typeText = field("type") else {
            return .failure(InputError(.missingField, "missing type", file: file, line: line, field: "type"))
        }
        guard let type = TransactionType(rawValue: typeText.lowercased()) else {
            return .failure(
                InputError(
                    .invalidField,
                    "unknown transaction type '\(typeText)' (known: "
                        + "\(TransactionType.allCases.map(\.rawValue).joined(separator: ", ")))",
                    file: file, line: line, field: "type"))
        }
        return .success(
            Transaction(
                id: id, date: date, counterparty: counterparty, type: type, country: field("country"),
                eccn: field("eccn"),
                amount: field("amount"), currency: field("currency"), extra: extra, line: line))
    }
}

/// Splits a chunked byte stream into lines (LF or CRLF), with 1-based line numbers.
struct LineReader {
    private var buffer: [UInt8] = []
    private var index = 0
    private var line = 0
    private let chunks: () throws -> [UInt8]
    private var exhausted = false

    init(chunks: @escaping () throws -> [UInt8]) {
        self.chunks = chunks
    }

    mutating func next() -> (Int, [UInt8])? {
        while true {
            if let newline = buffer[index...].firstIndex(of: 0x0A) {
                var end = newline
                if end > index, buffer[end - 1] == 0x0D { end -= 1 }
                let bytes = Array(buffer[index..<end])
                index = newline + 1
                line += 1
                return (line, bytes)
            }
            if exhausted {
                guard index < buffer.count else { return nil }
                let bytes = Array(buffer[index...])
                index = buffer.count
                line += 1
                return (line, bytes)
            }
            let chunk = (try? chunks()) ?? []
            if chunk.isEmpty { exhausted = true; continue }
            buffer.removeFirst(index)
            index = 0
            buffer += chunk
        }
    }
}
