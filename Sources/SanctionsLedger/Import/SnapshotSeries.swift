public import Foundation

/// Importing and checking a dated series of list publications (e.g. the daily SDN scrape).
extension Ledger {
    /// One publication of a series: the file and when it was observed.
    public struct SeriesItem: Sendable {
        public var path: String
        public var time: LedgerTime

        public init(path: String, time: LedgerTime) {
            self.path = path
            self.time = time
        }
    }

    /// The publications of a series: every `*.csv` (or `.csv.gz`) in `folder`, or in a `.tar.xz`
    /// archive (unpacked into `scratch`), timed by the manifest's `commit_time_utc` column when a
    /// manifest is given, else by the file name (`sdn-2021-08-20T185052Z.csv`). Sorted by time.
    public static func seriesItems(_ path: String, manifest: String?, scratch: URL) throws -> [SeriesItem] {
        var folder = path
        if path.hasSuffix(".tar.xz") || path.hasSuffix(".txz") {
            try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["tar", "-xJf", path, "-C", scratch.path]
            try process.run()
            process.waitUntilExit()
            guard process.terminationStatus == 0 else { throw InputError(.unreadableFile, "tar could not unpack the archive", file: path) }
            folder = scratch.path
        }
        var times: [String: LedgerTime] = [:]
        if let manifest {
            let text = String(decoding: try Data(contentsOf: URL(fileURLWithPath: manifest)), as: UTF8.self)
            let lines = text.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
            guard let header = lines.first, let fileColumn = header.firstIndex(of: "file"), let timeColumn = header.firstIndex(of: "commit_time_utc") else {
                throw InputError(.malformedRow, "the manifest needs 'file' and 'commit_time_utc' columns", file: manifest, line: 1)
            }
            for (offset, columns) in lines.dropFirst().enumerated() where columns.count > max(fileColumn, timeColumn) {
                do {
                    times[(columns[fileColumn] as NSString).lastPathComponent] = try LedgerTime.parse(columns[timeColumn])
                } catch {
                    throw InputError(.invalidDate, error.description, file: manifest, line: offset + 2, field: "commit_time_utc")
                }
            }
        }
        guard let enumerator = FileManager.default.enumerator(atPath: folder) else { throw InputError(.unreadableFile, "cannot list the folder", file: folder) }
        var items: [SeriesItem] = []
        while let relative = enumerator.nextObject() as? String {
            guard relative.hasSuffix(".csv") || relative.hasSuffix(".csv.gz") else { continue }
            let name = (relative as NSString).lastPathComponent
            let full = (folder as NSString).appendingPathComponent(relative)
            if let time = times[name] ?? times[name.replacingOccurrences(of: ".gz", with: "")] {
                items.append(SeriesItem(path: full, time: time))
            } else if let time = timeFromFileName(name) {
                items.append(SeriesItem(path: full, time: time))
            } else if manifest != nil {
                throw InputError(.invalidField, "the file is not in the manifest and its name carries no time", file: full)
            }
        }
        return items.sorted { $0.time < $1.time }
    }

    /// `sdn-2021-08-20T185052Z.csv` → 2021-08-20T18:50:52Z.
    static func timeFromFileName(_ name: String) -> LedgerTime? {
        let scalars = Array(name.unicodeScalars)
        guard let start = scalars.firstIndex(where: { $0.properties.numericType != nil }), scalars.count >= start + 18 else { return nil }
        let raw = String(String.UnicodeScalarView(scalars[start..<start + 18]))
        let chars = Array(raw)
        guard chars.count == 18, chars[10] == "T", chars[17] == "Z" else { return nil }
        let text = String(chars[0..<10]) + "T" + String(chars[11..<13]) + ":" + String(chars[13..<15]) + ":" + String(chars[15..<17]) + "Z"
        return try? LedgerTime.parse(text)
    }

    static func readBytes(_ path: String) throws -> [UInt8] {
        path.hasSuffix(".gz") ? try Gzip.decompress(path: path) : Array(try Data(contentsOf: URL(fileURLWithPath: path)))
    }

    /// What a series import did.
    public struct SeriesReport: Sendable {
        public var snapshots = 0
        public var appended = 0
        public var byKind: [EventKind: Int] = [:]
        public var seconds = 0.0
        public var parseSeconds = 0.0
    }

