public import Foundation
public import SanctionsLedger

/// Where a test ledger lives: in memory, or in a WAL file in a fresh temporary folder.
public enum StoreKind: String, CaseIterable, Sendable, CustomStringConvertible {
    case inMemory
    case onDisk

    public var description: String { rawValue }
}

/// Temporary ledgers and folders for tests.
public enum TemporaryLedger {
    /// A fixed `recorded` clock (2026-01-01T00:00:00Z) so that test ledgers are reproducible.
    public static let fixedClock: @Sendable () -> LedgerTime = {
        LedgerTime(seconds: 1_767_225_600, hasTimeOfDay: true)
    }

    /// A fresh empty folder for one test, under this test process's own folder
    /// (`$TMPDIR/sanctions-tests-<pid>`), which is removed when the process exits.
    public static func makeFolder() throws -> URL {
        let url = processFolder.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// This process's folder of test files. Made once: the folders of test processes that no
    /// longer run (killed before they could clean up) are removed first, and this one is removed
    /// at exit, so that a suite of copies of the 107 MiB default ledger leaves nothing behind.
    private static let processFolder: URL = {
        let manager = FileManager.default
        let temporary = manager.temporaryDirectory
        let prefix = "sanctions-tests-"
        for name in (try? manager.contentsOfDirectory(atPath: temporary.path)) ?? [] where name.hasPrefix(prefix) {
            guard let pid = Int32(name.dropFirst(prefix.count)), kill(pid, 0) != 0, errno == ESRCH else { continue }
            try? manager.removeItem(at: temporary.appendingPathComponent(name))
        }
        let folder = temporary.appendingPathComponent(prefix + String(getpid()))
        atexit {
            try? FileManager.default.removeItem(
                at: FileManager.default.temporaryDirectory.appendingPathComponent("sanctions-tests-" + String(getpid()))
            )
        }
        return folder
    }()

    /// An empty ledger with the test regimes declared.
    public static func make(_ kind: StoreKind = .inMemory, clock: @escaping @Sendable () -> LedgerTime = fixedClock)
        throws -> Ledger
    {
        let path: String? = kind == .onDisk ? try makeFolder().appendingPathComponent("ledger.sqlite").path : nil
        let ledger = try Ledger.open(path: path, clock: clock)
        try ledger.declare(EventFactory.regimes)
        return ledger
    }

    /// A ledger with the embedded regimes and their rules and no designation (what `init --empty`
    /// makes): for imports of real list files, which need every regime's rules.
    public static func makeEmbeddedRegimes(_ kind: StoreKind = .inMemory) throws -> Ledger {
        let path: String? = kind == .onDisk ? try makeFolder().appendingPathComponent("ledger.sqlite").path : nil
        let ledger = try Ledger.open(path: path, clock: fixedClock)
        try ledger.declareEmbeddedRegimes()
        return ledger
    }

    /// The embedded `Events/` (curated notices and the generated history) built once per test
    /// process; every ``makeCurated(_:)`` ledger is a copy of it.
    private static let template: Result<Ledger, any Error> = Result {
        let ledger = try Ledger.open(path: try makeFolder().appendingPathComponent("template.sqlite").path)
        try ledger.syncEmbeddedEvents()
        return ledger
    }

    /// A ledger holding the embedded `Events/` (the default ledger's content), a fresh copy each time.
    public static func makeCurated(_ kind: StoreKind = .inMemory) throws -> Ledger {
        let path: String? = kind == .onDisk ? try makeFolder().appendingPathComponent("ledger.sqlite").path : nil
        return try template.get().copy(to: path)
    }

    /// Writes a copy of the default ledger (the embedded `Events/`) at `path`, so that a command
    /// run on it finds a built ledger instead of building one (8 s in a debug build).
    public static func writeDefaultLedger(to path: String) throws {
        _ = try template.get().copy(to: path)
    }

    /// A ledger holding the curated notices only (no generated history): a few hundred events, for
    /// tests that need a small ledger and no coverage.
    public static func makeCuratedNoticesOnly(_ kind: StoreKind = .inMemory) throws -> Ledger {
        let path: String? = kind == .onDisk ? try makeFolder().appendingPathComponent("ledger.sqlite").path : nil
        let ledger = try Ledger.open(path: path, clock: Ledger.systemClock)
        try ledger.syncEmbeddedEvents(includingHistory: false)
        return ledger
    }
}

/// Writes files into a folder, for import tests.
public struct FileFixture {
    public let folder: URL

    public init() throws {
        folder = try TemporaryLedger.makeFolder()
    }

    /// Writes `text` to `name` in the folder and returns its path.
    @discardableResult
    public func write(_ name: String, _ text: String) throws -> String {
        let url = folder.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    /// Writes raw bytes to `name` in the folder and returns its path.
    @discardableResult
    public func write(_ name: String, bytes: [UInt8]) throws -> String {
        let url = folder.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }
}
