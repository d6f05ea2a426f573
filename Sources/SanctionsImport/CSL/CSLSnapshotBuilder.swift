import Foundation
public import SanctionsCore

/// Turns CSL rows into a ``ListSnapshot`` of the regimes a source mapping manages, with each row's
/// Federal Register notice as its source and its start date as the listing date.
public enum CSLSnapshotBuilder {
    /// The snapshot and, per entry key, the source its events cite.
    public static func build(
        _ rows: [CSLParser.Row], source: String, map: ProgramRegimeMap, published: LedgerTime, file: String
    ) throws(InputError) -> ListSnapshot {
        guard let mapping = map.sources[source] else {
            throw InputError(.invalidField, "program-regimes.json has no '\(source)' source", file: file)
        }
        var entries: [ListSnapshot.Entry] = []
        for row in rows {
            guard let regime = mapping.programs[row["source"]] else { continue }
            entries.append(entry(row, regime: regime, source: source, published: published, file: file))
        }
        let dpl = source == "bis-dpl"
        return ListSnapshot(
            source: source, regimes: Set(mapping.programs.values), published: published, effective: published,
            coverage: ListSnapshot.Coverage(aliases: true, addresses: true), entries: entries,
            citation: dpl
                ? "BIS Denied Persons List (dpl.txt) of \(published.dayString)"
                : "Consolidated Screening List (trade.gov) of \(published.dayString)",
            title: dpl ? "Denied Persons List, tab-separated export" : "Consolidated Screening List, CSV export",
            url: dpl ? "https://www.bis.doc.gov/dpl/dpl.txt" : "https://www.trade.gov/consolidated-screening-list",
            authority: dpl ? "BIS" : "ITA (trade.gov), compiling the lists of BIS, State and Treasury")
    }

    /// The row's details as listed: names, addresses, country, type, keys, programmes, licence
    /// terms, and remarks followed by `statements` (the directives and CMIC dates its `ids` state).
    static func details(_ row: CSLParser.Row, source: String, statements: [String]) -> DesignationDetails {
        var details = DesignationDetails(name: row["name"])
        let aliases = CSLParser.split(row["alt_names"]).filter { NameKey.make($0) != NameKey.make(row["name"]) }
        if !aliases.isEmpty { details.aliases = aliases.map { Alias($0) } }
        let addresses = CSLParser.split(row["addresses"])
        if !addresses.isEmpty { details.addresses = addresses }
        if let last = addresses.first?.split(separator: ",").last?.trimmedOfWhitespace(), last.count == 2,
            last.uppercased() == last
        {
            details.country = last
        }
        switch row["type"].lowercased() {
        case "individual": details.entityType = .individual
        case "vessel": details.entityType = .vessel
        case "aircraft": details.entityType = .aircraft
        default: details.entityType = .entity
        }
        var identifiers = [Identifier(type: IdentifierKind.rowKey(ofSource: source), value: row["_id"])]
        if !row["entity_number"].isEmpty {
            identifiers.append(
                Identifier(
                    type: source == "csl-ofac" ? IdentifierKind.ofacEntryNumber : IdentifierKind.cslEntityNumber,
                    value: row["entity_number"]))
        }
        details.identifiers = identifiers
        let programs = CSLParser.split(row["programs"])
        if !programs.isEmpty { details.programs = programs }
        if !row["license_requirement"].isEmpty || !row["license_policy"].isEmpty {
            details.license = LicenseTerms(
                requirement: row["license_requirement"].isEmpty ? nil : row["license_requirement"],
                policy: row["license_policy"].isEmpty ? nil : row["license_policy"])
        }
        let remarks = ([row["remarks"]] + statements).filter { !$0.isEmpty }
        if !remarks.isEmpty { details.remarks = remarks.joined(separator: "; ") }
        return details
    }

    /// One row as a snapshot entry: names, addresses, country, type, keys, programmes, licence terms,
    /// the notice it cites, its start date and (as the `ends` milestone) its end date.
    static func entry(
        _ row: CSLParser.Row, regime: RegimeID, source: String, published: LedgerTime, file: String
    ) -> ListSnapshot.Entry {
        let statements = directiveStatements(row["ids"])
        var details = Self.details(row, source: source, statements: statements)
        let notices = row["federal_register_notice"]
        let citation =
            notices.isEmpty
            ? nil : (CSLParser.split(notices).first.map { $0.components(separatedBy: ",").first ?? $0 } ?? notices)
        var notes: [String] = []
        func usable(_ column: String) -> LedgerTime? {
            guard let date = CSLParser.date(row[column]) else {
                if !row[column].isEmpty {
                    notes.append(
                        "\(column) '\(row[column])' in the CSL (line \(row.line)) is not a date and was not used")
                }
                return nil
            }
            guard date >= EventValidator.earliestDate, column == "end_date" || date <= published else {
                notes.append("\(column) \(date) in the CSL (line \(row.line)) is impossible and was not used")
                return nil
            }
            return date
        }
        let cmic = OFACSnapshotBuilder.cmicDates(statements.joined(separator: "; "))
        let start = cmic.listing ?? usable("start_date")
        let end = usable("end_date")
        var milestones = cmic.milestones
        if start == nil, source == "csl-ofac" {
            // OFAC's lists in the CSL state their dates only in the ids column: without one, no
            // window (60 days to the purchase ban, 365 to divest) may be counted from the CSL's date.
            milestones[DesignationDetails.undatedMilestone] = published
        }
        if !milestones.isEmpty { details.milestones = milestones }
        if let end, end > (start ?? published) {
            // The listing states its end (a denial order's expiry): the designation ends then unless
            // a later list ends it sooner or extends it.
            details.milestones = (details.milestones ?? [:]).merging([DesignationDetails.endsMilestone: end]) {
                _, new in new
            }
        }
        if start == nil, row["start_date"].isEmpty {
            notes.append("the CSL gives no start date: dated to the list's date")
        }
        var entry = ListSnapshot.Entry(
            key: row["_id"] + "@" + regime.rawValue, regime: regime, details: details, listedEffective: start,
            endsEffective: end, file: file, line: row.line,
            source: citation.map {
                Source(
                    citation: $0.trimmedOfWhitespace(),
                    title:
                        "Federal Register notice (as cited by the Consolidated Screening List of "
                        + "\(published.dayString))",
                    url: row["source_list_url"].isEmpty ? nil : row["source_list_url"], authority: row["source"])
            })
        entry.note = notes.isEmpty ? nil : notes.joined(separator: "; ")
        return entry
    }

    /// The items of a row's `ids` column that state a directive or a CMIC date, as OFAC's own files
    /// write them in remarks ("Listing Date (CMIC) 03 Jun 2021", "Executive Order 14024 Directive
    /// Information Subject to Directive 4 - ..."): the CSL writes them as "value, label".
    static func directiveStatements(_ ids: String) -> [String] {
        ids.components(separatedBy: "; ").compactMap { item in
            guard let comma = item.range(of: ", ", options: .backwards) else { return nil }
            var label = String(item[comma.upperBound...]).trimmedOfWhitespace()
            guard label.contains("Directive Information") || label.hasSuffix("(CMIC)") else { return nil }
            while let last = label.last, last == ":" || last == "-" || last == " " { label.removeLast() }
            return label + " " + item[..<comma.lowerBound].trimmedOfWhitespace()
        }
    }
}
