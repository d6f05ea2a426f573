public import Foundation
import SanctionsDefaultEvents
import SanctionsEmbedding

/// A sanctions ledger: the event log and its projections, with the operations users ask for.
///
/// For example:
/// ```swift
/// let ledger = try Ledger.open(path: nil)           // the default ledger, built from Events/
/// let report = try ledger.importFiles(["Events/notices"])
/// ```
///
/// ## Topics
/// - Opening: ``open(path:clock:)``, ``defaultPath(environment:)``
/// - Importing: ``importFiles(_:dryRun:expectedLastSequence:)``, ``syncEmbeddedEvents()``
public struct Ledger: Sendable {
    /// The underlying database.
    public let database: LedgerDatabase

    /// Wraps an opened database.
    public init(database: LedgerDatabase) {
        self.database = database
    }

    /// The default ledger file: `$SANCTIONS_DB`, else `$XDG_DATA_HOME/sanctions-ledger/ledger.sqlite`,
    /// else `~/.local/share/sanctions-ledger/ledger.sqlite`.
    public static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> (path: String, isDefault: Bool) {
        if let path = environment["SANCTIONS_DB"], !path.isEmpty { return (path, false) }
        let base: String
        if let xdg = environment["XDG_DATA_HOME"], !xdg.isEmpty {
            base = xdg
        } else {
            base = (environment["HOME"] ?? NSHomeDirectory()) + "/.local/share"
        }
        return (base + "/sanctions-ledger/ledger.sqlite", true)
    }

    /// Opens the ledger at `path` (nil: in memory): for writing, creating it when missing; or
    /// read-only (nothing written, no lock taken that a writer waits for).
    public static func open(
        path: String?, access: LedgerDatabase.Access = .readWrite, clock: @escaping @Sendable () -> LedgerTime = LedgerDatabase.systemClock
    ) throws -> Ledger {
        if let path, access == .readWrite {
            let folder = (path as NSString).deletingLastPathComponent
            if !folder.isEmpty { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
        }
        return Ledger(database: try LedgerDatabase(path: path, access: access, clock: clock))
    }

    /// Opens the default ledger and brings it up to date with the embedded `Events/` (idempotent:
    /// only events it lacks are appended; the digest of the embedded set is remembered so that the
    /// check is skipped when nothing changed).
    public static func openDefault(path: String, clock: @escaping @Sendable () -> LedgerTime = LedgerDatabase.systemClock) throws -> (ledger: Ledger, seeded: AppendReport?) {
        let ledger = try open(path: path, clock: clock)
        return (ledger, try ledger.syncEmbeddedEvents())
    }

    /// Declares the embedded regimes (`Events/regimes.json`) without importing any event.
    @discardableResult
    public func declareEmbeddedRegimes() throws -> AppendReport {
        let file = try DefaultEvents.regimes()
        return try importDecoded([try EventFileDecoder.decode(file.bytes, path: "Events/" + file.name)])
    }

    /// Imports the embedded `Events/` when this ledger has not seen this version of them.
    @discardableResult
    public func syncEmbeddedEvents() throws -> AppendReport? {
        let files = try DefaultEvents.files()
        var digestInput: [UInt8] = []
        for file in files {
            digestInput += Array(file.name.utf8) + [0] + file.bytes + [0]
        }
        let digest = ChainHash.hex(ChainHash.sha256(digestInput))
        if try database.meta("embeddedEventsDigest") == digest { return nil }
        let decoded = try files.map { try EventFileDecoder.decode($0.bytes, path: "Events/" + $0.name) }
        let report = try importDecoded(decoded)
        try database.setMeta("embeddedEventsDigest", digest)
        return report
    }
}
