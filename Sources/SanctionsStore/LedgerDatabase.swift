import Foundation
import GRDB
public import SanctionsCore
import SanctionsScreening

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
/// // given: events: [LedgerEvent]
/// let ledger = try LedgerDatabase(path: "ledger.sqlite")
/// let report = try ledger.append(events, expectedLastSequence: 41)
/// ```
///
/// ## Topics
/// - Writes: ``append(_:expectedLastSequence:)``, ``declare(_:)``, ``rebuildProjections()``
/// - Reads: ``head()``, ``verifyChain(progress:)``, ``storedEvents(_:)``
public struct LedgerDatabase: Sendable {
    /// How a ledger is opened.
    public typealias Access = LedgerAccess

    /// The system clock, in whole seconds.
    public static let systemClock: @Sendable () -> LedgerTime = {
        LedgerTime(seconds: Int64(Date().timeIntervalSince1970.rounded(.down)), hasTimeOfDay: true)
    }

    let writer: any DatabaseWriter
    /// The `recorded` clock (injected so that tests can fix it).
    let clock: @Sendable () -> LedgerTime
    /// Where the database lives (`nil` in memory).
    public let path: String?
    /// How it was opened.
    public let access: Access
    /// Whether the stored normalised names were written by another normaliser version (a
    /// read-only ledger cannot refresh them: reads recompute them in memory).
    let normalizedNamesAreStale: Bool

    /// Opens (or creates) the ledger at `path`, or an in-memory ledger when `path` is nil.
    ///
    /// A file that exists must be a ledger (its `application_id`, or the tables of a ledger made
    /// before it) of a schema this build knows; anything else is refused and left unchanged.
    ///
    /// - Parameter busyTimeout: how long a writer waits for another writer before failing with ``StoreError/Code/busy``.
    public init(
        path: String?, access: Access = .readWrite, busyTimeout: Double = 10,
        clock: @escaping @Sendable () -> LedgerTime = LedgerDatabase.systemClock
    ) throws {
        let migrator = try LedgerMigrator.make()
        let migrations = try LedgerMigrator.names()
        do {
            switch (access, path) {
            case (.readOnly, nil):
                throw StoreError(.cannotOpen, "an in-memory ledger cannot be opened read-only")
            case (.readOnly, let path?):
                writer = try Self.openReadOnly(path, migrations: migrations)
                guard try writer.read({ db in try migrator.hasCompletedMigrations(db) }) else {
                    throw StoreError(
                        .readOnly,
                        "the ledger at \(path) was written by an older version and must be migrated, which a "
                            + "read-only open cannot do: open it once with a write command (e.g. sanctions init --db "
                            + "\(path))"
                    )
                }
            case (.readWrite, let path?):
                if FileManager.default.fileExists(atPath: path) {
                    // Recognise the file before anything (even the switch to WAL) is written to it.
                    let probe = try Self.openReadOnly(path, migrations: migrations)
                    try probe.close()
                }
                writer = try DatabasePool(
                    path: path, configuration: Self.configuration(busyTimeout: busyTimeout, readOnly: false))
                if try !writer.read({ db in try migrator.hasCompletedMigrations(db) }) { try migrator.migrate(writer) }
            case (.readWrite, nil):
                writer = try DatabaseQueue(configuration: Self.configuration(busyTimeout: busyTimeout, readOnly: false))
                try migrator.migrate(writer)
            }
        } catch let error as DatabaseError where error.isBusy {
            throw StoreError.busy(error)
        } catch let error as DatabaseError {
            throw StoreError(
                .cannotOpen, "cannot open the ledger at \(path ?? ":memory:"): \(error.message ?? "\(error)")",
                cause: error)
        }
        self.path = path
        self.access = access
        self.clock = clock
        let stored = try writer.read { db in try Self.storedNormalizerVersion(db) }
        if stored > NameNormalizer.version {
            throw StoreError(
                .newerLedger,
                "the ledger at \(path ?? ":memory:") holds names normalised by a newer version (normaliser "
                    + "\(stored), this build \(NameNormalizer.version)); it was left unchanged"
            )
        }
        normalizedNamesAreStale = access == .readOnly && stored != NameNormalizer.version
        if access == .readWrite { try refreshNormalizedNamesIfStale() }
    }

