import ArgumentParser
import SanctionsLedger

extension SanctionsCommand {
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the ledger's events as history files: one event a line, split by source and year.",
            discussion: """
                Each event is written as its canonical JSON on one line, in sequence order, into \
                <folder>/<source>/<year>.jsonl: the source is the list a snapshot import read (ofac-sdn, csl, \
                bis-dpl, ...) or `curated`, the year that of the publication that produced it. A rerun on the same \
                ledger writes the same bytes. `sanctions import --history <folder>` reads them back.

                Example: sanctions export Events/history --snapshots-only --replace
                """)

        @OptionGroup var ledger: LedgerOptions

        @Argument(help: ArgumentHelp("The folder to write (created if missing).", valueName: "folder"))
        var folder: String

        @Option(help: ArgumentHelp("Only the events after this sequence number.", valueName: "n"))
        var afterSequence: Int?

        @Flag(help: "Remove the history files already in the folder first.")
        var replace = false

        @Flag(help: "Only the events snapshot imports wrote (not the curated notices' events).")
        var snapshotsOnly = false

        func run() throws {
            try runReportingErrors {
                let report = try ledger.open(.readOnly).exportHistory(
                    to: folder, after: afterSequence, replace: replace, snapshotsOnly: snapshotsOnly)
                try Console.print(report.text(folder: folder))
            }
        }
    }
}
