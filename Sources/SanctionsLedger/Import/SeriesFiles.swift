import Foundation
import SanctionsCore

/// A series manifest (`MANIFEST.tsv`): per file, its observation time and, when given, its hash.
enum SeriesManifest {
    struct Row {
        var time: LedgerTime
        var sha256: String?
        var line: Int
    }

    /// The rows by file name. Needs `file` and `commit_time_utc` columns; `sha256` is optional.
    static func read(_ manifest: String) throws -> [String: Row] {
        let text = String(decoding: try Data(contentsOf: URL(fileURLWithPath: manifest)), as: UTF8.self)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
            $0.split(separator: "\t", omittingEmptySubsequences: false).map { String($0).trimmingCharacters(in: .whitespacesAndNewlines) }
        }
        guard let header = lines.first, let fileColumn = header.firstIndex(of: "file"), let timeColumn = header.firstIndex(of: "commit_time_utc") else {
            throw InputError(.malformedRow, "the manifest needs 'file' and 'commit_time_utc' columns", file: manifest, line: 1)
        }
        let hashColumn = header.firstIndex(of: "sha256")
        var rows: [String: Row] = [:]
        for (offset, columns) in lines.dropFirst().enumerated() where columns.count > max(fileColumn, timeColumn) {
            let line = offset + 2
            let time: LedgerTime
            do {
                time = try LedgerTime.parse(columns[timeColumn])
            } catch {
                throw InputError(.invalidDate, error.description, file: manifest, line: line, field: "commit_time_utc")
            }
            let hash = hashColumn.flatMap { $0 < columns.count && !columns[$0].isEmpty ? columns[$0] : nil }
            let name = (columns[fileColumn] as NSString).lastPathComponent
            if let earlier = rows[name] {
                throw InputError(.malformedRow, "the file is listed twice (also on line \(earlier.line))", file: manifest, line: line, field: "file")
            }
            rows[name] = Row(time: time, sha256: hash, line: line)
        }
        return rows
    }
}

/// Unpacking a series archive (`.tar.xz`).
enum SeriesArchive {
    /// Unpacks `path` into `scratch` and returns the folder to read.
    static func unpack(_ path: String, into scratch: URL) throws -> String {
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["tar", "-xJf", path, "-C", scratch.path]
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw InputError(.unreadableFile, "tar could not unpack the archive", file: path) }
        return scratch.path
    }
}
