import Foundation
public import SanctionsCore
public import SanctionsImport
public import SanctionsScreening
package import SanctionsStore

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
            $0.split(separator: "\t", omittingEmptySubsequences: false).map {
                String($0).trimmingCharacters(in: .whitespacesAndNewlines)
            }
        }
        guard let header = lines.first, let fileColumn = header.firstIndex(of: "file"),
            let timeColumn = header.firstIndex(of: "commit_time_utc")
        else {
            throw InputError(
                .malformedRow, "the manifest needs 'file' and 'commit_time_utc' columns", file: manifest, line: 1)
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
                throw InputError(
                    .malformedRow, "the file is listed twice (also on line \(earlier.line))", file: manifest,
                    line: line, field: "file")
            }
            rows[name] = Row(time: time, sha256: hash, line: line)
        }
        return rows
    }
}

/// Unpacking a series archive (`.tar.xz`) within limits: the archive's listing is checked
/// before anything is written (regular files and folders only, each file and the whole within
/// the limits), then `tar` unpacks it into the scratch folder.
enum SeriesArchive {
    /// One member of the archive's listing.
    struct Member: Equatable {
        var type: Character
        var size: Int
        var name: String
    }

    /// Unpacks `path` into `scratch` and returns the folder to read.
    static func unpack(_ path: String, into scratch: URL, limits: InputLimits) throws -> String {
        _ = try InputFiles.readRegularFile(
            path, limits: InputLimits(maxFileBytes: limits.maxArchiveBytes, maxArchiveBytes: limits.maxArchiveBytes))
        let archive = path.hasPrefix("-") ? "./" + path : path
        let listing = try run(
            ["tar", "--list", "--verbose", "--numeric-owner", "-J", "-f", archive], file: path, what: "list the archive"
        )
        var total = 0
        for member in try members(String(decoding: listing, as: UTF8.self), file: path) {
            guard member.type == "-" || member.type == "d" else {
                throw InputError(
                    .unreadableFile,
                    "the archive holds \(member.name), which is not a regular file or folder (a link or special "
                        + "file): refused",
                    file: path)
            }
            if member.size > limits.maxFileBytes { throw limits.tooLarge(path, what: "the member \(member.name)") }
            total += member.size
            if total > limits.maxArchiveBytes {
                throw InputError(
                    .overLimit,
                    "the archive unpacks to more than \(limits.maxArchiveBytes >> 20) MiB, the limit for a series "
                        + "(raise it with --max-unpacked-mib if it is genuine)",
                    file: path)
            }
        }
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        _ = try run(
            ["tar", "--extract", "--no-same-owner", "--no-same-permissions", "-J", "-f", archive, "-C", scratch.path],
            file: path, what: "unpack the archive")
        return scratch.path
    }

    /// Parses `tar --list --verbose --numeric-owner` output.
    static func members(_ listing: String, file: String) throws -> [Member] {
        try listing.split(separator: "\n").map { line in
            let fields = line.split(separator: " ", maxSplits: 5, omittingEmptySubsequences: true)
            guard fields.count == 6, let type = fields[0].first, let size = Int(fields[2]) else {
                throw InputError(.unreadableFile, "cannot read the archive's listing: '\(line)'", file: file)
            }
            return Member(type: type, size: size, name: String(fields[5]))
        }
    }

    private static func run(_ arguments: [String], file: String, what: String) throws -> [UInt8] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw InputError(
                .unreadableFile, "cannot run tar to \(what) (install tar and xz-utils): \(error)", file: file)
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw InputError(
                .unreadableFile,
                "tar could not \(what) (exit \(process.terminationStatus)); the archive may be damaged or truncated",
                file: file)
        }
        return Array(data)
    }
}
