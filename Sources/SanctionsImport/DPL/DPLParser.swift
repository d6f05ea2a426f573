public import SanctionsCore

/// Reads BIS's Denied Persons List file (`dpl.txt`: tab-separated, a header row, every field in
/// quotes) into rows in the Consolidated Screening List's columns, so that one snapshot builder
/// and one linking step serve both.
///
/// A denial order has no id in the file: its key is the denied person's name and the order's
/// effective date (`dpl-aaron-abraham-villa-2022-08-24`), stable across publications. Rows of one
/// order (one a line per address) are merged into one row with every address.
public enum DPLParser {
    /// The CSL `source` value the rows carry (mapped to `bis-dpl` by `Events/program-regimes.json`).
    public static let sourceName = "Denied Persons List (DPL) - Bureau of Industry and Security"

    static let required = [
        "Name", "Street_Address", "City", "State", "Country", "Postal_Code", "Effective_Date",
        "Expiration_Date", "FR_Citation",
    ]

    /// Parses the file into one CSL-shaped row per denial order.
    public static func parse(_ bytes: [UInt8], file: String) throws(InputError) -> [CSLParser.Row] {
        var reader = CSVReader(bytes: bytes, file: file, separator: UInt8(ascii: "\t"))
        guard let header = try reader.next() else {
            throw InputError(.malformedRow, "the file is empty (a header row is required)", file: file, line: 1)
        }
        let columns = header.fields.map { $0.trimmedOfWhitespace() }
        for column in required where !columns.contains(column) {
            throw InputError(
                .malformedRow, "the header lacks the column '\(column)' (is this BIS's dpl.txt?)", file: file, line: 1)
        }
        var rows: [CSLParser.Row] = []
        var byKey: [String: Int] = [:]
        while let record = try reader.next() {
            guard record.fields.count == columns.count else {
                throw InputError(
                    .malformedRow, "expected \(columns.count) columns, found \(record.fields.count)", file: file,
                    line: record.line)
            }
            var field: [String: String] = [:]
            for (column, value) in zip(columns, record.fields) { field[column] = CSLParser.clean(value) }
            let name = field["Name"] ?? ""
            guard !name.isEmpty else {
                throw InputError(.malformedRow, "the row has no name", file: file, line: record.line, field: "Name")
            }
            guard let effective = CSLParser.date(field["Effective_Date"] ?? "") else {
                throw InputError(
                    .invalidDate, "'\(field["Effective_Date"] ?? "")' is not a date (MM/DD/YYYY)", file: file,
                    line: record.line, field: "Effective_Date")
            }
            let expiration = CSLParser.date(field["Expiration_Date"] ?? "")
            let country = field["Country"] ?? ""
            let address = [field["Street_Address"], field["City"], field["State"], field["Postal_Code"], country]
                .compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ", ")
            let key =
                "dpl-" + NameKey.make(name).split(separator: " ").prefix(8).joined(separator: "-") + "-"
                + effective.dayString
            if let index = byKey[key] {
                if !address.isEmpty, !CSLParser.split(rows[index].values["addresses"] ?? "").contains(address) {
                    let known = rows[index].values["addresses"] ?? ""
                    rows[index].values["addresses"] = known.isEmpty ? address : known + "; " + address
                }
                continue
            }
            byKey[key] = rows.count
            rows.append(
                CSLParser.Row(
                    line: record.line,
                    values: [
                        "_id": key, "source": sourceName, "name": name, "type": "", "addresses": address,
                        "federal_register_notice": citations(field["FR_Citation"] ?? "").joined(separator: "; "),
                        "start_date": effective.dayString, "end_date": expiration?.dayString ?? "",
                        "standard_order": field["Standard_Order"] ?? "", "alt_names": "",
                        "remarks": [field["Action"], field["Last_Update"].map { "last update \($0)" }]
                            .compactMap { $0 }.filter { !$0.isEmpty && $0 != "last update " }.joined(separator: "; "),
                        "source_list_url": "https://www.bis.doc.gov/dpl/dpl.txt",
                    ]))
        }
        return rows
    }

    /// `68 F.R. 38290 6/27/03 71 F.R. 38843 7/10/06` → `["68 FR 38290", "71 FR 38843"]`.
    static func citations(_ text: String) -> [String] {
        let words = text.split(separator: " ").map(String.init)
        var result: [String] = []
        for index in words.indices.dropFirst().dropLast() {
            let marker = words[index].uppercased().filter { $0 != "." }
            guard marker == "FR", Int(words[index - 1]) != nil, Int(words[index + 1]) != nil else { continue }
            result.append("\(words[index - 1]) FR \(words[index + 1])")
        }
        return result
    }
}
