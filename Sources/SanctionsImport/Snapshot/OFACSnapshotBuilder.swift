import Foundation
public import SanctionsCore

/// Turns parsed OFAC entries into a ``ListSnapshot``: regimes by programme, details, and the CMIC
/// dates stated in the remarks.
public enum OFACSnapshotBuilder {
    /// The file a publication was read from, in which format, and which parts of an entry it carries.
    public struct Publication: Sendable {
        public enum Format: Sendable {
            /// `sdn.csv` / `cons_prim.csv` with their companions.
            case legacyCSV
            /// `SDN_ENHANCED.XML` / `CONS_ENHANCED.XML`.
            case enhancedXML
            /// A third party's JSON derived from `SDN.CSV` and `ALT.CSV`.
            case derivedJSON
        }

        public var file: String
        public var format: Format
        public var coverage: ListSnapshot.Coverage

        public init(file: String, format: Format, coverage: ListSnapshot.Coverage) {
            self.file = file
            self.format = format
            self.coverage = coverage
        }

        /// The legacy CSV files of one publication (aliases and addresses are covered when alt and add are there).
        public init(_ files: OFACCSVParser.Files) {
            self.init(
                file: files.primary.name, format: .legacyCSV,
                coverage: ListSnapshot.Coverage(aliases: files.alt != nil, addresses: files.add != nil))
        }
    }

    /// Builds a snapshot. Entries whose programmes map to no regime are an error naming the entry.
    public static func build(
        _ parsedEntries: [OFACEntry], source: String, publication: Publication, published: LedgerTime,
        effective: LedgerTime?,
        map: ProgramRegimeMap, severity: (RegimeID) -> Int
    ) throws(InputError) -> ListSnapshot {
        var entries: [ListSnapshot.Entry] = []
        entries.reserveCapacity(parsedEntries.count)
        var regimes = map.sources[source]?.managedRegimes ?? []
        for entry in parsedEntries {
            guard let regime = map.regime(source: source, programs: entry.programs, severity: severity) else {
                throw InputError(
                    .invalidField,
                    "entry \(entry.number) has programmes \(entry.programs.joined(separator: ", ")), none of which "
                        + "program-regimes.json maps to a regime for \(source)",
                    file: entry.file, line: entry.line, field: "Program")
            }
            regimes.insert(regime)
            var details = DesignationDetails(
                name: entry.name,
                aliases: entry.aliases.map { Alias($0.name, kind: $0.kind, weak: $0.weak) },
                addresses: entry.addresses, country: entry.country, entityType: entry.type,
                identifiers: [Identifier(type: IdentifierKind.ofacEntryNumber, value: entry.number)],
                programs: entry.programs, remarks: entry.remarks)
            // The date the entry joined its regime's list, when the file states it (Enhanced XML).
            var listedEffective = map.sources[source]?.lists.filter { $0.value == regime }.keys.sorted()
                .compactMap { entry.listDates[$0] }.first.flatMap { $0 <= published ? $0 : nil }
            if let remarks = entry.remarks, remarks.utf8.contains(UInt8(ascii: "(")), remarks.contains("(CMIC)") {
                let dates = cmicDates(remarks)
                listedEffective = dates.listing ?? listedEffective
                if !dates.milestones.isEmpty { details.milestones = dates.milestones }
            }
            entries.append(
                ListSnapshot.Entry(
                    key: entry.number, regime: regime, details: details, listedEffective: listedEffective,
                    file: entry.file, line: entry.line))
        }
        let fileName = publication.file.split(separator: "/").last.map(String.init) ?? publication.file
        let isSDN = source == "ofac-sdn"
        let format: String
        let url: String
        switch publication.format {
        case .legacyCSV:
            format = "legacy CSV"
            url =
                isSDN
                ? "https://www.treasury.gov/ofac/downloads/sdn.csv"
                : "https://www.treasury.gov/ofac/downloads/consolidated/cons_prim.csv"
        case .enhancedXML:
            format = "Enhanced XML"
            url =
                "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/"
                + (isSDN ? "SDN_ENHANCED.ZIP" : "CONS_ENHANCED.ZIP")
        case .derivedJSON:
            format = "JSON derived from SDN.CSV and ALT.CSV by a third party (names, types, programmes, aliases only)"
            url = "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/SDN.CSV"
        }
        return ListSnapshot(
            source: source, regimes: regimes, published: published, effective: effective ?? published,
            coverage: publication.coverage, entries: entries,
            citation: "\(isSDN ? "OFAC SDN list" : "OFAC consolidated (non-SDN) list") (\(fileName)) of \(published)",
            title: isSDN
                ? "OFAC Specially Designated Nationals list, \(format)"
                : "OFAC Consolidated Sanctions List (non-SDN), \(format)",
            url: url, authority: "OFAC")
    }

    /// The dates an NS-CMIC entry states.
    public struct CMICDates: Sendable, Hashable {
        /// "Listing Date (CMIC)": the listing's date.
        public var listing: LedgerTime?
        /// "Effective Date (CMIC)": purchases prohibited from then.
        public var effective: LedgerTime?
        /// "Purchase/Sales For Divestment Date (CMIC)": divestment permitted until then.
        public var divestment: LedgerTime?

        /// The listing milestones the NS-CMIC rules refer to (`purchase-prohibited`, `divestment-ends`).
        public var milestones: [String: LedgerTime] {
            var milestones: [String: LedgerTime] = [:]
            if let effective { milestones["purchase-prohibited"] = effective }
            if let divestment { milestones["divestment-ends"] = divestment }
            return milestones
        }
    }

    /// The CMIC dates in remarks: "Listing Date (CMIC) 03 Jun 2021; Effective Date (CMIC) 02 Aug 2021;
    /// Purchase/Sales For Divestment Date (CMIC) 03 Jun 2022".
    public static func cmicDates(_ remarks: String) -> CMICDates {
        func date(after label: String) -> LedgerTime? {
            guard let range = remarks.range(of: label + " ") else { return nil }
            let rest = remarks[range.upperBound...].prefix(11)
            let parts = rest.split(separator: " ")
            guard parts.count == 3, let day = Int(parts[0]), let year = Int(parts[2].prefix(4)) else { return nil }
            let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
            guard let month = months.firstIndex(of: parts[1].lowercased()) else { return nil }
            return try? LedgerTime(year: year, month: month + 1, day: day)
        }
        return CMICDates(
            listing: date(after: "Listing Date (CMIC)"), effective: date(after: "Effective Date (CMIC)"),
            divestment: date(after: "Purchase/Sales For Divestment Date (CMIC)"))
    }
}
