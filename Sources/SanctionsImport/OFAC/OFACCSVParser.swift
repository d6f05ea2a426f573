import Foundation
public import SanctionsCore

/// Parses OFAC's legacy CSV files: sdn.csv (or cons_prim.csv), alt.csv, add.csv and
/// sdn_comments.csv. Headerless, `-0-` as the null marker (with or without a trailing space),
/// remarks capped at 1,000 characters and continued in the comments file.
///
/// For example:
/// ```swift
/// // given: bytes: [UInt8]
/// let entries = try OFACCSVParser.parse(OFACCSVParser.Files(primary: (name: "sdn.csv", bytes: bytes)))
/// ```
public enum OFACCSVParser {
    /// The four files of one publication (alt, add and comments are optional).
    public struct Files: Sendable {
        public var primary: (name: String, bytes: [UInt8])
        public var alt: (name: String, bytes: [UInt8])?
        public var add: (name: String, bytes: [UInt8])?
        public var comments: (name: String, bytes: [UInt8])?

        public init(
            primary: (name: String, bytes: [UInt8]), alt: (name: String, bytes: [UInt8])? = nil,
            add: (name: String, bytes: [UInt8])? = nil, comments: (name: String, bytes: [UInt8])? = nil
        ) {
            self.primary = primary
            self.alt = alt
            self.add = add
            self.comments = comments
        }
    }

    /// What to do with a malformed row.
    public enum BadRowPolicy: Sendable {
        /// Fail the whole parse (the default: nothing half-read is ever imported).
        case fail
        /// Skip the row and record it.
        case skip
    }

    /// The parse result: entries in file order, and the rows skipped under ``BadRowPolicy/skip``.
    public struct Result: Sendable {
        public var entries: [OFACEntry]
        public var skipped: [InputError]
    }

    static func value(_ field: String) -> String? {
        let utf8 = field.utf8
        guard let first = utf8.first, let last = utf8.last else { return nil }
        // Fast path: nothing to trim and not the null marker.
        if first > 0x20, last > 0x20, first < 0x80, last < 0x80 {
            if utf8.count == 3, field == "-0-" { return nil }
            return field
        }
        let trimmed = field.trimmedOfWhitespace()
        return trimmed.isEmpty || trimmed == "-0-" ? nil : trimmed
    }

    /// Parses a publication. Errors name the file and line.
    public static func parse(_ files: Files, badRows: BadRowPolicy = .fail) throws(InputError) -> Result {
        var reading = PublicationReading(badRows: badRows)
        try reading.readPrimary(files.primary)
        if let comments = files.comments { try reading.readComments(comments) }
        if let alt = files.alt { try reading.readAliases(alt) }
        if let add = files.add { try reading.readAddresses(add) }
        reading.addWeakAliases()
        return Result(entries: reading.entries, skipped: reading.skipped)
    }

    /// The state of one publication being read: its entries so far, and the rows skipped.
    private struct PublicationReading {
        let badRows: BadRowPolicy
        var entries: [OFACEntry] = []
        var position: [String: Int] = [:]
        var skipped: [InputError] = []

        init(badRows: BadRowPolicy) {
            self.badRows = badRows
        }

        /// A bad row: fails the parse, or is kept and skipped.
        mutating func handle(_ error: InputError) throws(InputError) {
            if case .fail = badRows { throw error }
            skipped.append(error)
        }

        /// The next record; a record that is bad as a whole (not UTF-8, a field too long) is handled as a bad row.
        mutating func nextRecord(_ reader: inout CSVReader) throws(InputError) -> CSVReader.Record? {
            while true {
                do {
                    return try reader.next()
                } catch  where error.code == .notUTF8 || error.code == .oversizeField || error.code == .invalidField {
                    try handle(error)
                }
            }
        }

        /// `sdn.csv` / `cons_prim.csv`: one entry a row.
        mutating func readPrimary(_ file: (name: String, bytes: [UInt8])) throws(InputError) {
            var reader = CSVReader(bytes: file.bytes, file: file.name)
            while let record = try nextRecord(&reader) {
                switch Self.entry(record, file: reader.file, known: position) {
                case .success(let entry):
                    position[entry.number] = entries.count
                    entries.append(entry)
                case .failure(let error):
                    try handle(error)
                }
            }
        }

