import ArgumentParser
import SanctionsLedger

extension SanctionsCommand {
    struct Init: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create a ledger (built from the embedded Events/ unless --empty).",
            discussion: "Example: sanctions init --db /tmp/ledger.sqlite")

        @OptionGroup var ledger: LedgerOptions

        @Flag(help: "Create the ledger with the regimes and their rules only, without any designation.")
        var empty = false

        @Flag(help: "The curated notices only, without the history generated from the public list files.")
        var curatedOnly = false

        func run() throws {
            try runReportingErrors {
                // Set up holding the folder lock: a command opening the ledger meanwhile waits for it,
                // instead of answering from a ledger created but still empty.
                let (opened, report) = try Ledger.openSettingUp(
                    path: ledger.location.path, busyTimeout: ledger.busyTimeout
                ) { opened -> AppendReport? in
                    if empty {
                        try opened.declareEmbeddedRegimes()
                        return nil
                    }
                    return try opened.syncEmbeddedEvents(includingHistory: !curatedOnly)
                }
                if empty {
                    try Console.print(
                        "ledger \(ledger.location.path): regimes and their rules declared, no designation")
                    return
                }
                let head = try opened.head()
                try Console.print(
                    "ledger \(ledger.location.path): \(report?.appended ?? 0) events appended from the embedded "
                        + "Events/, \(head.sequence) in all; head \(head.hash)"
                )
            }
        }
    }
}
