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
                try Console.print(AppendSummary.render(report))
            }
        }
    }
}

/// A human summary of an append.
enum AppendSummary {
    static func render(_ report: AppendReport) -> String {
        var lines = [
            "\(report.dryRun ? "would append" : "appended") \(report.appended) events, skipped \(report.skipped) "
                + "already in the ledger; last sequence \(report.lastSequence)"
        ]
        for (kind, count) in report.byKind.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            lines.append("  \(kind.rawValue): \(count)")
        }
        for (regime, count) in report.byRegime.sorted(by: { $0.key < $1.key }) {
            lines.append("  on \(regime): \(count)")
        }
        return lines.joined(separator: "\n")
    }
}