        /// One primary row as an entry, or why it is bad.
        static func entry(_ record: CSVReader.Record, file: String, known: [String: Int])
            -> Swift.Result<OFACEntry, InputError>
        {
            guard record.fields.count == 12 else {
                return .failure(
                    InputError(
                        .malformedRow,
                        "expected 12 columns (ent_num, SDN_Name, SDN_Type, Program, Title, Call_Sign, Vess_type, "
                            + "Tonnage, GRT, Vess_flag, Vess_owner, Remarks), found \(record.fields.count)",
                        file: file, line: record.line))
            }
            let f = record.fields
            guard let number = value(f[0]), number.allSatisfy(\.isNumber) else {
                return .failure(
                    InputError(
                        .malformedRow, "ent_num '\(f[0])' is not a number", file: file, line: record.line,
                        field: "ent_num"))
            }
            guard let name = value(f[1]) else {
                return .failure(
                    InputError(
                        .malformedRow, "entry \(number) has no name", file: file, line: record.line, field: "SDN_Name"))
            }
            if known[number] != nil {
                return .failure(
                    InputError(
                        .malformedRow, "duplicate entry number \(number)", file: file, line: record.line,
                        field: "ent_num"))
            }
            let type: EntityType
            switch value(f[2])?.lowercased() {
            case nil: type = .entity
            case "individual": type = .individual
            case "vessel": type = .vessel
            case "aircraft": type = .aircraft
            case let other?:
                return .failure(
                    InputError(
                        .malformedRow, "unknown SDN_Type '\(other)'", file: file, line: record.line, field: "SDN_Type"))
            }
            var vessel: [String: String] = [:]
            for (key, index) in [
                ("callSign", 5), ("vesselType", 6), ("tonnage", 7), ("grt", 8), ("flag", 9), ("owner", 10),
            ] {
                if let text = value(f[index]) { vessel[key] = text }
            }
            return .success(
                OFACEntry(
                    number: number, name: name, type: type, programs: programs(value(f[3])), title: value(f[4]),
                    remarks: value(f[11]),
                    aliases: [], addresses: [], country: nil, vessel: vessel, file: file, line: record.line))
        }

        /// `sdn_comments.csv`: continuations of remarks cut at 1,000 characters.
        mutating func readComments(_ file: (name: String, bytes: [UInt8])) throws(InputError) {
            var reader = CSVReader(bytes: file.bytes, file: file.name)
            while let record = try nextRecord(&reader) {
                guard record.fields.count >= 2, let number = value(record.fields[0]) else {
                    try handle(
                        InputError(.malformedRow, "expected ent_num and remarks", file: reader.file, line: record.line))
                    continue
                }
                // A continuation for an entry not in this publication (the comments file is older or newer): ignored.
                guard let index = position[number],
                    let more = record.fields.dropFirst().joined(separator: ",").nonEmptyValue
                else { continue }
                entries[index].remarks = (entries[index].remarks ?? "") + more
            }
        }

        /// Each row of a companion file (`alt.csv`, `add.csv`) with at least `columns` fields whose
        /// entry the primary file has, with that entry's position; other rows are bad rows.
        mutating func forEachCompanionRow(
            _ file: (name: String, bytes: [UInt8]), columns: Int, described: String, what: String,
            _ body: (inout PublicationReading, [String], Int, CSVReader.Record, String) throws(InputError) -> Void
        ) throws(InputError) {
            var reader = CSVReader(bytes: file.bytes, file: file.name)
            while let record = try nextRecord(&reader) {
                guard record.fields.count >= columns else {
                    try handle(
                        InputError(
                            .malformedRow, "expected \(described), found \(record.fields.count)", file: reader.file,
                            line: record.line))
                    continue
                }
                let f = record.fields
                guard let number = value(f[0]), let index = position[number] else {
                    try handle(
                        InputError(
                            .malformedRow, "\(what) points to entry '\(f[0])', which the primary file does not have",
                            file: reader.file, line: record.line, field: "ent_num"))
                    continue
                }
                try body(&self, f, index, record, reader.file)
            }
        }

