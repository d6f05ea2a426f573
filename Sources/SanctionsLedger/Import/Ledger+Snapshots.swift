import Foundation
public import SanctionsCore
import SanctionsDefaultEvents
import SanctionsEmbedding
public import SanctionsImport
public import SanctionsScreening
package import SanctionsStore

/// Importing published list files as snapshots: the events that explain each difference.
extension Ledger {
    /// The programme-to-regime mapping shipped in `Events/program-regimes.json`.
    package static func programRegimeMap() throws -> ProgramRegimeMap {
        let file = try DefaultEvents.programRegimes()
        let path = "Events/" + file.name
        let json: JSONValue
        do { json = try JSONParser.parse(file.bytes) } catch {
            throw InputError(.malformedJSON, "\(error)", file: path)
        }
        return try ProgramRegimeMap(json: json, file: path)
    }

    /// The regimes a source manages (every regime its mapping names).
    func managedRegimes(_ source: String, map: ProgramRegimeMap) -> Set<RegimeID> {
        map.sources[source]?.managedRegimes ?? []
    }

    /// Reads an OFAC legacy CSV publication from `folder` into a snapshot of `source`. Without a
    /// source, the files decide (`sdn.csv`: `ofac-sdn`, `cons_prim.csv`: `ofac-consolidated`); a
    /// source that contradicts the files is refused.
    package func readOFACSnapshot(
        folder: String, source: String?, published: LedgerTime, effective: LedgerTime?, skipBadRows: Bool = false,
        limits: InputLimits = .standard
    ) throws -> (snapshot: ListSnapshot, skipped: [InputError]) {
        let files = try OFACCSVParser.readFolder(folder, limits: limits)
        let source = try OFACFileKind.source(of: files.primary.name, requested: source)
        return try buildOFACSnapshot(
            files: files, source: source, published: published, effective: effective, skipBadRows: skipBadRows)
    }

    /// Builds a snapshot from already read files.
    package func buildOFACSnapshot(
        files: OFACCSVParser.Files, source: String, published: LedgerTime, effective: LedgerTime?,
        skipBadRows: Bool = false
    ) throws -> (snapshot: ListSnapshot, skipped: [InputError]) {
        let severities = Dictionary(
            try database.regimes().map { ($0.id, $0.severity) }, uniquingKeysWith: { first, _ in first })
        return try buildOFACSnapshot(
            files: files, source: source, published: published, effective: effective, skipBadRows: skipBadRows,
            map: try Self.programRegimeMap(), severities: severities)
    }

    func buildOFACSnapshot(
        files: OFACCSVParser.Files, source: String, published: LedgerTime, effective: LedgerTime?,
        skipBadRows: Bool = false,
        map: ProgramRegimeMap, severities: [RegimeID: Int]
    ) throws -> (snapshot: ListSnapshot, skipped: [InputError]) {
        let parsed = try OFACCSVParser.parse(files, badRows: skipBadRows ? .skip : .fail)
        var snapshot = try buildOFACSnapshot(
            parsed.entries, source: source, publication: OFACSnapshotBuilder.Publication(files), published: published,
            effective: effective,
            map: map, severities: severities)
        snapshot.file = (files.primary.name as NSString).lastPathComponent
        snapshot.sha256 = ChainHash.hex(ChainHash.sha256(files.primary.bytes))
        return (snapshot, parsed.skipped)
    }

    /// Reads an OFAC Enhanced XML publication (`SDN_ENHANCED.XML` or `CONS_ENHANCED.XML`, or a
    /// `.ZIP` holding one, or a folder holding either) into a snapshot of `source`. Without
    /// `published`, the file's own `dataAsOf` date is used.
    package func readOFACEnhancedXMLSnapshot(
        path: String, source: String?, published: LedgerTime?, effective: LedgerTime?, limits: InputLimits = .standard
    ) throws -> ListSnapshot {
        let (file, bytes) = try OFACEnhancedXMLParser.read(path, limits: limits)
        let source = try OFACFileKind.source(of: file, requested: source)
        let parsed = try OFACEnhancedXMLParser.parse(bytes, file: file)
        guard let published = published ?? parsed.dataAsOf else {
            throw InputError(.missingField, "the publication states no dataAsOf date; give --published", file: file)
        }
        let severities = Dictionary(
            try database.regimes().map { ($0.id, $0.severity) }, uniquingKeysWith: { first, _ in first })
        var snapshot = try buildOFACSnapshot(
            parsed.entries, source: source,
            publication: OFACSnapshotBuilder.Publication(
                file: file, format: .enhancedXML, coverage: .init(aliases: true, addresses: true)),
            published: published, effective: effective, map: try Self.programRegimeMap(), severities: severities)
        snapshot.file = (file as NSString).lastPathComponent
        snapshot.sha256 = ChainHash.hex(ChainHash.sha256(bytes))
        return snapshot
    }

