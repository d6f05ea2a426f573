import Foundation

/// Importing trade.gov's Consolidated Screening List, linked to the parties the ledger already has.
extension Ledger {
    /// Reads a CSL CSV (`.csv` or `.csv.gz`) into a snapshot of `source` (`csl`: the BIS and State
    /// lists; `csl-ofac`: OFAC's lists as the CSL carries them).
    public func readCSLSnapshot(path: String, source: String = "csl", published: LedgerTime, skipBadRows: Bool = false) throws -> (snapshot: ListSnapshot, skipped: [InputError]) {
        let bytes = try Self.readBytes(path)
        let (rows, skipped) = try CSLParser.parse(bytes, file: path, skipBadRows: skipBadRows)
        let snapshot = try CSLSnapshotBuilder.build(rows, source: source, map: try Self.programRegimeMap(), published: published, file: path)
        let declared = Set(try database.regimes().map(\.id))
        let undeclared = snapshot.regimes.filter { !declared.contains($0) }
        if !undeclared.isEmpty {
            throw InputError(.unknownRegime, "the list maps entries to undeclared regimes: \(undeclared.map(\.rawValue).sorted().joined(separator: ", "))", file: path)
        }
        return (snapshot, skipped)
    }

    /// A readable, stable slug for a new party from a list entry: its name and a short key.
    static func slug(name: String, key: String) -> PartyID {
        let words = NameKey.make(name).split(separator: " ").prefix(6).joined(separator: "-")
        let short = String(key.prefix(8)).lowercased().filter { $0.isLetter || $0.isNumber }
        return PartyID("csl-" + String(words.prefix(60)) + (short.isEmpty ? "" : "-" + short))
    }

    /// The linking rule for a list without OFAC entry numbers: a designation the ledger already has
    /// is the same party as an entry when it is on the same regime, shares a name or alias with it
    /// (case and punctuation folded), and has the same country (or one of them states none). All
    /// entries that link to one designation are merged into one (the CSL lists Huawei's main entry in
    /// three rows). A designation already imported from the list carries its `csl-id` identifier.
    /// Designations that neither carry a `csl-id` nor link stay as they are (they are not managed).
    func linkCSL(_ snapshot: inout ListSnapshot, at instant: LedgerTime) throws -> (current: [String: SnapshotDiffer.Current], otherRegimes: [PartyID: [RegimeID]], linked: Int) {
        var current: [String: SnapshotDiffer.Current] = [:]
        var otherRegimes: [PartyID: [RegimeID]] = [:]
        var byNameKey: [String: [Int]] = [:]
        for (index, entry) in snapshot.entries.enumerated() {
            let names = [entry.details.name ?? ""] + (entry.details.aliases ?? []).map(\.name)
            for key in Set(names.map(NameKey.make)) where !key.isEmpty { byNameKey[entry.regime.rawValue + "|" + key, default: []].append(index) }
        }
        let keyIndex = Dictionary(snapshot.entries.enumerated().map { ($1.key, $0) }, uniquingKeysWith: { first, _ in first })
        var removed = Set<Int>()
        var linked = 0
        for view in try database.designations(asOf: AsOf(on: instant)) {
            guard snapshot.regimes.contains(view.regime) else {
                otherRegimes[view.party, default: []].append(view.regime)
                continue
            }
            let aliases = view.aliases.map { Alias($0.name, kind: Alias.Kind(rawValue: $0.kind.rawValue) ?? .aka, weak: $0.weak) }
            let existing = SnapshotDiffer.Current(party: view.party, regime: view.regime, details: view.segment.details, aliases: aliases)
            // The entries of this designation: those it was imported from (its csl-ids), else those its names link to.
            let ids = (view.segment.details.identifiers ?? []).filter { $0.type == "csl-id" }.map { $0.value + "@" + view.regime.rawValue }
            var matches: Set<Int>
            if !ids.isEmpty {
                matches = Set(ids.compactMap { keyIndex[$0] })
                if matches.isEmpty {
                    current[ids[0]] = existing  // no longer on the list: the differ delists it
                    continue
                }
            } else {
                matches = Set(view.names.map(\.name).flatMap { byNameKey[view.regime.rawValue + "|" + NameKey.make($0)] ?? [] }).filter { index in
                    let country = snapshot.entries[index].details.country
                    return country == nil || view.segment.details.country == nil || country == view.segment.details.country
                }
            }
            matches = matches.filter { !removed.contains($0) }
            guard let base = matches.min() else { continue }
            // Merge every linked entry into the first one, in file order (the same result on every import).
            var merged = snapshot.entries[base]
            var identifiers = merged.details.identifiers ?? []
            for other in matches.sorted() where other != base {
                let entry = snapshot.entries[other]
                var known = Set(((merged.details.aliases ?? []).map(\.name) + [merged.details.name ?? ""]).map(NameKey.make))
                for name in [entry.details.name ?? ""] + (entry.details.aliases ?? []).map(\.name) where !name.isEmpty && known.insert(NameKey.make(name)).inserted {
                    merged.details.aliases = (merged.details.aliases ?? []) + [Alias(name)]
                }
                var addresses = merged.details.addresses ?? []
                for address in entry.details.addresses ?? [] where !addresses.contains(address) { addresses.append(address) }
                merged.details.addresses = addresses.isEmpty ? nil : addresses
                identifiers += (entry.details.identifiers ?? []).filter { $0.type == "csl-id" }
                removed.insert(other)
            }
            merged.details.identifiers = identifiers
            // A designation linked by name keeps its own name: the list's name becomes an alias when different.
            if let listed = view.segment.details.name, NameKey.make(listed) != NameKey.make(merged.details.name ?? "") {
                let listName = merged.details.name ?? ""
                merged.details.name = listed
                if !(merged.details.aliases ?? []).contains(where: { NameKey.make($0.name) == NameKey.make(listName) }) {
                    merged.details.aliases = (merged.details.aliases ?? []) + [Alias(listName)]
                }
                merged.details.aliases = merged.details.aliases?.filter { NameKey.make($0.name) != NameKey.make(listed) }
            }
            snapshot.entries[base] = merged
            current[merged.key] = existing
            linked += 1
        }
        snapshot.entries = snapshot.entries.enumerated().filter { !removed.contains($0.offset) }.map(\.element)
        return (current, otherRegimes, linked)
    }

    /// Imports a CSL snapshot, linked to the ledger's parties (see ``linkCSL(_:at:)``).
    @discardableResult
    public func importCSLSnapshot(_ snapshot: ListSnapshot, dryRun: Bool = false, removalGuard: RemovalGuard = .standard) throws -> (report: AppendReport, linked: Int) {
        if let last = try lastSnapshotTime(source: snapshot.source), snapshot.effective < last {
            throw InputError(.inconsistentHistory, "this snapshot (\(snapshot.effective)) is older than the last \(snapshot.source) snapshot in the ledger (\(last)); import snapshots in time order")
        }
        var linkedSnapshot = snapshot
        let (current, otherRegimes, linked) = try linkCSL(&linkedSnapshot, at: snapshot.effective)
        try removalGuard.check(linkedSnapshot, current: Set(current.keys))
        let names = Dictionary(linkedSnapshot.entries.map { ($0.key, $0.details.name ?? "") }, uniquingKeysWith: { first, _ in first })
        let events = SnapshotDiffer.events(linkedSnapshot, current: current, party: { Self.slug(name: names[$0] ?? $0, key: $0) },
                                           otherRegimes: { otherRegimes[$0] ?? [] })
        return (try database.append(events, dryRun: dryRun), linked)
    }
}
