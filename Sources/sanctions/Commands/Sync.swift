import ArgumentParser
import Foundation
import SanctionsCore
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
                    for source in report.sources {
                        switch source.status {
                        case .unchanged:
                            try Console.print("\(source.name): unchanged")
                        case .imported(let imported):
                            try Console.print("\(source.name): \(imported.citation): \(imported.entries) entries")
                            try Console.print(AppendSummary.render(imported.append))
                        }
                        for file in source.files { try Console.print("  \(file.location) sha256 \(file.sha256)") }
                    }
                    try Console.print(
                        "head \(report.headBefore) -> \(report.headAfter) in \(String(format: "%.1f", report.seconds)) s"
                    )
                    if let lookback, report.headAfter.sequence > report.headBefore.sequence {
                        // The transactions whose verdict the new publications change, and why.
                        var input = try TransactionInput(path: lookback)
                        let changes = try opened.lookback(
                            &input, baseline: .recordedThrough(report.headBefore.sequence), options: ScreeningOptions())
                        let sources = try opened.sources(of: changes.differences.flatMap(\.causes))
                        var out = StringSink()
                        try LookbackOutput.write(
                            changes, format: .csv, baseline: "as recorded before this sync", sources: sources, to: &out)
                        try Console.print(out.text.trimmingCharacters(in: .newlines))
                        Console.note(LookbackOutput.summaryText(changes))
                    }
                }
            }
        }
    }
}
