public import Foundation
public import SanctionsCore
public import SanctionsImport
public import SanctionsScreening
package import SanctionsStore

/// Importing and checking a dated series of list publications (e.g. the daily SDN scrape).
extension Ledger {
    /// One publication of a series: the file and when it was observed.
    public struct SeriesItem: Sendable {
        public var path: String
        public var time: LedgerTime
        /// The SHA-256 a manifest states for the file's content, checked when it is read.
        public var sha256: String?
        /// The last time the list was seen without this publication, when known (a scrape that
        /// checks on a schedule): its changes are dated in that window.
        public var observedAfter: LedgerTime?

        public init(path: String, time: LedgerTime, sha256: String? = nil, observedAfter: LedgerTime? = nil) {
            self.path = path
            self.time = time
            self.sha256 = sha256
            self.observedAfter = observedAfter
        }
    }

    /// The publications of a series: every `*.csv` (or `.csv.gz`) in `folder`, or in a `.tar.xz`
    /// archive (unpacked into `scratch`), timed by the manifest's `commit_time_utc` column when a
    /// manifest is given, else by the file name (`sdn-2021-08-20T185052Z.csv`). Sorted by time.
    ///
    /// A manifest time that contradicts the time in the file's name, and two files with the same
    /// time, are refused naming both. A manifest's `sha256` column, when present, is kept and
    /// checked against each file when it is read.
    public static func seriesItems(
        _ path: String, manifest: String?, scratch: URL, limits: InputLimits = .standard,
        extensions: [String] = [".csv", ".csv.gz"]
    ) throws -> [SeriesItem] {
        var folder = path
        if path.hasSuffix(".tar.xz") || path.hasSuffix(".txz") {
            folder = try SeriesArchive.unpack(path, into: scratch, limits: limits)
        }
        let listed = try manifest.map(SeriesManifest.read) ?? [:]
        guard let enumerator = FileManager.default.enumerator(atPath: folder) else {
            throw InputError(.unreadableFile, "cannot list the folder", file: folder)
        }
        var items: [SeriesItem] = []
        while let relative = enumerator.nextObject() as? String {
            guard extensions.contains(where: { relative.hasSuffix($0) }) else { continue }
            let name = (relative as NSString).lastPathComponent
            let full = (folder as NSString).appendingPathComponent(relative)
            let fromName = timeFromFileName(name)
            if let row = listed[name] ?? listed[name.replacingOccurrences(of: ".gz", with: "")] {
                if let fromName, fromName != row.time {
                    throw InputError(
                        .invalidDate,
                        "the manifest times the file at \(row.time), its name at \(fromName): one of them is wrong",
                        file: manifest, line: row.line, field: "commit_time_utc")
                }
                items.append(SeriesItem(path: full, time: row.time, sha256: row.sha256))
            } else if let fromName {
                items.append(SeriesItem(path: full, time: fromName))
            } else if manifest != nil {
                throw InputError(
                    .invalidField, "the file is not in the manifest and its name carries no time", file: full)
            }
        }
        items.sort { ($0.time, $0.path) < ($1.time, $1.path) }
        for (earlier, later) in zip(items, items.dropFirst()) where earlier.time.seconds == later.time.seconds {
            throw InputError(
                .invalidDate, "two publications have the same time \(earlier.time): \(earlier.path) and \(later.path)",
                file: later.path)
        }
        return items
    }

    /// `sdn-2021-08-20T185052Z.csv` → 2021-08-20T18:50:52Z.
    static func timeFromFileName(_ name: String) -> LedgerTime? {
        let scalars = Array(name.unicodeScalars)
        guard let start = scalars.firstIndex(where: { $0.properties.numericType != nil }), scalars.count >= start + 18
        else { return nil }
        let raw = String(String.UnicodeScalarView(scalars[start..<start + 18]))
        let chars = Array(raw)
        guard chars.count == 18, chars[10] == "T", chars[17] == "Z" else { return nil }
        let text =
            String(chars[0..<10]) + "T" + String(chars[11..<13]) + ":" + String(chars[13..<15]) + ":"
            + String(chars[15..<17]) + "Z"
        return try? LedgerTime.parse(text)
    }

    static func readBytes(_ path: String, limits: InputLimits = .standard) throws -> [UInt8] {
        try InputFiles.read(path, limits: limits)
    }

    /// What a series import did.
    public struct SeriesReport: Sendable {
        public var snapshots = 0
        /// Publications the ledger had observed already (a resumed import), skipped.
        public var skipped = 0
        public var appended = 0
        public var byKind: [EventKind: Int] = [:]
        public var seconds = 0.0
        public var parseSeconds = 0.0
    }

