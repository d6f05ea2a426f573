import ArgumentParser
import Foundation
import SanctionsLedger

/// `--db`: which ledger file to use (else `$SANCTIONS_DB`, else the default ledger).
struct LedgerOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "The ledger file (default: $SANCTIONS_DB, else ~/.local/share/sanctions-ledger/ledger.sqlite).",
            valueName: "path"))
    var db: String?

    @Option(
        help: ArgumentHelp(
            "How long a writer waits for another writer before giving up with exit code 5 (seconds).",
            valueName: "seconds"))
    var busyTimeout: Double = 10

    var location: Ledger.Location { Ledger.Location.resolve(db) }

    /// Opens the ledger; with `seed`, a missing ledger is built from the embedded Events/ and the
    /// default ledger follows them. Reading opens read-only when nothing has to be written.
    func open(_ access: LedgerAccess, seed: Bool = true) throws -> Ledger {
        let opened = try Ledger.open(location, access: access, seed: seed, busyTimeout: busyTimeout)
        if let (old, reason) = opened.superseded {
            Console.note(
                "the default ledger \(old) was built from an earlier version of the embedded Events/, which this "
                    + "version revises (\(reason)); it is left as it was, and the default ledger is now \(opened.path)")
        }
        if let built = opened.built {
            Console.note("built the ledger \(opened.path) from the embedded Events/: \(built.appended) events")
        }
        return opened.ledger
    }
}
