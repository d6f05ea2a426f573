import Foundation
public import SanctionsCore
public import SanctionsImport
public import SanctionsScreening
package import SanctionsStore

/// A ledger's events as history files: one event a line (its canonical JSON), split by source and
/// year (`ofac-sdn/2021.jsonl`), so that a folder of them is text a person can review and a diff
/// shows what changed. `Events/history/` holds the default ledger's history in this form.
///
/// Unlike hand-written event files, history files may hold what only snapshot imports write
/// (observations, snapshot ids): they are a ledger's own record, imported on purpose.
extension Ledger {
    /// What an export wrote.
    public struct ExportReport: Sendable {
        public var events = 0
        /// The files written, relative to the folder, with their event counts.
        public var files: [(path: String, events: Int)] = []
    }

    /// The history file an event belongs to: its snapshot source (the id's prefix) or `curated`,
    /// and the year of the publication that produced it (the id's stamp) or of its publication.
    static func historyFile(of event: LedgerEvent) -> String {
        let text = event.id.rawValue
        var source = "curated"
        var year = String(event.published.description.prefix(4))
        if let colon = text.firstIndex(of: ":"), let at = text.lastIndex(of: "@") {
            source = String(text[..<colon])
            let stamp = text[text.index(after: at)...]
            if stamp.count >= 4, stamp.prefix(4).allSatisfy(\.isNumber) { year = String(stamp.prefix(4)) }
        }
        return source + "/" + year + ".jsonl"
    }

    /// Writes the events after sequence `after` (all when nil) as history files under `folder`,
    /// in sequence order; with `snapshotsOnly`, only the events snapshot imports wrote. The folder must be empty or absent; with `replace`, the history files
    /// already in it are removed first. A rerun on the same ledger writes the same bytes.
    @discardableResult
    public func exportHistory(to folder: String, after: Int? = nil, replace: Bool = false, snapshotsOnly: Bool = false)
        throws -> ExportReport
    {
        let manager = FileManager.default
        let root = URL(fileURLWithPath: folder)
        try manager.createDirectory(at: root, withIntermediateDirectories: true)
        let existing = try Self.historyFilePaths([folder])
        if !existing.isEmpty {
            guard replace else {
                throw InputError(
                    .invalidField,
                    "the folder already holds \(existing.count) history files; give --replace to write over them",
                    file: folder)
            }
            for path in existing { try manager.removeItem(atPath: path) }
        }
        var lines: [String: [UInt8]] = [:]
        var counts: [String: Int] = [:]
        var report = ExportReport()
        for stored in try database.storedEvents(EventFilter(fromSequence: (after ?? 0) + 1)) {
            let file = Self.historyFile(of: stored.event)
            if snapshotsOnly, file.hasPrefix("curated/") { continue }
            lines[file, default: []] += stored.event.canonicalBytes + [0x0A]
            counts[file, default: 0] += 1
            report.events += 1
        }
        for file in lines.keys.sorted() {
            let url = root.appendingPathComponent(file)
            try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(lines[file] ?? []).write(to: url, options: .atomic)
            report.files.append((file, counts[file] ?? 0))
        }
        return report
    }

    /// The `*.jsonl` history files under `paths` (files as given, folders searched), by path.
    package static func historyFilePaths(_ paths: [String]) throws -> [String] {
        var files: [String] = []
        for path in paths {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
                throw InputError(.unreadableFile, "no such file or folder", file: path)
            }
            guard isFolder.boolValue else {
                files.append(path)
                continue
            }
            var found: [String] = []
            let enumerator = FileManager.default.enumerator(atPath: path)
            while let relative = enumerator?.nextObject() as? String {
                if relative.hasSuffix(".jsonl") { found.append((path as NSString).appendingPathComponent(relative)) }
            }
            files += found.sorted()
        }
        return files
    }

    /// Decodes one history file: one event a line, every line an event (errors name the line).
    package static func decodeHistory(_ bytes: [UInt8], path: String) throws(InputError) -> [LocatedEvent] {
        var events: [LocatedEvent] = []
        var line = 0
        var start = 0
        while start < bytes.count {
            line += 1
            var end = start
            while end < bytes.count, bytes[end] != 0x0A { end += 1 }
            let slice = Array(bytes[start..<end])
            start = end + 1
            if slice.isEmpty { continue }
            do {
                let json = try JSONParser.parse(slice)
                events.append(LocatedEvent(event: try LedgerEvent(json: json, line: line), file: path, line: line))
            } catch let error as InputError {
                var located = error.inFile(path)
                located.line = line
                throw located
            } catch {
                throw InputError(.malformedJSON, "\(error)", file: path, line: line)
            }
        }
        return events
    }

    /// Imports history files (`sanctions import --history`) in one transaction: events already in
    /// the ledger with the same content are skipped, one with the same id and other content is
    /// refused naming the file and line. Observations and snapshot ids are accepted: a history
    /// file is a ledger's own record.
    @discardableResult
    public func importHistory(_ paths: [String], dryRun: Bool = false, limits: InputLimits = .standard) throws
        -> AppendReport
    {
        var located: [LocatedEvent] = []
        for path in try Self.historyFilePaths(paths) {
            located += try Self.decodeHistory(try InputFiles.readRegularFile(path, limits: limits), path: path)
        }
        do {
            return try database.importBatch(regimes: [], events: located.map(\.event), dryRun: dryRun)
        } catch let error as InputError {
            throw Self.locate(error, in: located)
        }
    }
}
