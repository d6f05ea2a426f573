import ArgumentParser
import Foundation
import SanctionsLedger
import SanctionsSync

extension SanctionsCommand {
    struct Sync: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Fetch the lists' current publications and import what changed.",
            discussion: """
                Fetches each list's files from its official address (OFAC's Sanctions List Service: SDN.CSV with \
                ADD.CSV, ALT.CSV and SDN_COMMENTS.CSV, and the consolidated list's CONS_ENHANCED.ZIP; trade.gov's \
                consolidated.csv), or from --sources, with conditional requests (ETag, If-Modified-Since): a list \
                the server says is unchanged is not downloaded. Every file is checked (its announced length, a \
                SHA-256 the server states) and parsed before anything is written; then each new publication is \
                imported as a snapshot (one transaction each), dated now and in the window since the last sync. \
                Its events cite the address and the file's SHA-256. --from DIR takes files fetched by other means \
                (<DIR>/<source>/<file> or <DIR>/<file>). --lookback FILE lists the transactions whose verdict \
                the new publications change.

                Example: sanctions sync --lookback Examples/shipments.csv
                """)

        @OptionGroup var ledger: LedgerOptions

        @Option(help: ArgumentHelp("The addresses to fetch (JSON; default: the official ones).", valueName: "file"))
        var sources: String?

        @Option(help: ArgumentHelp("Take the files from this folder instead of fetching them.", valueName: "folder"))
        var from: String?

        @Option(help: ArgumentHelp("Transactions to check against what changed (CSV).", valueName: "file"))
        var lookback: String?

        func run() throws {
            try runReportingErrors {
                let scratch = FileManager.default.temporaryDirectory.appendingPathComponent(
                    "sanctions-sync-\(UUID().uuidString)")
                try TemporaryFiles.with(scratch.path) {
                    let opened = try ledger.open(.readWrite)
                    let addresses = try sources.map(SyncSources.read) ?? .official
                    let report = try opened.sync(addresses, from: from, scratch: scratch)
                    try Console.print(report.text)
                    if let lookback, let changes = try opened.lookback(after: report, transactions: lookback) {
                        try Console.print(changes.csv)
                        Console.note(changes.summary)
                    }
                }
            }
        }
    }
}