    /// Reads a third party's JSON derived from OFAC's SDN files into a snapshot of `ofac-sdn` that
    /// covers names, programmes and aliases only. Without `published`, its own `published` date.
    package func readOFACDerivedJSONSnapshot(
        path: String, source: String?, published: LedgerTime?, effective: LedgerTime?, limits: InputLimits = .standard
    ) throws -> ListSnapshot {
        let bytes = try Self.readBytes(path, limits: limits)
        let parsed = try OFACDerivedJSONParser.parse(bytes, file: path)
        guard let published = published ?? parsed.published else {
            throw InputError(.missingField, "the file states no 'published' date; give --published", file: path)
        }
        let severities = Dictionary(
            try database.regimes().map { ($0.id, $0.severity) }, uniquingKeysWith: { first, _ in first })
        var snapshot = try buildOFACSnapshot(
            parsed.entries, source: source ?? "ofac-sdn",
            publication: OFACSnapshotBuilder.Publication(
                file: path, format: .derivedJSON, coverage: .init(aliases: true, addresses: false, remarks: false)),
            published: published, effective: effective, map: try Self.programRegimeMap(), severities: severities)
        snapshot.file = (path as NSString).lastPathComponent
        snapshot.sha256 = ChainHash.hex(ChainHash.sha256(bytes))
        return snapshot
    }

    private func buildOFACSnapshot(
        _ entries: [OFACEntry], source: String, publication: OFACSnapshotBuilder.Publication, published: LedgerTime,
        effective: LedgerTime?,
        map: ProgramRegimeMap, severities: [RegimeID: Int]
    ) throws -> ListSnapshot {
        let snapshot = try OFACSnapshotBuilder.build(
            entries, source: source, publication: publication, published: published, effective: effective, map: map
        ) { severities[$0] ?? 0 }
        let undeclared = snapshot.regimes.filter { severities[$0] == nil }
        if !undeclared.isEmpty {
            throw InputError(
                .unknownRegime,
                "the list maps entries to undeclared regimes: "
                    + "\(undeclared.map(\.rawValue).sorted().joined(separator: ", ")) (declare them in "
                    + "Events/regimes.json)",
                file: publication.file)
        }
        return snapshot
    }

    /// The state a snapshot is compared with: the source's designations in force at its effective
    /// time, keyed by entry number, the party of every entry number ever seen, and the other
    /// regimes each party is on then.
    struct SnapshotBaseline {
        var current: [String: SnapshotDiffer.Current] = [:]
        var parties: [String: PartyID] = [:]
        var otherRegimes: [PartyID: [RegimeID]] = [:]
        /// Every declared regime's severity.
        var severities: [RegimeID: Int] = [:]
    }

    /// Reads the baseline through `reader`, inside the transaction that appends the snapshot's events.
    static func snapshotBaseline(_ reader: LedgerReader, source: String, at instant: LedgerTime, map: ProgramRegimeMap)
        throws -> SnapshotBaseline
    {
        var baseline = SnapshotBaseline()
        baseline.severities = Dictionary(
            try reader.regimes().map { ($0.id, $0.severity) }, uniquingKeysWith: { first, _ in first })
        let managed = map.sources[source]?.managedRegimes ?? []
        for view in try reader.designations(asOf: AsOf(on: instant)) {
            guard managed.contains(view.regime) else {
                baseline.otherRegimes[view.party, default: []].append(view.regime)
                continue
            }
            guard
                let key = view.segment.details.identifiers?.first(where: { $0.type == IdentifierKind.ofacEntryNumber })?
                    .value
            else { continue }
            baseline.current[key] = SnapshotDiffer.Current(
                party: view.party, regime: view.regime, details: view.segment.details,
                aliases: view.aliases.map {
                    Alias($0.name, kind: Alias.Kind(rawValue: $0.kind.rawValue) ?? .aka, weak: $0.weak)
                }, listingEvent: view.segment.listingEvent)
        }
        for regime in managed.sorted() {
            for row in try reader.projectionRows(regime: regime).designations {
                if let key = row.details.identifiers?.first(where: { $0.type == IdentifierKind.ofacEntryNumber })?
                    .value, baseline.parties[key] == nil
                {
                    baseline.parties[key] = row.party
                }
            }
        }
        return baseline
    }

    /// Imports one snapshot: appends exactly the events that turn the ledger's designations of the
    /// source into the snapshot's entries, and the publication's observations. Everything is
    /// decided inside the write transaction: the order check against the publications already
    /// observed (an older one is refused, the same one again appends nothing, another one at the
    /// same instant is refused), the removal guard (a truncated file) and the diff.
    @discardableResult
    package func importSnapshot(_ snapshot: ListSnapshot, dryRun: Bool = false, removalGuard: RemovalGuard = .standard)
        throws -> AppendReport
    {
        let map = try Self.programRegimeMap()
        return try database.appendDecided(dryRun: dryRun) { reader in
            let observed = try reader.publications(list: snapshot.source)
            guard try PublicationOrder.check(snapshot, observed: observed) == .new else { return [] }
            let dating = PublicationOrder.dating(snapshot, observed: observed)
            try PublicationOrder.requireRules(snapshot, reader: reader)
            let baseline = try Self.snapshotBaseline(reader, source: snapshot.source, at: snapshot.effective, map: map)
            try removalGuard.check(snapshot, current: Set(baseline.current.keys))
            return SnapshotDiffer.events(
                snapshot, current: baseline.current, party: { baseline.parties[$0] ?? PartyID("ofac-\($0)") },
                otherRegimes: { baseline.otherRegimes[$0] ?? [] }, severity: { baseline.severities[$0] ?? 0 },
                dating: dating)
                + snapshot.observationEvents(after: dating.after)
        }
    }
}
