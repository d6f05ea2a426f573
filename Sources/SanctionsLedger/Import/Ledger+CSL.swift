import Foundation
public import SanctionsCore
public import SanctionsImport
public import SanctionsScreening
package import SanctionsStore

/// Importing trade.gov's Consolidated Screening List, linked to the parties the ledger already has.
extension Ledger {
    /// Reads a CSL CSV (`.csv` or `.csv.gz`) into a snapshot of `source` (`csl`: the BIS and State
    /// lists; `csl-ofac`: OFAC's lists as the CSL carries them).
    package func readCSLSnapshot(
        path: String, source: String = "csl", published: LedgerTime, skipBadRows: Bool = false,
        limits: InputLimits = .standard
    ) throws -> (snapshot: ListSnapshot, skipped: [InputError]) {
        let bytes = try Self.readBytes(path, limits: limits)
        let (rows, skipped) = try CSLParser.parse(bytes, file: path, skipBadRows: skipBadRows)
        var snapshot = try CSLSnapshotBuilder.build(
            rows, source: source, map: try Self.programRegimeMap(), published: published, file: path)
        snapshot.file = (path as NSString).lastPathComponent
        snapshot.sha256 = ChainHash.hex(ChainHash.sha256(bytes))
        let declared = Set(try database.regimes().map(\.id))
        let undeclared = snapshot.regimes.filter { !declared.contains($0) }
        if !undeclared.isEmpty {
            throw InputError(
                .unknownRegime,
                "the list maps entries to undeclared regimes: "
                    + "\(undeclared.map(\.rawValue).sorted().joined(separator: ", "))",
                file: path)
        }
        return (snapshot, skipped)
    }

    /// Reads BIS's Denied Persons List file (`dpl.txt`) into a snapshot of `bis-dpl`.
    package func readDPLSnapshot(path: String, published: LedgerTime, limits: InputLimits = .standard) throws
        -> ListSnapshot
    {
        let bytes = try Self.readBytes(path, limits: limits)
        let rows = try DPLParser.parse(bytes, file: path)
        var snapshot = try CSLSnapshotBuilder.build(
            rows, source: "bis-dpl", map: try Self.programRegimeMap(), published: published, file: path)
        snapshot.file = (path as NSString).lastPathComponent
        snapshot.sha256 = ChainHash.hex(ChainHash.sha256(bytes))
        return snapshot
    }

    /// A readable, stable slug for a new party from a list entry: its name and a short key.
    static func slug(name: String, key: String) -> PartyID {
        let words = NameKey.make(name).split(separator: " ").prefix(6).joined(separator: "-")
        if key.hasPrefix("dpl-") {
            // A denial order's key ends with its effective date: one party per order.
            let date = key.split(separator: "@").first.map { String($0.suffix(10)).filter(\.isNumber) } ?? ""
            return PartyID("dpl-" + String(words.prefix(60)) + (date.isEmpty ? "" : "-" + date))
        }
        let short = String(key.prefix(8)).lowercased().filter { $0.isLetter || $0.isNumber }
        return PartyID("csl-" + String(words.prefix(60)) + (short.isEmpty ? "" : "-" + short))
    }

