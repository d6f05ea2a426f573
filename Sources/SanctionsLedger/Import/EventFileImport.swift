import Foundation
public import SanctionsCore
public import SanctionsImport
public import SanctionsScreening
package import SanctionsStore

/// Reading event files from disk and importing them.
extension Ledger {
    /// The event files under `paths`: files as given, folders searched recursively for `*.json`,
    /// each folder's files in name order.
    package static func eventFilePaths(_ paths: [String]) throws(InputError) -> [String] {
        var files: [String] = []
        for path in paths {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
                throw InputError(.unreadableFile, "no such file or folder", file: path)
            }
            if !isFolder.boolValue {
                files.append(path)
                continue
            }
            guard let enumerator = FileManager.default.enumerator(atPath: path) else {
                throw InputError(.unreadableFile, "cannot list the folder", file: path)
            }
            var found: [String] = []
            while let relative = enumerator.nextObject() as? String {
                if relative.hasSuffix(".json") { found.append((path as NSString).appendingPathComponent(relative)) }
            }
            files += found.sorted()
        }
        return files
    }

    /// Reads and decodes event files (all of them, before anything is written).
    package static func readEventFiles(_ files: [String], limits: InputLimits = .eventFiles) throws -> [EventFile] {
        var decoded: [EventFile] = []
        for file in files {
            decoded.append(
                try EventFileDecoder.decode(try InputFiles.readRegularFile(file, limits: limits), path: file))
        }
        return decoded
    }

    /// Imports the event files under `paths` in one transaction: all of them, or (on any error)
    /// nothing. Events already in the ledger with the same content are skipped.
    ///
    /// Errors name the file and line of the event concerned.
    @discardableResult
    public func importFiles(
        _ paths: [String], dryRun: Bool = false, expectedLastSequence: Int? = nil, limits: InputLimits = .eventFiles
    ) throws -> AppendReport {
        let files = try Self.readEventFiles(try Self.eventFilePaths(paths), limits: limits)
        return try importDecoded(files, dryRun: dryRun, expectedLastSequence: expectedLastSequence)
    }

    /// Imports already decoded event files in one transaction.
    @discardableResult
    package func importDecoded(_ files: [EventFile], dryRun: Bool = false, expectedLastSequence: Int? = nil) throws
        -> AppendReport
    {
        let regimes = files.flatMap(\.regimes)
        let located = files.flatMap(\.events)
        try Self.refuseSnapshotEvents(located)
        do {
            return try database.importBatch(
                regimes: regimes, events: located.map(\.event), expectedLastSequence: expectedLastSequence,
                dryRun: dryRun)
        } catch let error as InputError {
            throw Self.locate(error, in: located)
        }
    }

    /// Appends one event given by a user (`sanctions append`), with the same checks as event files.
    @discardableResult
    public func append(_ event: LedgerEvent, expectedLastSequence: Int? = nil) throws -> AppendReport {
        try append([event], expectedLastSequence: expectedLastSequence)
    }

    /// Appends events in one transaction, all or none, with the same checks as event files.
    @discardableResult
    public func append(_ events: [LedgerEvent], expectedLastSequence: Int? = nil) throws -> AppendReport {
        try Self.refuseSnapshotEvents(events.map { LocatedEvent(event: $0, file: "<input>", line: 0) })
        return try database.append(events, expectedLastSequence: expectedLastSequence)
    }

    /// Events that only snapshot imports write: observations of publications, and ids of the form
    /// `<source>:<key>:<change>@<stamp>` of a known source. A hand-written event of that form could
    /// collide with (and so block) a later import of the real publication, or claim a publication
    /// the ledger never compared.
    static func refuseSnapshotEvents(_ located: [LocatedEvent]) throws(InputError) {
        let sources =
            (try? programRegimeMap().sources.keys.sorted()) ?? ["ofac-sdn", "ofac-consolidated", "csl", "csl-ofac"]
        for item in located {
            if item.event.kind == .observed {
                throw InputError(
                    .invalidField,
                    "an 'observed' event records a publication a snapshot import compared; it cannot be written by "
                        + "hand (use import-snapshot)",
                    file: item.file, line: item.line, field: "type", eventID: item.event.id)
            }
            if SnapshotEventID.hasSnapshotForm(item.event.id, sources: sources) {
                throw InputError(
                    .invalidField,
                    "event id '\(item.event.id)' has the form of a snapshot import's id "
                        + "(<source>:<key>:<change>@<stamp>); choose another id",
                    file: item.file, line: item.line, field: "id", eventID: item.event.id)
            }
        }
    }

    /// Points an error about an event at the file and line the event came from.
    static func locate(_ error: InputError, in located: [LocatedEvent]) -> InputError {
        guard error.file == nil, let id = error.eventID, let origin = located.first(where: { $0.event.id == id }) else {
            return error
        }
        var relocated = error
        relocated.file = origin.file
        relocated.line = origin.line
        if let field = error.field, !field.hasPrefix("event") {
            relocated.field = "event '\(id)'.\(field)"
        } else if error.field == nil {
            relocated.field = "event '\(id)'"
        }
        return relocated
    }
}