    /// Copies this whole ledger (log, projections, meta) over `target`, which must be writable.
    public func copy(to target: LedgerDatabase) throws {
        try writer.backup(to: target.writer)
    }

    /// SQLite settings of every connection.
    static func configuration(busyTimeout: Double, readOnly: Bool) -> Configuration {
        var configuration = Configuration()
        configuration.busyMode = .timeout(busyTimeout)
        configuration.foreignKeysEnabled = true
        configuration.readonly = readOnly
        configuration.prepareDatabase { db in
            guard !db.configuration.readonly else { return }
            // FULL keeps a committed transaction durable through a power loss, not only a crash.
            try db.execute(sql: "PRAGMA synchronous = FULL")
            // The writer's page cache: an append inserts into indexes all over a large file
            // (event ids, name keys), and a 2 MB cache makes each of those a read. 256 MiB
            // doubles the append rate of a 100,000-event batch; readers keep SQLite's default.
            try db.execute(sql: "PRAGMA cache_size = -262144")
        }
        return configuration
    }

    /// A read-only connection to an existing ledger file, its identity checked. A WAL ledger on a
    /// read-only folder or mount (no `-shm` can be made) is opened as an immutable file.
    static func openReadOnly(_ path: String, migrations: [String]) throws -> DatabaseQueue {
        guard FileManager.default.fileExists(atPath: path) else {
            throw StoreError(.cannotOpen, "no ledger at \(path)")
        }
        let configuration = Self.configuration(busyTimeout: 10, readOnly: true)
        func openAndCheck(_ location: String) throws -> DatabaseQueue {
            let queue = try DatabaseQueue(path: location, configuration: configuration)
            try queue.read { db in try LedgerIdentity.check(db, path: path, knownMigrations: migrations) }
            return queue
        }
        do {
            return try openAndCheck(path)
        } catch let error as DatabaseError where [.SQLITE_READONLY, .SQLITE_CANTOPEN].contains(error.resultCode) {
            return try openAndCheck(Self.immutableURI(path))
        } catch let error as DatabaseError where error.resultCode == .SQLITE_NOTADB {
            throw StoreError(
                .notALedger, "\(path) is not an SQLite database, not a sanctions ledger; it was left unchanged")
        }
    }

    /// `file:PATH?immutable=1`, the path percent-encoded (SQLite reads URI filenames on Debian's build).
    package static func immutableURI(_ path: String) -> String {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "?#%")
        return "file:" + (absolute.addingPercentEncoding(withAllowedCharacters: allowed) ?? absolute) + "?immutable=1"
    }

    /// Runs a write transaction, mapping SQLite's busy and constraint failures to ``StoreError``.
    func write<T>(_ updates: (Database) throws -> T) throws -> T {
        try refuseOnReadOnly()
        do {
            return try writer.write(updates)
        } catch let error as DatabaseError where error.isBusy {
            throw StoreError.busy(error)
        }
    }

    /// Throws ``StoreError/Code/readOnly`` on a ledger opened read-only.
    func refuseOnReadOnly() throws {
        if access == .readOnly {
            throw StoreError(.readOnly, "the ledger at \(path ?? ":memory:") is open read-only; nothing was written")
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
        try refuseOnReadOnly()
        try writer.write { db in try db.execute(sql: sql) }
    }

    /// Copies the WAL into the main database file (so that the file alone holds every commit).
    public func checkpoint() throws {
        try refuseOnReadOnly()
        try writer.writeWithoutTransaction { db in _ = try db.checkpoint(.truncate) }
    }
}

extension DatabaseError {
    /// Another connection held the lock longer than the busy timeout.
    var isBusy: Bool { resultCode == .SQLITE_BUSY || resultCode == .SQLITE_LOCKED }
}

extension StoreError {
    /// The error of a write that waited for another writer longer than the busy timeout.
    static func busy(_ cause: DatabaseError) -> StoreError {
        StoreError(
            .busy, "the ledger is busy: another writer held it longer than the busy timeout; nothing was written",
            cause: cause)
    }
}
