import Foundation
import GRDB
public import SanctionsCore

/// The ledger's SQLite database: the append-only event log and its projections.
///
/// One value wraps one GRDB writer (a WAL `DatabasePool` on disk, a `DatabaseQueue` in memory)
/// and runs the migrations when opened (recomputing the projection's normalised names when they
/// were written by another version of the name normaliser). All writes keep the invariants: one transaction per
/// append, the chain extended, the projections of every touched stream replaced in the same
/// transaction.
///
/// For example:
/// ```swift
/// let ledger = try LedgerDatabase(path: "ledger.sqlite")
/// let report = try ledger.append(events, expectedLastSequence: 41)
/// ```
///
/// ## Topics
/// - Writes: ``append(_:expectedLastSequence:)``, ``declare(_:)``, ``rebuildProjections()``
/// - Reads: ``head()``, ``verifyChain(progress:)``, ``storedEvents(_:)``
public struct LedgerDatabase: Sendable {
    /// The system clock, in whole seconds.
    public static let systemClock: @Sendable () -> LedgerTime = {
        LedgerTime(seconds: Int64(Date().timeIntervalSince1970.rounded(.down)), hasTimeOfDay: true)
    }

    let writer: any DatabaseWriter
    /// The `recorded` clock (injected so that tests can fix it).
    let clock: @Sendable () -> LedgerTime
    /// Where the database lives (`nil` in memory).
    public let path: String?

    /// Opens (or creates) the ledger at `path`, or an in-memory ledger when `path` is nil.
    ///
    /// - Parameter busyTimeout: how long a writer waits for another writer before failing with ``StoreError/Code/busy``.
    public init(path: String?, busyTimeout: Double = 10, clock: @escaping @Sendable () -> LedgerTime = LedgerDatabase.systemClock) throws {
        var configuration = Configuration()
        configuration.busyMode = .timeout(busyTimeout)
        configuration.foreignKeysEnabled = true
        configuration.prepareDatabase { db in
            // FULL keeps a committed transaction durable through a power loss, not only a crash.
            try db.execute(sql: "PRAGMA synchronous = FULL")
            // The writer's page cache: an append inserts into indexes all over a large file
            // (event ids, name keys), and a 2 MB cache makes each of those a read. 256 MiB
            // doubles the append rate of a 100,000-event batch; readers keep SQLite's default.
            if !db.configuration.readonly {
                try db.execute(sql: "PRAGMA cache_size = -262144")
            }
        }
        do {
            if let path {
                writer = try DatabasePool(path: path, configuration: configuration)
            } else {
                writer = try DatabaseQueue(configuration: configuration)
            }
            try LedgerMigrator.make().migrate(writer)
        } catch let error as DatabaseError {
            throw StoreError(.cannotOpen, "cannot open the ledger at \(path ?? ":memory:"): \(error.message ?? "\(error)")", cause: error)
        }
        self.path = path
        self.clock = clock
        try refreshNormalizedNamesIfStale()
    }

    /// Runs a write transaction, mapping SQLite's busy and constraint failures to ``StoreError``.
    func write<T>(_ updates: (Database) throws -> T) throws -> T {
        do {
            return try writer.write(updates)
        } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY || error.resultCode == .SQLITE_LOCKED {
            throw StoreError(.busy, "the ledger is busy: another writer held it longer than the busy timeout; nothing was written", cause: error)
        }
    }

    /// Runs a read.
    func read<T>(_ value: (Database) throws -> T) throws -> T {
        try writer.read(value)
    }
}

extension LedgerDatabase {
    /// Executes raw SQL in a write transaction. For tests that prove the database's own defences
    /// (triggers and constraints); never used by the product.
    public func executeRawSQLForTesting(_ sql: String) throws {
        try writer.write { db in try db.execute(sql: sql) }
    }

    /// Copies the WAL into the main database file (so that the file alone holds every commit).
    public func checkpoint() throws {
        try writer.writeWithoutTransaction { db in _ = try db.checkpoint(.truncate) }
    }
}
