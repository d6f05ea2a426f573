public import Foundation

/// The SQL migrations and the JSON Schema of event files, shipped as resources of this package.
public enum SchemaResources {
    /// One migration: its name (the file stem, e.g. `0001_event_log`) and its SQL.
    public struct Migration: Sendable {
        public var name: String
        public var sql: String
    }

    /// The migrations in the order they must be applied (by file name).
    public static func migrations() throws -> [Migration] {
        guard let folder = Bundle.module.url(forResource: "migrations", withExtension: nil) else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSLocalizedDescriptionKey: "the migrations folder is missing from the package resources"])
        }
        let files = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "sql" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        return try files.map { Migration(name: $0.deletingPathExtension().lastPathComponent, sql: try String(contentsOf: $0, encoding: .utf8)) }
    }

    /// The JSON Schema of event files (`Schema/events.schema.json`).
    public static var eventFileSchemaURL: URL? {
        Bundle.module.url(forResource: "events.schema", withExtension: "json")
    }
}
