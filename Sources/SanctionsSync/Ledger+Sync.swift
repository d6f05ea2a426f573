public import Foundation
public import SanctionsCore
public import SanctionsLedger
package import SanctionsStore

/// `sanctions sync`: the current publication of each list, fetched (or taken from a folder),
/// checked whole, then imported as snapshots dated in the window since the last check.
extension Ledger {
    /// What a sync did for one list source.
    public struct SyncedSource: Sendable {
        public enum Status: Sendable {
            /// The server said nothing changed since the last sync (or sent the same file again).
            case unchanged
            /// A new publication, imported.
            case imported(SnapshotImportReport)
        }

        public var name: String
        public var status: Status
        /// Each file's address (or path) and SHA-256.
        public var files: [(location: String, sha256: String)]
    }

    /// What a sync did: per source, and the head before and after.
    public struct SyncReport: Sendable {
        public var sources: [SyncedSource] = []
        public var headBefore: LedgerHead
        public var headAfter: LedgerHead
        public var seconds = 0.0
    }

    /// Fetches every source's files (conditionally, with the validators of the last sync), or takes
    /// them from `folder` (`<folder>/<source>/<file>`, or `<folder>/<file>`), checks and parses them
    /// all, and only then imports each new publication (one transaction each), dated `now` and,
    /// after the first sync, in the window since the last check. A download, a check or a parse
    /// that fails stops the sync before anything is written.
    public func sync(
        _ sources: SyncSources, from folder: String? = nil, fetcher: SyncFetcher = SyncFetcher(),
        scratch: URL, now: LedgerTime = Ledger.systemClock()
    ) throws -> SyncReport {
        let start = Date()
        var report = SyncReport(headBefore: try head(), headAfter: try head())
        var pending:
            [(
                source: SyncSources.Source, folder: URL, files: [(String, String)],
                validators: [String: SyncFetcher.Validators]
            )] = []
        for source in sources.sources {
            let target = scratch.appendingPathComponent(source.name)
            try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
            let fetched = try obtain(source, into: target, from: folder, fetcher: fetcher)
            guard let fetched else {
                report.sources.append(SyncedSource(name: source.name, status: .unchanged, files: []))
                try remember([:], checked: now, source: source.name)
                continue
            }
            let primary = fetched.files.first?.1
            if let primary, try publications(list: source.name).last?.observation.sha256 == primary {
                // The same file again (a server without validators): nothing new.
                report.sources.append(SyncedSource(name: source.name, status: .unchanged, files: fetched.files))
                try remember(fetched.validators, checked: now, source: source.name)
                continue
            }
            pending.append((source, target, fetched.files, fetched.validators))
        }
        // Everything is read and checked (parse, order, removal guard) before the first write.
        var options: [String: SnapshotImportOptions] = [:]
        for item in pending {
            var option = SnapshotImportOptions()
            option.url = item.files.first.map(\.0).flatMap { $0.hasPrefix("http") ? $0 : nil }
            option.observedAfter = try meta("sync-checked:" + item.source.name).flatMap { try? LedgerTime.parse($0) }
            options[item.source.name] = option
            var dry = option
            dry.dryRun = true
            _ = try importSnapshot(
                path: item.source.importPath(in: item.folder), format: item.source.format, source: item.source.name,
                published: item.source.format == .ofacXML ? nil : now, options: dry)
        }
        for item in pending {
            let imported = try importSnapshot(
                path: item.source.importPath(in: item.folder), format: item.source.format, source: item.source.name,
                published: item.source.format == .ofacXML ? nil : now, options: options[item.source.name] ?? .init())
            try remember(item.validators, checked: now, source: item.source.name)
            report.sources.append(SyncedSource(name: item.source.name, status: .imported(imported), files: item.files))
        }
        report.sources.sort { $0.name < $1.name }
        report.headAfter = try head()
        report.seconds = Date().timeIntervalSince(start)
        return report
    }

    /// The files of one source in `target`: downloaded, or copied from `folder`. Nil when the server
    /// says every file is unchanged since the last sync.
    private func obtain(
        _ source: SyncSources.Source, into target: URL, from folder: String?, fetcher: SyncFetcher
    ) throws -> (files: [(String, String)], validators: [String: SyncFetcher.Validators])? {
        var files: [(String, String)] = []
        if let folder {
            for (name, _) in source.files {
                let nested = URL(fileURLWithPath: folder).appendingPathComponent(source.name).appendingPathComponent(
                    name)
                let flat = URL(fileURLWithPath: folder).appendingPathComponent(name)
                let file = FileManager.default.fileExists(atPath: nested.path) ? nested : flat
                let bytes = Array(try Data(contentsOf: file))
                try Data(bytes).write(to: target.appendingPathComponent(name))
                files.append((file.path, ChainHash.hex(ChainHash.sha256(bytes))))
            }
            return (files, [:])
        }
        var answers: [String: SyncFetcher.Outcome] = [:]
        for (name, url) in source.files {
            answers[name] = try fetcher.fetch(url, validators: try validators(url))
        }
        if answers.values.allSatisfy({ if case .notModified = $0 { true } else { false } }) { return nil }
        var validators: [String: SyncFetcher.Validators] = [:]
        for (name, url) in source.files {
            var answer = answers[name]
            if case .notModified? = answer { answer = try fetcher.fetch(url) }  // the publication needs every file
            guard case .fetched(let bytes, let fresh)? = answer else { continue }
            try Data(bytes).write(to: target.appendingPathComponent(name))
            files.append((url, ChainHash.hex(ChainHash.sha256(bytes))))
            validators[url] = fresh
        }
        return (files, validators)
    }

    private func validators(_ url: String) throws -> SyncFetcher.Validators? {
        guard let text = try meta("sync-validators:" + url) else { return nil }
        let parts = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 2 else { return nil }
        return SyncFetcher.Validators(
            etag: parts[0].isEmpty ? nil : parts[0], lastModified: parts[1].isEmpty ? nil : parts[1])
    }

    /// Keeps each file's validators and the time of this check (not part of the log: the ledger's meta).
    private func remember(_ validators: [String: SyncFetcher.Validators], checked: LedgerTime, source: String) throws {
        for (url, value) in validators {
            try database.setMeta("sync-validators:" + url, (value.etag ?? "") + "\n" + (value.lastModified ?? ""))
        }
        try database.setMeta("sync-checked:" + source, checked.description)
    }

    private func meta(_ key: String) throws -> String? { try database.meta(key) }
}