        /// `alt.csv`: aliases (a.k.a., f.k.a., n.k.a.).
        mutating func readAliases(_ file: (name: String, bytes: [UInt8])) throws(InputError) {
            let described = "5 columns (ent_num, alt_num, alt_type, alt_name, alt_remarks)"
            try forEachCompanionRow(file, columns: 4, described: described, what: "alias") {
                reading, f, index, record, name throws(InputError) in
                guard let alias = value(f[3]) else {
                    try reading.handle(
                        InputError(
                            .malformedRow, "alias of entry \(f[0]) has no name", file: name, line: record.line,
                            field: "alt_name"))
                    return
                }
                let kind: Alias.Kind
                switch value(f[2])?.lowercased().filter({ $0 != "." }) {
                case "aka", nil: kind = .aka
                case "fka": kind = .fka
                case "nka": kind = .nka
                case let other?:
                    try reading.handle(
                        InputError(
                            .malformedRow, "unknown alt_type '\(other)'", file: name, line: record.line,
                            field: "alt_type"))
                    return
                }
                reading.entries[index].aliases.append(
                    OFACEntry.AlternateName(number: value(f[1]), kind: kind, name: alias, weak: false))
            }
        }

        /// `add.csv`: addresses, and the country of the first one that states it.
        mutating func readAddresses(_ file: (name: String, bytes: [UInt8])) throws(InputError) {
            let described = "6 columns (ent_num, add_num, address, city/state/postal, country, add_remarks)"
            try forEachCompanionRow(file, columns: 5, described: described, what: "address") {
                reading, f, index, _, _ in
                let parts = [f[2], f[3], f[4]].compactMap(value)
                if !parts.isEmpty { reading.entries[index].addresses.append(parts.joined(separator: ", ")) }
                if reading.entries[index].country == nil, let country = value(f[4]) {
                    reading.entries[index].country = country
                }
            }
        }

        /// The weak aliases the remarks carry (`a.k.a. 'ABU AHMAD'`), kept as aliases marked weak.
        mutating func addWeakAliases() {
            for index in entries.indices {
                for weak in weakAliases(in: entries[index].remarks)
                where !entries[index].aliases.contains(where: { $0.name == weak }) {
                    entries[index].aliases.append(
                        OFACEntry.AlternateName(number: nil, kind: .aka, name: weak, weak: true))
                }
            }
        }
    }

    /// Programme tags from the Program column (`SDGT] [IFSR` → `["SDGT", "IFSR"]`).
    public static func programs(_ text: String?) -> [String] {
        guard let text else { return [] }
        return text.split(whereSeparator: { $0 == "]" || $0 == "[" }).map { $0.trimmedOfWhitespace() }.filter {
            !$0.isEmpty
        }
    }

    /// Weak (low-quality) aliases in the remarks: `a.k.a. 'X'`.
    public static func weakAliases(in remarks: String?) -> [String] {
        guard let remarks else { return [] }
        let bytes = Array(remarks.utf8)
        let marker = Array("a.k.a. '".utf8)
        var result: [String] = []
        var index = 0
        while index + marker.count <= bytes.count {
            guard bytes[index] == marker[0], bytes[index..<index + marker.count].elementsEqual(marker) else {
                index += 1
                continue
            }
            let start = index + marker.count
            guard let end = bytes[start...].firstIndex(of: UInt8(ascii: "'")) else { break }
            let name = String(decoding: bytes[start..<end], as: UTF8.self).trimmedOfWhitespace()
            if !name.isEmpty { result.append(name) }
            index = end + 1
        }
        return result
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces, tabs and line breaks.
    func trimmedOfWhitespace() -> String {
        if self.utf8.allSatisfy({ $0 < 0x80 }) {
            let bytes = Array(self.utf8)
            var start = 0
            var end = bytes.count
            func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) }
            while start < end, isSpace(bytes[start]) { start += 1 }
            while end > start, isSpace(bytes[end - 1]) { end -= 1 }
            return String(decoding: bytes[start..<end], as: UTF8.self)
        }
        let scalars = unicodeScalars
        var start = scalars.startIndex
        var end = scalars.endIndex
        while start < end, scalars[start].properties.isWhitespace { start = scalars.index(after: start) }
        while end > start, scalars[scalars.index(before: end)].properties.isWhitespace {
            end = scalars.index(before: end)
        }
        return String(String.UnicodeScalarView(scalars[start..<end]))
    }

    var nonEmptyValue: String? { OFACCSVParser.value(String(self)) }
}
