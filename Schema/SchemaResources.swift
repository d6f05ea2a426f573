import SanctionsEmbedding

/// The SQL migrations (and the JSON Schema of event files), embedded in the build by the
/// `EmbedFiles` plugin: the binary needs no resource folder beside it.
public enum SchemaResources {
    /// One migration: its name (the file stem, e.g. `0001_event_log`) and its SQL.
    public struct Migration: Sendable {
        public var name: String
        public var sql: String
    }

    /// The migrations in the order they must be applied (by file name).
    public static func migrations() throws -> [Migration] {
        try embeddedArchive.files()
            .filter { $0.name.hasPrefix("migrations/") && $0.name.hasSuffix(".sql") }
            .sorted { $0.name < $1.name }
            .map { file in
                let stem = String(file.name.dropFirst("migrations/".count).dropLast(".sql".count))
                return Migration(name: stem, sql: String(decoding: file.bytes, as: UTF8.self))
            }
    }
}
