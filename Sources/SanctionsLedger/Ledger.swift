public import Foundation
public import SanctionsCore
import SanctionsDefaultEvents
import SanctionsEmbedding
public import SanctionsImport
public import SanctionsScreening
package import SanctionsStore

/// A sanctions ledger: the event log and its projections, with the operations users ask for.
///
/// Every front end (the `sanctions` command, the HTTP server, a program using the library) goes
/// through these operations, which keep the ledger's invariants; the store beneath is not public.
///
/// For example:
/// ```swift
/// let ledger = try Ledger.open(path: "/tmp/ledger.sqlite")
/// try ledger.syncEmbeddedEvents()
/// let verdict = try ledger.screeningSnapshot().screen("Hikvision", on: try LedgerTime.parse("2019-10-09"), type: .export)
/// ```
///
/// ## Topics
/// - Opening: ``open(path:access:clock:)``, ``open(_:access:seed:)``, ``Location``
/// - Writing: ``importFiles(_:dryRun:expectedLastSequence:limits:)``, ``append(json:source:expectedLastSequence:)``,
///   ``importSnapshot(path:format:source:published:effective:options:)``, ``importSnapshotSeries(_:source:removalGuard:progress:)``,
///   ``syncEmbeddedEvents()``, ``rebuild(progress:)``
/// - Reading: ``head(recordedThrough:)``, ``verify(expecting:)``, ``stats(now:)``, ``events(_:)``, ``list(asOf:regime:party:)``,
///   ``diff(from:to:knownAt:recordedThrough:regime:)``, ``timeline(_:now:)``, ``resolveParty(_:)``, ``sources(of:)``
/// - Screening: ``screeningSnapshot(knownAt:recordedThrough:options:)``, ``rescreen(_:options:progress:emit:)``,
///   ``lookback(_:baseline:options:cutoff:)``
public struct Ledger: Sendable {
    /// The store (visible to this package's tests, not to the library's users).
    package let database: LedgerDatabase

    package init(database: LedgerDatabase) {
        self.database = database
    }

    /// The system clock, in whole seconds (the default `recorded` clock and "now").
    public static let systemClock: @Sendable () -> LedgerTime = { LedgerDatabase.systemClock() }

    /// Where a front end's ledger lives: a path given, else `$SANCTIONS_DB`, else the default
    /// file (`$XDG_DATA_HOME/sanctions-ledger/ledger.sqlite`, else `~/.local/share/...`), which
    /// follows the embedded `Events/`.
    public struct Location: Sendable, Hashable {
        public var path: String
        /// Whether this is the default ledger (kept in step with the embedded `Events/`).
        public var isDefault: Bool

        public init(path: String, isDefault: Bool) {
            self.path = path
            self.isDefault = isDefault
        }

        /// The ledger a front end uses: `given`, else `$SANCTIONS_DB`, else the default file.
        public static func resolve(
            _ given: String?, environment: [String: String] = ProcessInfo.processInfo.environment
        ) -> Location {
            if let given { return Location(path: given, isDefault: false) }
            if let path = environment["SANCTIONS_DB"], !path.isEmpty { return Location(path: path, isDefault: false) }
            let base: String
            if let xdg = environment["XDG_DATA_HOME"], !xdg.isEmpty {
                base = xdg
            } else {
                base = (environment["HOME"] ?? NSHomeDirectory()) + "/.local/share"
            }
            return Location(path: base + "/sanctions-ledger/ledger.sqlite", isDefault: true)
        }
    }

    /// Opens the ledger at `path` (nil: in memory): for writing, creating it when missing; or
    /// read-only (nothing written, no lock taken that a writer waits for).
    public static func open(
        path: String?, access: LedgerAccess = .readWrite, busyTimeout: Double = 10,
        clock: @escaping @Sendable () -> LedgerTime = Ledger.systemClock
    ) throws -> Ledger {
        guard let path else {
            return try openUnlocked(path: nil, access: access, busyTimeout: busyTimeout, clock: clock)
        }
        try createFolder(of: path, access: access)
        return try FolderLock.holding(folderOf: path, timeout: FolderLock.setUpWait(busyTimeout)) {
            try openUnlocked(path: path, access: access, busyTimeout: busyTimeout, clock: clock)
        }
    }