    /// How the entries of a CSL snapshot are linked to the designations the ledger holds:
    ///
    /// - A designation already imported from the list carries its `csl-id`: it is linked to the
    ///   rows with those ids.
    /// - A designation with an OFAC entry number is linked to the rows with the same number and
    ///   never to a row with another; when it carries no `csl-id`, OFAC's own files manage it
    ///   (the source of record), so its rows write nothing and it is never delisted here.
    /// - Any other designation is linked by name: same regime, a shared name or alias (case and
    ///   punctuation folded), the same country (or one of them states none). All rows that link to
    ///   one designation are merged into one (the CSL lists Huawei's main entry in three rows), but
    ///   rows with different OFAC entry numbers are never merged.
    /// - A designation linked by name keeps its own listed name; the list's becomes an alias.
    /// - Designations that neither carry a `csl-id` nor link stay as they are (not managed).
    static func linkCSL(_ snapshot: inout ListSnapshot, reader: LedgerReader, at instant: LedgerTime) throws -> (
        current: [String: SnapshotDiffer.Current], otherRegimes: [PartyID: [RegimeID]], linked: Int
    ) {
        var current: [String: SnapshotDiffer.Current] = [:]
        var otherRegimes: [PartyID: [RegimeID]] = [:]
        let keyKind = IdentifierKind.rowKey(ofSource: snapshot.source)
        let (byNameKey, byEntryNumber) = rowIndexes(snapshot)
        let keyIndex = Dictionary(
            snapshot.entries.enumerated().map { ($1.key, $0) }, uniquingKeysWith: { first, _ in first })
        var used = Set<Int>()
        var unmanaged = Set<Int>()
        var linked = 0
        for view in try reader.designations(asOf: AsOf(on: instant)) {
            guard snapshot.regimes.contains(view.regime) else {
                otherRegimes[view.party, default: []].append(view.regime)
                continue
            }
            let aliases = view.aliases.map {
                Alias($0.name, kind: Alias.Kind(rawValue: $0.kind.rawValue) ?? .aka, weak: $0.weak)
            }
            let existing = SnapshotDiffer.Current(
                party: view.party, regime: view.regime, details: view.segment.details, aliases: aliases,
                listingEvent: view.segment.listingEvent)
            let ids = (view.segment.details.identifiers ?? []).filter { $0.type == keyKind }.map {
                $0.value + "@" + view.regime.rawValue
            }
            let number = entryNumber(view.segment.details)
            let sameNumber = Set(number.map { byEntryNumber[view.regime.rawValue + "|" + $0] ?? [] } ?? [])
            var matches: Set<Int>
            if !ids.isEmpty {
                matches = Set(ids.compactMap { keyIndex[$0] })
                if matches.isEmpty { matches = sameNumber }
                if matches.isEmpty {
                    current[ids[0]] = existing  // no longer on the list: the differ delists it
                    continue
                }
            } else if number != nil {
                // OFAC's own files manage this designation: the rows that carry its number are
                // accounted for, and nothing is written for them.
                let rows = sameNumber.subtracting(used)
                if !rows.isEmpty {
                    unmanaged.formUnion(rows)
                    used.formUnion(rows)
                    linked += 1
                }
                continue
            } else {
                matches = Set(
                    view.names.map(\.name).flatMap { byNameKey[view.regime.rawValue + "|" + NameKey.make($0)] ?? [] }
                ).filter { index in
                    let country = snapshot.entries[index].details.country
                    return country == nil || view.segment.details.country == nil
                        || country == view.segment.details.country
                }
            }
            matches.subtract(used)
            guard let base = matches.min() else { continue }
            // Rows with another OFAC entry number than the first one's are other persons.
            let baseNumber = entryNumber(snapshot.entries[base].details)
            matches = matches.filter { entryNumber(snapshot.entries[$0].details) == baseNumber }
            used.formUnion(matches)
            var merged = merge(
                matches.sorted().map { snapshot.entries[$0] }, keyKind: keyKind,
                keepingName: ids.isEmpty ? view.segment.details.name : nil)
            keepOtherListsKeys(&merged, of: view.segment.details, keyKind: keyKind)
            for other in matches where other != base { unmanaged.insert(other) }
            snapshot.entries[base] = merged
            current[merged.key] = existing
            linked += 1
        }
        snapshot.entries = snapshot.entries.enumerated().filter { !unmanaged.contains($0.offset) }.map(\.element)
        return (current, otherRegimes, linked)
    }

    /// The rows of a snapshot by regime and name key, and by regime and OFAC entry number.
    private static func rowIndexes(_ snapshot: ListSnapshot) -> (
        byNameKey: [String: [Int]], byEntryNumber: [String: [Int]]
    ) {
        var byNameKey: [String: [Int]] = [:]
        var byEntryNumber: [String: [Int]] = [:]
        for (index, entry) in snapshot.entries.enumerated() {
            let names = [entry.details.name ?? ""] + (entry.details.aliases ?? []).map(\.name)
            for key in Set(names.map(NameKey.make)) where !key.isEmpty {
                byNameKey[entry.regime.rawValue + "|" + key, default: []].append(index)
            }
            if let number = entryNumber(entry.details) {
                byEntryNumber[entry.regime.rawValue + "|" + number, default: []].append(index)
            }
        }
        return (byNameKey, byEntryNumber)
    }

