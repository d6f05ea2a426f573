import GRDB
import SanctionsSchema

/// Builds the one `DatabaseMigrator` of the ledger from the SQL files in `Schema/migrations/`.
enum LedgerMigrator {
    static func make() throws -> DatabaseMigrator {
        var migrator = DatabaseMigrator()
        for migration in try SchemaResources.migrations() {
            let sql = migration.sql
            migrator.registerMigration(migration.name) { db in
                try db.execute(sql: sql)
            }
        }
        return migrator
    }

    /// The names of the migrations this build knows.
    static func names() throws -> [String] {
        try SchemaResources.migrations().map(\.name)
    }
}
