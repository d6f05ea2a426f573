import ArgumentParser
import Foundation
import SanctionsLedger

extension SanctionsCommand {
    struct ImportSnapshots: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import-snapshots",
            abstract:
                "Import a dated series of SDN publications (a folder of sdn-*.csv or a .tar.xz archive) in time order.",
            discussion: """
                Times come from --manifest (columns file and commit_time_utc, and sha256 when given, which is \
                checked) or from the file names (sdn-2021-08-20T185052Z.csv); a manifest time that contradicts \
                the name, or two files at one time, are refused. Each publication becomes a snapshot observed at \
                its time, in a transaction of its own. Rerunning an interrupted import skips the publications \
                already imported and completes it.

                Example: sanctions import-snapshots ../shared/data/ofac-sdn-daily-2021-08-to-2024-05/sdn-daily.tar.xz \\
                           --manifest ../shared/data/ofac-sdn-daily-2021-08-to-2024-05/MANIFEST.tsv
                """)

        @OptionGroup var ledger: LedgerOptions
        @OptionGroup var series: SeriesOptions

        @Flag(help: "After importing, check every publication against the ledger (see verify-snapshots).")
        var verify = false

        @Flag(help: "Accept publications that remove more than 10% (and more than 25) of the list's designations.")
        var allowMassRemoval = false

        func run() throws {
            try runReportingErrors {
                let opened = try ledger.open(.readWrite)
                try series.withItems { items in
                    let terminal = Console.stderrIsTerminal
                    let report = try opened.importSnapshotSeries(items, allowMassRemoval: allowMassRemoval) {
                        position, item, appended in
                        if terminal {
                            Console.noteInline(
                                "\r[\(position + 1)/\(items.count)] \(item.time): +\(appended.appended) events")
                        }
                    }
                    if terminal { Console.note("") }
                    try Console.print(ImportOutput.text(report))
                    if verify { try SeriesCheck.run(opened, items) }
                }
            }
        }
    }

    struct VerifySnapshots: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "verify-snapshots",
            abstract: "Check that the ledger reproduces every publication of a series; exit 1 on any mismatch.",
            discussion: "Example: sanctions verify-snapshots sdn-daily.tar.xz --manifest MANIFEST.tsv")

        @OptionGroup var ledger: LedgerOptions
        @OptionGroup var series: SeriesOptions

        func run() throws {
            try runReportingErrors {
                let opened = try ledger.open(.readOnly, seed: false)
                try series.withItems { items in try SeriesCheck.run(opened, items) }
            }
        }
    }
}

enum SeriesCheck {
    static func run(_ ledger: Ledger, _ items: [Ledger.SeriesItem]) throws {
        let result = try ledger.verifySnapshotSeries(items)
        for mismatch in result.mismatches.prefix(Console.shownProblems) {
            Console.note("mismatch at \(mismatch.time), entry \(mismatch.key): \(mismatch.problem)")
        }
        try Console.print(
            "checked \(result.checked) publications, \(result.entries) entries: \(result.mismatches.count) mismatches")
        if !result.mismatches.isEmpty { throw ExitCode(Exit.verifyFailed) }
    }
}
