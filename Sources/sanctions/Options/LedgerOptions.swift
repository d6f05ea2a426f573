import ArgumentParser
import Foundation
import SanctionsLedger

/// `--db`: which ledger file to use.
struct LedgerOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The ledger file (default: $SANCTIONS_DB, else ~/.local/share/sanctions-ledger/ledger.sqlite).", valueName: "path"))
    var db: String?

    /// The path and whether it is the default ledger (which follows the embedded Events/).
    var resolvedPath: (path: String, isDefault: Bool) {
        if let db { return (db, false) }
        return Ledger.defaultPath()
    }

    /// Opens the ledger for writing. A ledger file that does not exist yet is built from the
    /// embedded Events/; the default ledger is also brought up to date with them on every open.
    func open(seed: Bool = true) throws -> Ledger {
        let (path, isDefault) = resolvedPath
        let existed = FileManager.default.fileExists(atPath: path)
        let ledger = try Ledger.open(path: path)
        if seed, isDefault || !existed {
            if let report = try ledger.syncEmbeddedEvents(), report.appended > 0 {
                Console.note("built the ledger \(path) from the embedded Events/: \(report.appended) events")
            }
        }
        return ledger
    }

    /// Opens the ledger for a command that only reads: read-only (no lock a writer waits for,
    /// nothing written, works on an archived or read-only copy), except that a missing ledger is
    /// built first and a writable default ledger is first brought up to date with Events/ (which
    /// takes the write lock only when Events/ changed).
    func openForReading(seed: Bool = true) throws -> Ledger {
        let (path, isDefault) = resolvedPath
        let exists = FileManager.default.fileExists(atPath: path)
        if seed, !exists || (isDefault && FileManager.default.isWritableFile(atPath: path)) {
            return try open(seed: true)
        }
        return try Ledger.open(path: path, access: .readOnly)
    }
}