    /// Imports a series of SDN publications in time order, each as a snapshot observed (published
    /// and effective) at its time. The comparison state is kept in memory between publications
    /// (read from the ledger once, at the first), so the series must be the only source of events
    /// on its regimes during its span.
    public func importSnapshotSeries(_ items: [SeriesItem], source: String = "ofac-sdn", removalGuard: RemovalGuard = .standard,
                                     progress: ((Int, SeriesItem, AppendReport) -> Void)? = nil) throws -> SeriesReport {
        let start = Date()
        var report = SeriesReport()
        guard let first = items.first else { return report }
        if let last = try lastSnapshotTime(source: source), first.time < last {
            throw InputError(.inconsistentHistory, "the series starts at \(first.time), before the last \(source) snapshot in the ledger (\(last)); import snapshots in time order", file: first.path)
        }
        let map = try Self.programRegimeMap()
        let severities = Dictionary(try database.regimes().map { ($0.id, $0.severity) }, uniquingKeysWith: { first, _ in first })
        var baseline = try snapshotBaseline(source: source, at: first.time, map: map)
        // Publications are read and parsed a window at a time on all cores; they are compared and
        // appended one by one, in time order.
        let window = max(2, Parallel.defaultWidth * 2)
        var parsed: [Int: Result<ListSnapshot, any Error>] = [:]
        for (position, item) in items.enumerated() {
            if parsed[position] == nil {
                let parseStart = Date()
                let batch = Array(position..<min(position + window, items.count))
                let results = Parallel.map(batch, minimumChunk: 1) { index -> Result<ListSnapshot, any Error> in
                    Result {
                        let files = OFACCSVParser.Files(primary: (items[index].path, try Self.readBytes(items[index].path)))
                        return try self.buildOFACSnapshot(files: files, source: source, published: items[index].time, effective: items[index].time, map: map, severities: severities).snapshot
                    }
                }
                for (index, result) in zip(batch, results) { parsed[index] = result }
                report.parseSeconds += Date().timeIntervalSince(parseStart)
            }
            let snapshot = try parsed.removeValue(forKey: position)!.get()
            try removalGuard.check(snapshot, current: Set(baseline.current.keys))
            let events = SnapshotDiffer.events(snapshot, current: baseline.current, party: { baseline.parties[$0] ?? PartyID("ofac-\($0)") },
                                               otherRegimes: { baseline.otherRegimes[$0] ?? [] })
            let appended = try database.append(events)
            report.snapshots += 1
            report.appended += appended.appended
            for (kind, count) in appended.byKind { report.byKind[kind, default: 0] += count }
            // The ledger now holds exactly this publication: carry it forward in memory.
            var next: [String: SnapshotDiffer.Current] = [:]
            next.reserveCapacity(snapshot.entries.count)
            for entry in snapshot.entries {
                let party = baseline.current[entry.key]?.party ?? baseline.parties[entry.key] ?? PartyID("ofac-\(entry.key)")
                baseline.parties[entry.key] = party
                var details = entry.details
                let aliases = details.aliases ?? []
                details.aliases = nil
                if let old = baseline.current[entry.key], !snapshot.coverage.addresses {
                    details.addresses = old.details.addresses
                    details.country = old.details.country
                }
                let kept = snapshot.coverage.aliases ? [] : (baseline.current[entry.key]?.aliases.filter { !$0.weak } ?? [])
                next[entry.key] = SnapshotDiffer.Current(party: party, regime: entry.regime, details: details, aliases: kept + aliases)
            }
            baseline.current = next
            progress?(position, item, appended)
        }
        report.seconds = Date().timeIntervalSince(start)
        return report
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
    public func verifySnapshotSeries(_ items: [SeriesItem], source: String = "ofac-sdn") throws -> (checked: Int, entries: Int, mismatches: [SeriesMismatch]) {
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
            let (snapshot, _) = try buildOFACSnapshot(files: files, source: source, published: item.time, effective: item.time)
            let instant = item.time
            var inForce: [String: (DesignationSegment, [NameSegment])] = [:]
            for (party, segments) in designationsByParty {
                for segment in segments where segment.valid.contains(instant) {
                    guard let key = segment.details.identifiers?.first(where: { $0.type == "ofac-ent-num" })?.value else { continue }
                    let names = (namesByParty[party] ?? []).filter { $0.regime == segment.regime && $0.valid.contains(instant) }
                    inForce[key] = (segment, names)
                }
            }
            for entry in snapshot.entries {
                entriesChecked += 1
                guard let (segment, names) = inForce.removeValue(forKey: entry.key) else {
                    mismatches.append(SeriesMismatch(time: item.time, key: entry.key, problem: "in the publication, not in force in the ledger"))
                    continue
                }
                if segment.details.name != entry.details.name {
                    mismatches.append(SeriesMismatch(time: item.time, key: entry.key, problem: "name '\(segment.details.name ?? "")' vs '\(entry.details.name ?? "")'"))
                }
                if (segment.details.programs ?? []) != (entry.details.programs ?? []) {
                    mismatches.append(SeriesMismatch(time: item.time, key: entry.key, problem: "programmes differ"))
                }
                let weakInFile = Set((entry.details.aliases ?? []).filter(\.weak).map { NameKey.make($0.name) }.filter { $0 != NameKey.make(entry.details.name ?? "") })
                let weakInLedger = Set(names.filter(\.weak).map { NameKey.make($0.name) })
                if weakInFile != weakInLedger {
                    mismatches.append(SeriesMismatch(time: item.time, key: entry.key, problem: "weak aliases differ"))
                }
            }
            for key in inForce.keys.sorted() {
                mismatches.append(SeriesMismatch(time: item.time, key: key, problem: "in force in the ledger, not in the publication"))
            }
        }
        return (items.count, entriesChecked, mismatches)
    }
}