    /// Imports a series of SDN publications in time order, each as a snapshot observed (published
    /// and effective) at its time, each in its own transaction that decides and appends.
    ///
    /// Publications the ledger observed already are skipped, so rerunning an interrupted import
    /// completes it; a publication older than the last one observed and not in the ledger is
    /// refused before anything is written. The comparison state is carried in memory from one
    /// publication to the next while the ledger holds exactly what this import wrote; when another
    /// writer appended in between, it is read again inside the transaction.
    public func importSnapshotSeries(
        _ items: [SeriesItem], source: String = "ofac-sdn", allowMassRemoval: Bool = false,
        progress: ((Int, SeriesItem, AppendReport) -> Void)? = nil
    ) throws -> SeriesReport {
        let removalGuard: RemovalGuard = allowMassRemoval ? .off : .standard
        let start = Date()
        var report = SeriesReport()
        guard !items.isEmpty else { return report }
        let observed = try database.publications(list: source)
        if let last = observed.map(\.instant).max() {
            let seen = Set(observed.map(\.instant.seconds))
            if let stray = items.first(where: { $0.time < last && !seen.contains($0.time.seconds) }) {
                throw InputError(
                    .inconsistentHistory,
                    "the publication of \(stray.time) is older than the last \(source) publication in the ledger "
                        + "(\(last)) and was never imported; import snapshots in time order",
                    file: stray.path)
            }
        }
        let map = try Self.programRegimeMap()
        let severities = Dictionary(
            try database.regimes().map { ($0.id, $0.severity) }, uniquingKeysWith: { first, _ in first })
        var baseline: SnapshotBaseline?
        var lastSequence = -1
        // Publications are read and parsed a window at a time on all cores; they are compared and
        // appended one by one, in time order.
        let window = max(2, Parallel.defaultWidth * 2)
        var parsed: [Int: Result<ListSnapshot, any Error>] = [:]
        for (position, item) in items.enumerated() {
            if parsed[position] == nil {
                let parseStart = Date()
                let batch = Array(position..<min(position + window, items.count))
                let results = Parallel.map(batch, minimumChunk: 1) { index -> Result<ListSnapshot, any Error> in
                    Result { try self.readSeriesItem(items[index], source: source, map: map, severities: severities) }
                }
                for (index, result) in zip(batch, results) { parsed[index] = result }
                report.parseSeconds += Date().timeIntervalSince(parseStart)
            }
            let snapshot = try parsed.removeValue(forKey: position)!.get()
            var alreadyImported = false
            let appended = try database.appendDecided { reader in
                let observed = try reader.publications(list: source)
                guard try PublicationOrder.check(snapshot, observed: observed) == .new else {
                    alreadyImported = true
                    return []
                }
                let dating = PublicationOrder.dating(snapshot, observed: observed)
                try PublicationOrder.requireRules(snapshot, reader: reader)
                let ledgerMoved = try reader.head().sequence != lastSequence
                if baseline == nil || ledgerMoved {
                    baseline = try Self.snapshotBaseline(reader, source: source, at: snapshot.effective, map: map)
                }
                let current = baseline!
                try removalGuard.check(snapshot, current: Set(current.current.keys))
                return SnapshotDiffer.events(
                    snapshot, current: current.current, party: { current.parties[$0] ?? PartyID("ofac-\($0)") },
                    otherRegimes: { current.otherRegimes[$0] ?? [] }, severity: { current.severities[$0] ?? 0 },
                    dating: dating)
                    + snapshot.observationEvents(after: dating.after)
            }
            lastSequence = appended.lastSequence
            if alreadyImported {
                report.skipped += 1
                baseline = nil
            } else {
                report.snapshots += 1
                report.appended += appended.appended
                for (kind, count) in appended.byKind { report.byKind[kind, default: 0] += count }
                baseline = Self.carryForward(baseline!, to: snapshot)
            }
            progress?(position, item, appended)
        }
        report.seconds = Date().timeIntervalSince(start)
        return report
    }

    /// Reads and parses one publication of a series, checking the manifest's hash when it gives one.
    private func readSeriesItem(_ item: SeriesItem, source: String, map: ProgramRegimeMap, severities: [RegimeID: Int])
        throws -> ListSnapshot
    {
        let bytes = try Self.readBytes(item.path)
        if let expected = item.sha256 {
            let actual = ChainHash.hex(ChainHash.sha256(bytes))
            guard actual == expected.lowercased() else {
                throw InputError(
                    .invalidField,
                    "the file's SHA-256 is \(actual), the manifest says \(expected): the file or the manifest is wrong",
                    file: item.path, field: "sha256")
            }
        }
        let files = OFACCSVParser.Files(primary: (item.path, bytes))
        var snapshot = try buildOFACSnapshot(
            files: files, source: source, published: item.time, effective: item.time, map: map, severities: severities
        ).snapshot
        snapshot.observedAfter = item.observedAfter
        return snapshot
    }

