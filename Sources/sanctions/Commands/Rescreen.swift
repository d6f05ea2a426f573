import ArgumentParser
import SanctionsLedger

extension SanctionsCommand {
    struct Rescreen: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Rescreen a file of transactions, each on its own date, against the rules of that day.",
            discussion: """
                FILE is CSV with a header (columns id, date, counterparty, type required; country, eccn, amount, \
                currency optional; others carried through) or JSON Lines (.jsonl) with the same fields; '-' reads stdin. \
                A bad row is reported with its line and skipped (--strict fails the run instead). Output: CSV (the \
                input columns plus verdict, party, regime, matched_name, score, citation), JSON, or the audit report \
                (Markdown, or HTML with charts). Exit codes as for screen: 0 all permitted, 3 some review, 4 some \
                licence required or prohibited.

                Example: sanctions rescreen Examples/shipments.csv --format markdown
                """)

        @OptionGroup var ledger: LedgerOptions
        @OptionGroup var recorded: RecordedOptions
        @OptionGroup var output: OutputTarget

        @Argument(help: ArgumentHelp("The transactions file (CSV or .jsonl; '-' for stdin).", valueName: "file"))
        var file: String

        @Option(
            help: ArgumentHelp("Knowledge time: screen with only what was published by this date.", valueName: "date"))
        var knownAt: LedgerTime?

        @Option(help: ArgumentHelp("Output format.", valueName: "format"))
        var format: RescreenWriter.Format = .csv

        @OptionGroup var matching: MatchingOptions

        @Option(help: ArgumentHelp("Worker threads (default: all cores); results do not depend on it.", valueName: "n"))
        var threads: Int?

        @Flag(help: "Fail the run on the first bad row (nothing is written).")
        var strict = false

        func validate() throws {
            if let threads, threads < 1 { throw ValidationError("--threads must be at least 1") }
        }

        func run() throws {
            try runReportingErrors {
                let opened = try ledger.open(.readOnly)
                let options = RescreenOptions(
                    screening: matching.screening, knownAt: knownAt,
                    recordedThrough: try recorded.sequence(opened), threads: threads ?? Parallel.defaultWidth,
                    strict: strict)
                var input = try TransactionInput(path: file)
                let progress = Progress(total: input.size, unit: "rows")
                let summary = try output.write(protecting: [opened.path, file]) { out in
                    var writer = RescreenWriter(format: format, input: input)
                    try writer.begin(&out)
                    let summary = try opened.rescreen(
                        &input, options: options, progress: { progress.update(done: $0, items: $1) }
                    ) { try writer.write($0, to: &out) }
                    progress.finish()
                    try writer.end(
                        &out, summary: summary, method: try opened.auditMethod(options: options, input: file))
                    return summary
                }
                for error in summary.badRows.prefix(Console.shownProblems) { Console.note("bad row: \(error)") }
                Console.note(RescreenWriter.summaryText(summary))
                throw Exit.verdict(summary.worst)
            }
        }
    }
}