    /// Opens the ledger at `path` for writing (creating it when missing) and runs `setUp` on it
    /// (seeding, declaring regimes) holding the lock on its folder: another process opening it
    /// meanwhile waits, and never sees it created but not yet set up.
    public static func openSettingUp<T>(
        path: String, busyTimeout: Double = 10, _ setUp: (Ledger) throws -> T
    ) throws -> (ledger: Ledger, result: T) {
        try createFolder(of: path, access: .readWrite)
        return try FolderLock.holding(folderOf: path, timeout: FolderLock.setUpWait(busyTimeout)) {
            let ledger = try openUnlocked(path: path, access: .readWrite, busyTimeout: busyTimeout)
            return (ledger, try setUp(ledger))
        }
    }

    /// Opens the ledger at `path` without the folder lock (its caller holds it, or needs none).
    private static func openUnlocked(
        path: String?, access: LedgerAccess, busyTimeout: Double,
        clock: @escaping @Sendable () -> LedgerTime = Ledger.systemClock
    ) throws -> Ledger {
        Ledger(database: try LedgerDatabase(path: path, access: access, busyTimeout: busyTimeout, clock: clock))
    }

    /// Makes the folder a ledger is to be written in.
    private static func createFolder(of path: String, access: LedgerAccess) throws {
        let folder = (path as NSString).deletingLastPathComponent
        if access == .readWrite, !folder.isEmpty {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        }
    }

    /// A front end's ledger as opened: where, and what seeding did.
    public struct Opened {
        public var ledger: Ledger
        /// The file opened: the location's, or the default ledger's successor (see ``superseded``).
        public var path: String
        /// What seeding appended (nil when nothing was).
        public var built: AppendReport?
        /// When the default ledger was built from an earlier version of the embedded `Events/` that
        /// this version revises (their events would contradict it): that file, left as it was, and
        /// why; a successor built from this version was opened instead.
        public var superseded: (path: String, reason: String)?
    }

    /// Opens a front end's ledger. With `seed`, a ledger that does not exist yet is built from
    /// the embedded `Events/`, and the default ledger is brought up to date with them (which
    /// takes the write lock only when they changed). Reading opens read-only otherwise: no lock
    /// a writer waits for, and an archived or read-only copy works.
    ///
    /// Events are immutable, so when this version of the embedded history revises an event the
    /// default ledger already holds, the default ledger is never rewritten: a successor named by
    /// the embedded events' digest (`ledger-<digest>.sqlite`, beside it) is built and used from
    /// then on, and the old file stays as it was (an audit report made from it still reproduces).
    public static func open(_ location: Location, access: LedgerAccess, seed: Bool = true, busyTimeout: Double = 10)
        throws -> Opened
    {
        guard location.isDefault, seed else {
            let (ledger, built) = try openSeeding(location, access: access, seed: seed, busyTimeout: busyTimeout)
            return Opened(ledger: ledger, path: location.path, built: built)
        }
        let successor = Location(
            path: (location.path as NSString).deletingLastPathComponent + "/ledger-"
                + String(try embeddedEventsDigest().prefix(16)) + ".sqlite", isDefault: true)
        if FileManager.default.fileExists(atPath: successor.path) {
            let (ledger, built) = try openSeeding(successor, access: access, seed: seed, busyTimeout: busyTimeout)
            return Opened(ledger: ledger, path: successor.path, built: built)
        }
        do {
            let (ledger, built) = try openSeeding(location, access: access, seed: seed, busyTimeout: busyTimeout)
            return Opened(ledger: ledger, path: location.path, built: built)
        } catch let error as InputError where error.code == .conflictingEventID {
            let (ledger, built) = try openSeeding(successor, access: .readWrite, seed: true, busyTimeout: busyTimeout)
            return Opened(
                ledger: ledger, path: successor.path, built: built, superseded: (location.path, error.message))
        }
    }

