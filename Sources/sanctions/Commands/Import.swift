import ArgumentParser
import SanctionsLedger

extension SanctionsCommand {
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import event files or folders of event files, all or nothing.",
            discussion: """
                Every file is read and checked before anything is written; one bad file, event or field \
                fails the whole import with its file, line and field, and leaves the ledger as it was. \
                Events already in the ledger with the same content are skipped. With --history, the paths are \
                history files (*.jsonl, one event a line, as `sanctions export` writes them), which may hold \
                what only snapshot imports write (observations, snapshot ids).

                Example: sanctions import Events/notices
                """)

        @OptionGroup var ledger: LedgerOptions

        @Argument(help: ArgumentHelp("Event files, or folders searched for *.json.", valueName: "path"))
        var paths: [String]

        @Option(
            help: ArgumentHelp("Fail with a write conflict unless the ledger's last sequence is this.", valueName: "n"))
        var expectSequence: Int?

        @Flag(help: "Check everything and report what would be appended, without writing.")
        var dryRun = false

        @Flag(help: "The paths are history files (*.jsonl) written by `sanctions export`.")
        var history = false

        @OptionGroup var limits: LimitOptions

        func run() throws {
            try runReportingErrors {
                let opened = try ledger.open(.readWrite)
                let report =
                    history
                    ? try opened.importHistory(paths, dryRun: dryRun)
                    : try opened.importFiles(
                        paths, dryRun: dryRun, expectedLastSequence: expectSequence, limits: limits.eventFileLimits)
                try Console.print(ImportOutput.text(report))
            }
        }
    }
}
