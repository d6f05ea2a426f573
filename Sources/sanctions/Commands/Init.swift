import ArgumentParser
import Foundation
import SanctionsLedger

extension SanctionsCommand {
    struct Init: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create a ledger (built from the embedded Events/ unless --empty).",
            discussion: "Example: sanctions init --db /tmp/ledger.sqlite")

        @OptionGroup var ledger: LedgerOptions

        @Flag(help: "Create the ledger without the curated events (regimes are still declared).")
        var empty = false

        func run() throws {
            try runReportingErrors {
                let path = ledger.resolvedPath.path
                let opened = try ledger.open(seed: false)
                if empty {
                    try opened.declareEmbeddedRegimes()
                    Console.print("ledger \(path): regimes declared, no events")
                    return
                }
                let report = try opened.syncEmbeddedEvents()
                let head = try opened.database.head()
                Console.print("ledger \(path): \(report?.appended ?? 0) events appended from the embedded Events/, \(head.sequence) in all; head \(head.hash)")
            }
        }
    }
}
