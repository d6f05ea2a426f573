public import Foundation
public import SanctionsCore
public import SanctionsImport

/// Every publication of the public list files under a data root, in the order a ledger imports
/// them, each with the time it was observed and the window in which its changes happened.
///
/// Folders are read by their files, so a new dated folder is taken without a change of code:
/// `sdn.csv` (with `alt`, `add`, `sdn_comments`) is an SDN publication, `cons_prim.csv` or an
/// Enhanced XML one of the consolidated list, `consolidated.csv[.gz]` or `csl.csv` the
/// Consolidated Screening List, `dpl.txt` the Denied Persons List, and a `.tar.xz` archive with a
/// `MANIFEST.tsv` a series of scraped SDN files (`.csv`) or derived JSON files (`.json`).
///
/// One publication counts once, at its earliest observation: files with the same content seen by
/// two scrapes, or kept again later in a test-data folder, are one publication, read from the
/// richest files (with aliases and addresses) and dated by the earliest sighting.
public struct HistoryPlan: Sendable {
    /// One publication to import.
    public struct Publication: Sendable {
        public var source: String
        public var format: SnapshotFormat
        /// The folder (OFAC CSV) or file.
        public var path: String
        public var observed: LedgerTime
        /// The last time the list was seen without this publication (nil: the first of its source).
        public var observedAfter: LedgerTime?
        public var partial: Bool
        /// The data folder it comes from.
        public var folder: String
        /// The SHA-256 of the main file's content, for deduplication.
        var sha256: String?
        /// Whether it carries aliases and addresses (alt.csv, add.csv).
        var rich: Bool
        /// A single scraped file that a series import reads.
        var isSeriesFile: Bool
    }

    /// A run of publications imported together.
    public enum Step: Sendable {
        case single(Publication)
        /// Consecutive scraped SDN files (`sdn.csv` alone), imported as a series.
        case series([Publication])
    }

    public var steps: [Step] = []
    /// Folders (or files) not imported, and why.
    public var skipped: [(path: String, reason: String)] = []

    /// Every publication, in import order.
    public var publications: [Publication] {
        steps.flatMap { step -> [Publication] in
            switch step {
            case .single(let publication): [publication]
            case .series(let publications): publications
            }
        }
    }

