import Foundation
import GRDB
import SanctionsCore

/// How a ledger file is recognised before anything is written to it: SQLite's `application_id`
/// (set by migration 0006), or for ledgers created before it, the event log's tables; and a
/// schema no newer than this build's.
enum LedgerIdentity {
    /// `SANL`, as SQLite's application_id.
    static let applicationID = 0x5341_4E4C

    /// Checks, on a read-only connection, that the database at `path` is a ledger this build can
    /// open. Throws ``StoreError/Code/notALedger`` or ``StoreError/Code/newerLedger`` otherwise.
    static func check(_ db: Database, path: String, knownMigrations: [String]) throws {
        let applicationID = try Int.fetchOne(db, sql: "PRAGMA application_id") ?? 0
        let tables = try Set(String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'"))
        let isLegacyLedger = applicationID == 0 && tables.contains("event") && tables.contains("grdb_migrations")
        guard applicationID == Self.applicationID || isLegacyLedger else {
            let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? nil
            let what: String
            if size == 0 {
                what = "an empty file"
            } else if tables.isEmpty {
                what = "an SQLite database without tables"
            } else {
                what =
                    "another application's SQLite database (application_id \(applicationID), tables: "
                    + "\(tables.sorted().prefix(5).joined(separator: ", ")))"
            }
            throw StoreError(
                .notALedger,
                "\(path) is \(what), not a sanctions ledger; it was left unchanged (give a path where no file "
                    + "exists to create a ledger)"
            )
        }
        guard tables.contains("grdb_migrations") else { return }
        let applied = try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations")
        let unknown = Set(applied).subtracting(knownMigrations)
        if !unknown.isEmpty {
            throw StoreError(
                .newerLedger,
                "\(path) was written by a newer version of sanctions (schema "
                    + "\(unknown.sorted().joined(separator: ", ")) is unknown to this build); it was left unchanged: "
                    + "use that version or a newer one"
            )
        }
    }
}
