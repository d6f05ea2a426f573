import Foundation
public import SanctionsCore

/// Reads trade.gov's Consolidated Screening List (CSV with a header row) into rows by column name.
///
/// Multi-valued fields (`alt_names`, `addresses`, `federal_register_notice`) are joined with
/// `; ` in the file. Apostrophes that the export turned into `?` between letters (Windows-1252
/// `’` lost in conversion) are restored, and C1 control characters (e.g. `U+0092`) dropped.
public enum CSLParser {
    /// One row of the list.
    public struct Row: Sendable {
        public var line: Int
        public var values: [String: String]

        public init(line: Int, values: [String: String]) {
            self.line = line
            self.values = values
        }

        public subscript(_ column: String) -> String {
            values[column] ?? ""
        }
    }

    /// The columns every CSL export has (`_id` came later: an older export's rows get an id made of
    /// their content).
    static let required = [
        "source", "name", "addresses", "federal_register_notice", "start_date", "end_date", "alt_names",
    ]

    /// Parses the file. Malformed rows fail the parse unless `skipBadRows` (then they are returned).
    public static func parse(_ bytes: [UInt8], file: String, skipBadRows: Bool = false) throws(InputError) -> (
        rows: [Row], skipped: [InputError]
    ) {
        var reader = CSVReader(bytes: bytes, file: file)
        guard let header = try reader.next() else {
            throw InputError(.malformedRow, "the file is empty (a header row is required)", file: file, line: 1)
        }
        let columns = header.fields.map { $0.trimmedOfWhitespace() }
        for column in required where !columns.contains(column) {
            throw InputError(
                .malformedRow, "the header lacks the column '\(column)' (is this trade.gov's consolidated.csv?)",
                file: file, line: 1)
        }
        var rows: [Row] = []
        var skipped: [InputError] = []
        func bad(_ error: InputError) throws(InputError) {
            if !skipBadRows { throw error }
            skipped.append(error)
        }
        var seen: [String: Int] = [:]
        while true {
            let record: CSVReader.Record
            do {
                guard let next = try reader.next() else { break }
                record = next
            } catch  where error.code == .notUTF8 || error.code == .oversizeField || error.code == .invalidField {
                try bad(error)
                continue
            }
            guard record.fields.count == columns.count else {
                try bad(
                    InputError(
                        .malformedRow, "expected \(columns.count) columns, found \(record.fields.count)", file: file,
                        line: record.line))
                continue
            }
            var values: [String: String] = [:]
            for (column, value) in zip(columns, record.fields) { values[column] = clean(value) }
            if values["_id"] == nil {
                let content = ["source", "name", "start_date", "addresses"].map { values[$0] ?? "" }.joined(
                    separator: "|")
                values["_id"] = "row-" + String(ChainHash.hex(ChainHash.sha256(Array(content.utf8))).prefix(16))
            }
            let row = Row(line: record.line, values: values)
            if row["name"].isEmpty {
                try bad(InputError(.malformedRow, "the row has no name", file: file, line: record.line, field: "name"))
                continue
            }
            let key = row["source"] + "|" + row["_id"]
            if let earlier = seen[key], !row["source"].contains("Treasury") {
                try bad(
                    InputError(
                        .malformedRow, "duplicate _id \(row["_id"]) (also on line \(earlier))", file: file,
                        line: record.line, field: "_id"))
                continue
            }
            seen[key] = record.line
            rows.append(row)
        }
        return (rows, skipped)
    }

    /// Trims, restores `?`-for-apostrophe between letters, drops C1 controls and repeated spaces.
    public static func clean(_ text: String) -> String {
        var scalars: [Unicode.Scalar] = []
        let input = Array(text.unicodeScalars)
        for (index, scalar) in input.enumerated() {
            if (0x80...0x9F).contains(scalar.value) { continue }
            if scalar == "?", index > 0, index + 1 < input.count, input[index - 1].properties.isAlphabetic,
                input[index + 1].properties.isAlphabetic
            {
                scalars.append("\u{2019}")
                continue
            }
            if scalar.properties.isWhitespace, scalars.last?.properties.isWhitespace == true { continue }
            scalars.append(scalar.properties.isWhitespace ? " " : scalar)
        }
        return String(String.UnicodeScalarView(scalars)).trimmedOfWhitespace()
    }

    /// Splits a multi-valued field joined with `; ` (a leading "and " is dropped).
    public static func split(_ field: String) -> [String] {
        field.components(separatedBy: ";").flatMap { $0.components(separatedBy: ", and ") }.map { part in
            var value = part.trimmedOfWhitespace()
            if value.hasPrefix("and ") { value = String(value.dropFirst(4)).trimmedOfWhitespace() }
            return value
        }.filter { !$0.isEmpty }
    }

    /// A date of the file (ISO `YYYY-MM-DD`, or the DPL's `MM/DD/YYYY`); nil when empty or unparsable.
    public static func date(_ text: String) -> LedgerTime? {
        if let time = try? LedgerTime.parse(text) { return time }
        let parts = text.split(separator: "/")
        if parts.count == 3, let month = Int(parts[0]), let day = Int(parts[1]), let year = Int(parts[2]) {
            return try? LedgerTime(year: year, month: month, day: day)
        }
        return nil
    }
}