    /// The keys another list (the CSL, the DPL file) gave the designation stay with it.
    private static func keepOtherListsKeys(
        _ merged: inout ListSnapshot.Entry, of existing: DesignationDetails, keyKind: String
    ) {
        let otherKeys = (existing.identifiers ?? []).filter {
            $0.type != keyKind && ($0.type == IdentifierKind.cslID || $0.type == IdentifierKind.dplKey)
        }
        guard !otherKeys.isEmpty else { return }
        merged.details.identifiers = ((merged.details.identifiers ?? []) + otherKeys).sorted {
            ($0.type, $0.value) < ($1.type, $1.value)
        }
    }

    /// The OFAC entry number a row or designation carries, if any.
    private static func entryNumber(_ details: DesignationDetails) -> String? {
        details.identifiers?.first { $0.type == IdentifierKind.ofacEntryNumber }?.value
    }

    /// The rows of one designation merged into the first (in file order, so that every import
    /// gives the same result): the others' names become aliases, their addresses and CSL ids are
    /// added. With `keepingName`, the designation keeps that listed name and the list's own name
    /// becomes an alias.
    private static func merge(_ rows: [ListSnapshot.Entry], keyKind: String, keepingName listed: String?)
        -> ListSnapshot.Entry
    {
        var merged = rows[0]
        var identifiers = merged.details.identifiers ?? []
        for entry in rows.dropFirst() {
            var known = Set(
                ((merged.details.aliases ?? []).map(\.name) + [merged.details.name ?? ""]).map(NameKey.make))
            for name in [entry.details.name ?? ""] + (entry.details.aliases ?? []).map(\.name)
            where !name.isEmpty && known.insert(NameKey.make(name)).inserted {
                merged.details.aliases = (merged.details.aliases ?? []) + [Alias(name)]
            }
            var addresses = merged.details.addresses ?? []
            for address in entry.details.addresses ?? [] where !addresses.contains(address) {
                addresses.append(address)
            }
            merged.details.addresses = addresses.isEmpty ? nil : addresses
            identifiers += (entry.details.identifiers ?? []).filter { $0.type == keyKind }
        }
        merged.details.identifiers = identifiers
        if let listed, listed != merged.details.name {
            let listName = merged.details.name ?? ""
            merged.details.name = listed
            if NameKey.make(listName) != NameKey.make(listed),
                !(merged.details.aliases ?? []).contains(where: { NameKey.make($0.name) == NameKey.make(listName) })
            {
                merged.details.aliases = (merged.details.aliases ?? []) + [Alias(listName)]
            }
            merged.details.aliases = merged.details.aliases?.filter { NameKey.make($0.name) != NameKey.make(listed) }
        }
        return merged
    }

    /// Imports a CSL snapshot, linked to the ledger's parties (see ``linkCSL(_:reader:at:)``), and
    /// its observations. The order check, the links, the removal guard and the diff are decided
    /// inside the write transaction.
    @discardableResult
    package func importCSLSnapshot(
        _ snapshot: ListSnapshot, dryRun: Bool = false, removalGuard: RemovalGuard = .standard
    ) throws -> (report: AppendReport, linked: Int) {
        var linkedCount = 0
        let report = try database.appendDecided(dryRun: dryRun) { reader in
            let observed = try reader.publications(list: snapshot.source)
            guard try PublicationOrder.check(snapshot, observed: observed) == .new else { return [] }
            let dating = PublicationOrder.dating(snapshot, observed: observed)
            try PublicationOrder.requireRules(snapshot, reader: reader)
            var linkedSnapshot = snapshot
            let (current, otherRegimes, linked) = try Self.linkCSL(
                &linkedSnapshot, reader: reader, at: snapshot.effective)
            linkedCount = linked
            try removalGuard.check(linkedSnapshot, current: Set(current.keys))
            let names = Dictionary(
                linkedSnapshot.entries.map { ($0.key, $0.details.name ?? "") }, uniquingKeysWith: { first, _ in first })
            let severities = Dictionary(
                try reader.regimes().map { ($0.id, $0.severity) }, uniquingKeysWith: { first, _ in first })
            return SnapshotDiffer.events(
                linkedSnapshot, current: current, party: { Self.slug(name: names[$0] ?? $0, key: $0) },
                otherRegimes: { otherRegimes[$0] ?? [] }, severity: { severities[$0] ?? 0 }, dating: dating)
                + snapshot.observationEvents(after: dating.after)
        }
        return (report, linkedCount)
    }
}