    private static func openSeeding(_ location: Location, access: LedgerAccess, seed: Bool, busyTimeout: Double)
        throws -> (ledger: Ledger, built: AppendReport?)
    {
        let exists = FileManager.default.fileExists(atPath: location.path)
        let mustSeed =
            seed
            && (!exists
                || (location.isDefault
                    && (access == .readWrite || FileManager.default.isWritableFile(atPath: location.path))))
        guard mustSeed else { return (try open(path: location.path, access: access, busyTimeout: busyTimeout), nil) }
        // Created, migrated and seeded under the folder lock: a second process opening it at once
        // waits, then finds it whole (and up to date).
        let (ledger, report) = try openSettingUp(path: location.path, busyTimeout: busyTimeout) {
            try $0.syncEmbeddedEvents()
        }
        return (ledger, report.flatMap { $0.appended > 0 ? $0 : nil })
    }

    /// A copy of this ledger at `path` (nil: in memory), made with SQLite's backup: the same log
    /// and projections, without replaying anything.
    package func copy(to path: String?, clock: @escaping @Sendable () -> LedgerTime = Ledger.systemClock) throws
        -> Ledger
    {
        let copy = try Ledger.open(path: path, clock: clock)
        try database.copy(to: copy.database)
        return copy
    }

    /// Declares the embedded regimes (`Events/regimes.json`) and their rules (the curated notices'
    /// rule-changed events), without any designation.
    @discardableResult
    public func declareEmbeddedRegimes() throws -> AppendReport {
        let file = try DefaultEvents.regimes()
        var decoded = try EventFileDecoder.decode(file.bytes, path: "Events/" + file.name)
        for notice in try DefaultEvents.files() where notice.name.hasSuffix(".json") && notice.name != file.name {
            let events = try EventFileDecoder.decode(notice.bytes, path: "Events/" + notice.name).events
            decoded.events += events.filter { $0.event.kind == .ruleChanged }
        }
        return try importDecoded([decoded])
    }

    /// The SHA-256 of the embedded `Events/` (names and bytes): which version of them a ledger holds.
    /// The embedded files never change while the program runs, so each digest is computed once.
    public static func embeddedEventsDigest(includingHistory: Bool = true) throws -> String {
        try (includingHistory ? digestWithHistory : digestOfNotices).get()
    }

    private static let digestWithHistory = Result { try digestOfEmbeddedEvents(includingHistory: true) }
    private static let digestOfNotices = Result { try digestOfEmbeddedEvents(includingHistory: false) }

    private static func digestOfEmbeddedEvents(includingHistory: Bool) throws -> String {
        var digestInput: [UInt8] = []
        for file in try DefaultEvents.files() where includingHistory || !file.name.hasSuffix(".jsonl") {
            digestInput += Array(file.name.utf8) + [0] + file.bytes + [0]
        }
        return ChainHash.hex(ChainHash.sha256(digestInput))
    }

    /// Imports the embedded `Events/` when this ledger has not seen this version of them.
    @discardableResult
    public func syncEmbeddedEvents(includingHistory: Bool = true) throws -> AppendReport? {
        let files = try DefaultEvents.files().filter { includingHistory || !$0.name.hasSuffix(".jsonl") }
        let digest = try Self.embeddedEventsDigest(includingHistory: includingHistory)
        if try database.meta("embeddedEventsDigest") == digest { return nil }
        // The curated notices, then the history generated from the public list files (one event a
        // line): checked and appended in one transaction.
        let notices = try files.filter { !$0.name.hasSuffix(".jsonl") }.map {
            try EventFileDecoder.decode($0.bytes, path: "Events/" + $0.name)
        }
        let noticeEvents = notices.flatMap(\.events)
        try Self.refuseSnapshotEvents(noticeEvents)
        var located = noticeEvents
        for file in files where file.name.hasSuffix(".jsonl") {
            located += try Self.decodeHistory(file.bytes, path: "Events/" + file.name)
        }
        let report: AppendReport
        do {
            report = try database.importBatch(regimes: notices.flatMap(\.regimes), events: located.map(\.event))
        } catch let error as InputError {
            throw Self.locate(error, in: located)
        }
        try database.setMeta("embeddedEventsDigest", digest)
        return report
    }
}
