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
        let (ledger, built) = try Ledger.open(location, access: access, seed: seed, busyTimeout: busyTimeout)
        if let built {
            Console.note("built the ledger \(location.path) from the embedded Events/: \(built.appended) events")
        }
        return ledger
    }
}