    /// The baseline once `snapshot` is imported: the ledger then holds exactly this publication.
    static func carryForward(_ baseline: SnapshotBaseline, to snapshot: ListSnapshot) -> SnapshotBaseline {
        var result = baseline
        var next: [String: SnapshotDiffer.Current] = [:]
        next.reserveCapacity(snapshot.entries.count)
        for entry in snapshot.entries {
            let party =
                baseline.current[entry.key]?.party ?? baseline.parties[entry.key] ?? PartyID("ofac-\(entry.key)")
            result.parties[entry.key] = party
            var details = entry.details
            let aliases = details.aliases ?? []
            details.aliases = nil
            if let old = baseline.current[entry.key], !snapshot.coverage.addresses {
                details.addresses = old.details.addresses
                details.country = old.details.country
            }
            let kept = snapshot.coverage.aliases ? [] : (baseline.current[entry.key]?.aliases.filter { !$0.weak } ?? [])
            next[entry.key] = SnapshotDiffer.Current(
                party: party, regime: entry.regime, details: details, aliases: kept + aliases)
        }
        result.current = next
        return result
    }

    /// One disagreement between the ledger and a publication of a series.
    public struct SeriesMismatch: Sendable {
        public var time: LedgerTime
        public var key: String
        public var problem: String
    }

    /// Checks that for every publication time T the designations of the source in force just
    /// after T equal the publication's entries: entry numbers, names, programmes and the weak
    /// aliases the files carry.
    public func verifySnapshotSeries(_ items: [SeriesItem], source: String = "ofac-sdn") throws -> (
        checked: Int, entries: Int, mismatches: [SeriesMismatch]
    ) {
        let map = try Self.programRegimeMap()
        let managed = managedRegimes(source, map: map)
        var rows = ProjectionRows()
        for regime in managed {
            let more = try database.projectionRows(regime: regime)
            rows.designations += more.designations
            rows.names += more.names
        }
        let designationsByParty = Dictionary(grouping: rows.designations.filter { $0.known.to == nil }, by: \.party)
        let namesByParty = Dictionary(grouping: rows.names.filter { $0.known.to == nil }, by: \.party)
        var mismatches: [SeriesMismatch] = []
        var entriesChecked = 0
        for item in items {
            let files = OFACCSVParser.Files(primary: (item.path, try Self.readBytes(item.path)))
            let (snapshot, _) = try buildOFACSnapshot(
                files: files, source: source, published: item.time, effective: item.time)
            let instant = item.time
            var inForce: [String: (DesignationSegment, [NameSegment])] = [:]
            for (party, segments) in designationsByParty {
                for segment in segments where segment.valid.contains(instant) {
                    guard
                        let key = segment.details.identifiers?.first(where: {
                            $0.type == IdentifierKind.ofacEntryNumber
                        })?.value
                    else { continue }
                    let names = (namesByParty[party] ?? []).filter {
                        $0.regime == segment.regime && $0.valid.contains(instant)
                    }
                    inForce[key] = (segment, names)
                }
            }
            for entry in snapshot.entries {
                entriesChecked += 1
                guard let (segment, names) = inForce.removeValue(forKey: entry.key) else {
                    mismatches.append(
                        SeriesMismatch(
                            time: item.time, key: entry.key, problem: "in the publication, not in force in the ledger"))
                    continue
                }
                if segment.details.name != entry.details.name {
                    mismatches.append(
                        SeriesMismatch(
                            time: item.time, key: entry.key,
                            problem: "name '\(segment.details.name ?? "")' vs '\(entry.details.name ?? "")'"))
                }
                if (segment.details.programs ?? []) != (entry.details.programs ?? []) {
                    mismatches.append(SeriesMismatch(time: item.time, key: entry.key, problem: "programmes differ"))
                }
                let weakInFile = Set(
                    (entry.details.aliases ?? []).filter(\.weak).map { NameKey.make($0.name) }.filter {
                        $0 != NameKey.make(entry.details.name ?? "")
                    })
                let weakInLedger = Set(names.filter(\.weak).map { NameKey.make($0.name) })
                if weakInFile != weakInLedger {
                    mismatches.append(SeriesMismatch(time: item.time, key: entry.key, problem: "weak aliases differ"))
                }
            }
            for key in inForce.keys.sorted() {
                mismatches.append(
                    SeriesMismatch(time: item.time, key: key, problem: "in force in the ledger, not in the publication")
                )
            }
        }
        return (items.count, entriesChecked, mismatches)
    }
}