    /// Reads the folders of `root`; series archives are unpacked into `scratch`.
    public static func discover(_ root: String, sources: HistorySources, scratch: URL) throws -> HistoryPlan {
        var plan = HistoryPlan()
        var found: [(publication: Publication, schedule: HistorySources.Folder?)] = []
        let names = try FileManager.default.contentsOfDirectory(atPath: root).filter { !$0.hasPrefix(".") }.sorted()
        for name in names {
            let folder = (root as NSString).appendingPathComponent(name)
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
                continue
            }
            let known = sources.folders[name] ?? HistorySources.Folder()
            if let reason = known.skip {
                plan.skipped.append((folder, reason))
                continue
            }
            let (publications, skipped) = try publications(in: folder, name: name, known: known, scratch: scratch)
            plan.skipped += skipped
            found += publications.map { ($0, known.checkedEveryHours == nil ? nil : known) }
        }
        plan.steps = steps(windowed(deduplicated(found)))
        return plan
    }

    /// The publications one folder holds.
    package static func publications(in folder: String, name: String, known: HistorySources.Folder, scratch: URL) throws
        -> (publications: [Publication], skipped: [(String, String)])
    {
        let files = Set(try FileManager.default.contentsOfDirectory(atPath: folder))
        func has(_ file: String) -> Bool { files.contains(file) || files.contains(file + ".gz") }
        let dated = known.observed ?? HistorySources.dateInName(name)
        func single(_ source: String, _ format: SnapshotFormat, _ path: String, observed: LedgerTime?) throws
            -> Publication
        {
            guard let observed = observed ?? dated else {
                throw InputError(
                    .missingField,
                    "cannot tell when this publication was observed: its name carries no date and "
                        + "history-sources.json gives none",
                    file: path)
            }
            return Publication(
                source: source, format: format, path: path, observed: observed, observedAfter: nil,
                partial: known.partial, folder: name, sha256: nil, rich: true, isSeriesFile: false)
        }
        if has("sdn.csv") {
            var publication = try single(
                "ofac-sdn", .ofacCSV, folder, observed: known.observed ?? manifestTime(folder, file: "sdn.csv"))
            publication.sha256 = ChainHash.hex(
                ChainHash.sha256(try InputFiles.read((folder as NSString).appendingPathComponent("sdn.csv"))))
            publication.rich = has("alt.csv") && has("add.csv")
            return ([publication], [])
        }
        if has("cons_prim.csv") {
            return ([try single("ofac-consolidated", .ofacCSV, folder, observed: nil)], [])
        }
        if let xml = files.sorted().first(where: { $0.uppercased().contains("ENHANCED") }) {
            let path = (folder as NSString).appendingPathComponent(xml)
            let (file, bytes) = try OFACEnhancedXMLParser.read(path)
            let source = file.uppercased().contains("SDN") ? "ofac-sdn" : "ofac-consolidated"
            let stated = try OFACEnhancedXMLParser.parse(bytes, file: file).dataAsOf
            return ([try single(source, .ofacXML, path, observed: known.observed ?? stated)], [])
        }
        if let csl = ["consolidated.csv", "consolidated.csv.gz", "csl.csv"].first(where: files.contains) {
            return ([try single("csl", .csl, (folder as NSString).appendingPathComponent(csl), observed: nil)], [])
        }
        if files.contains("dpl.txt") {
            return (
                [try single("bis-dpl", .dpl, (folder as NSString).appendingPathComponent("dpl.txt"), observed: nil)], []
            )
        }
        if let archive = files.sorted().first(where: { $0.hasSuffix(".tar.xz") }), files.contains("MANIFEST.tsv") {
            return (try seriesPublications(folder, archive: archive, name: name, known: known, scratch: scratch), [])
        }
        return (
            [],
            [
                (
                    folder,
                    "no primary list file (sdn.csv, cons_prim.csv, an Enhanced XML, the CSL, dpl.txt or a "
                        + "series archive): aliases or addresses alone name no party"
                )
            ]
        )
    }

    /// The scraped files of a series archive (and any further `.csv[.gz]` kept beside it).
    static func seriesPublications(
        _ folder: String, archive: String, name: String, known: HistorySources.Folder, scratch: URL
    ) throws -> [Publication] {
        let manifest = (folder as NSString).appendingPathComponent("MANIFEST.tsv")
        let unpacked = scratch.appendingPathComponent(name)
        var items = try Ledger.seriesItems(
            (folder as NSString).appendingPathComponent(archive), manifest: manifest, scratch: unpacked,
            extensions: [".csv", ".csv.gz", ".json"])
        let extra = (folder as NSString).appendingPathComponent("snapshots")
        if FileManager.default.fileExists(atPath: extra) {
            items += try Ledger.seriesItems(extra, manifest: nil, scratch: unpacked).map { item in
                var item = item
                item.sha256 = ChainHash.hex(ChainHash.sha256(try InputFiles.read(item.path)))
                return item
            }
        }
        return items.map { item in
            let json = item.path.hasSuffix(".json")
            return Publication(
                source: "ofac-sdn", format: json ? .ofacJSON : .ofacCSV, path: item.path, observed: item.time,
                observedAfter: nil, partial: known.partial, folder: name, sha256: item.sha256, rich: json,
                isSeriesFile: !json)
        }
    }

    /// The observation time a folder's `MANIFEST.tsv` gives for one of its files.
    static func manifestTime(_ folder: String, file: String) throws -> LedgerTime? {
        let manifest = (folder as NSString).appendingPathComponent("MANIFEST.tsv")
        guard FileManager.default.fileExists(atPath: manifest) else { return nil }
        return try SeriesManifest.read(manifest)[file]?.time
    }

    /// One publication per content: a later sighting of the same file (another scrape, a test-data
    /// copy) merges into the earliest, whose richer files it lends.
    package static func deduplicated(_ found: [(publication: Publication, schedule: HistorySources.Folder?)])
        -> [(publication: Publication, schedule: HistorySources.Folder?)]
    {
        // A day (a folder's date) means "by the end of that day": a scrape's time that day is earlier.
        let sorted = found.sorted {
            ($0.publication.observed.queryInstant, $0.publication.rich ? 0 : 1, $0.publication.path)
                < ($1.publication.observed.queryInstant, $1.publication.rich ? 0 : 1, $1.publication.path)
        }
        var kept: [(publication: Publication, schedule: HistorySources.Folder?)] = []
        var bySHA: [String: Int] = [:]
        for candidate in sorted {
            guard let sha = candidate.publication.sha256, let index = bySHA[candidate.publication.source + sha] else {
                if let sha = candidate.publication.sha256 { bySHA[candidate.publication.source + sha] = kept.count }
                kept.append(candidate)
                continue
            }
            if candidate.publication.rich && !kept[index].publication.rich {
                // The same content with its companions (alt.csv, add.csv): read those, keep the earliest time.
                var richer = candidate.publication
                richer.observed = kept[index].publication.observed
                kept[index] = (richer, kept[index].schedule)
            }
        }
        return kept
    }

    /// Sets each publication's window: from the previous publication of its source, or, for a
    /// scrape that checked on a known schedule, from its last check without it.
    package static func windowed(_ found: [(publication: Publication, schedule: HistorySources.Folder?)])
        -> [Publication]
    {
        var previous: [String: LedgerTime] = [:]
        var result: [Publication] = []
        for (candidate, schedule) in found.sorted(by: { $0.publication.observed < $1.publication.observed }) {
            var publication = candidate
            if let last = previous[publication.source] {
                var after = last
                if let schedule, let hours = schedule.checkedEveryHours {
                    let check = LedgerTime(
                        seconds: publication.observed.seconds - Int64(hours * 3_600), hasTimeOfDay: true)
                    if check > last, schedule.checked(from: check, to: publication.observed) { after = check }
                }
                publication.observedAfter = after
            }
            // A sample shows entries, never their absence: it bounds no window.
            if !publication.partial { previous[publication.source] = publication.observed }
            result.append(publication)
        }
        return result
    }

    /// Groups consecutive scraped SDN files into series steps.
    static func steps(_ publications: [Publication]) -> [Step] {
        var steps: [Step] = []
        for publication in publications {
            if publication.isSeriesFile, case .series(var run) = steps.last, run.last?.source == publication.source {
                run.append(publication)
                steps[steps.count - 1] = .series(run)
            } else if publication.isSeriesFile {
                steps.append(.series([publication]))
            } else {
                steps.append(.single(publication))
            }
        }
        return steps
    }
}
