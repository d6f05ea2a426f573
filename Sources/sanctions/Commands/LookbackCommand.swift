import ArgumentParser
import Foundation
import SanctionsLedger

extension SanctionsCommand {
    struct LookbackCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "lookback",
            abstract: "The past transactions whose verdict changed since a date or since a sequence number, and why.",
            discussion: """
                --since DATE compares the ledger as known on DATE (published clock) with the ledger as known now; \
                --after-sequence N compares the ledger up to event N (recorded clock) with the whole ledger. \
                Each changed transaction is reported with its verdict before and after, the kind of change \
                (newly-hit, cleared, escalated, relaxed) and the new events and notices behind it. \
                --window DAYS keeps only transactions dated within that many days before today.

                Example: sanctions lookback Examples/shipments.csv --since 2021-12-01 --format markdown
                """)

        @OptionGroup var ledger: LedgerOptions

        @Argument(help: ArgumentHelp("The transactions file (CSV or .jsonl).", valueName: "file"))
        var file: String

        @Option(help: ArgumentHelp("Compare with the ledger as known on this date.", valueName: "date"))
        var since: LedgerTime?

        @Option(help: ArgumentHelp("Compare with the ledger up to this sequence number.", valueName: "n"))
        var afterSequence: Int?

        @Option(help: ArgumentHelp("Only transactions dated within this many days before today.", valueName: "days"))
        var window: Int?

        @Option(help: ArgumentHelp("Output format: csv, json or markdown.", valueName: "format"))
        var format: OutputFormat = .csv

        @Option(help: ArgumentHelp("Write the output here instead of stdout.", valueName: "file"))
        var out: String?

        @Option(help: ArgumentHelp("Certain-match threshold.", valueName: "score"))
        var threshold: Double = ScreeningOptions.defaultThreshold

        func validate() throws {
            guard (since == nil) != (afterSequence == nil) else { throw ValidationError("give exactly one of --since DATE and --after-sequence N") }
            guard [.csv, .json, .markdown].contains(format) else { throw ValidationError("--format must be csv, json or markdown") }
            if let window, window < 0 { throw ValidationError("--window must not be negative") }
        }

        func run() throws {
            try runReportingErrors {
                let opened = try ledger.openForReading()
                let baseline: Lookback.Baseline = since.map { .knownAt($0) } ?? .recordedThrough(afterSequence ?? 0)
                var lookback = try Lookback(ledger: opened, baseline: baseline, options: ScreeningOptions(threshold: threshold))
                let cutoff = window.map { LedgerDatabase.systemClock().day.adding(days: -$0) }
                let source = try TransactionFile(path: file)
                var reader = try source.reader()
                var differences: [Lookback.Difference] = []
                var batch: [Transaction] = []
                var screened = 0
                var bad = 0
                func flush() {
                    differences += lookback.process(batch)
                    screened += batch.count
                    batch.removeAll(keepingCapacity: true)
                }
                while let next = try reader.next() {
                    switch next {
                    case .success(let transaction):
                        if let cutoff, transaction.date < cutoff { continue }
                        batch.append(transaction)
                        if batch.count >= 50_000 { flush() }
                    case .failure(let error):
                        bad += 1
                        Console.note("bad row: \(error)")
                    }
                }
                flush()
                let sources = try opened.sources(of: differences.flatMap(\.causes))
                let sink = try OutputSink(path: out)
                LookbackOutput.write(differences, format: format, sink: sink, sources: sources, baseline: since.map { "as known on \($0)" } ?? "as recorded through sequence \(afterSequence ?? 0)")
                sink.flush()
                Console.note("\(screened) transactions compared, \(differences.count) changed (" + [Lookback.Change.newlyHit, .escalated, .relaxed, .cleared].map { kind in "\(kind.rawValue) \(differences.filter { $0.change == kind }.count)" }.joined(separator: ", ") + "); \(bad) bad rows")
                let worst = differences.map(\.after.verdict).max() ?? .permitted
                switch worst {
                case .permitted: return
                case .review: throw ExitCode(Exit.review)
                case .licenseRequired, .prohibited: throw ExitCode(Exit.blocked)
                }
            }
        }
    }
}

enum LookbackOutput {
    static func write(_ differences: [Lookback.Difference], format: OutputFormat, sink: OutputSink, sources: [EventID: Source], baseline: String) {
        func parties(_ difference: Lookback.Difference) -> String {
            Array(Set((difference.before.matches + difference.after.matches).filter { $0.outcome != .permitted }.map { "\($0.listedName) (\($0.regime))" })).sorted().joined(separator: "; ")
        }
        switch format {
        case .json:
            sink.write(JSONOutput.render(.array(differences.map { difference in
                .object([
                    JSONMember(key: "id", value: .string(difference.transaction.id)),
                    JSONMember(key: "date", value: .string(difference.transaction.date.description)),
                    JSONMember(key: "counterparty", value: .string(difference.transaction.counterparty)),
                    JSONMember(key: "type", value: .string(difference.transaction.type.rawValue)),
                    JSONMember(key: "verdictBefore", value: .string(difference.before.verdict.rawValue)),
                    JSONMember(key: "verdictAfter", value: .string(difference.after.verdict.rawValue)),
                    JSONMember(key: "change", value: .string(difference.change.rawValue)),
                    JSONMember(key: "events", value: .array(difference.causes.map { .string($0.rawValue) })),
                    JSONMember(key: "citations", value: .array(ViewJSON.citations(difference.causes, sources).map(JSONValue.string))),
                    JSONMember(key: "after", value: ScreeningJSON.result(difference.after, sources: sources)),
                ])
            })) + "\n")
        case .markdown:
            sink.write("# Lookback: verdicts that changed since the ledger \(baseline)\n\n")
            sink.write(MarkdownOutput.table(["id", "date", "counterparty", "type", "before", "after", "change", "parties", "caused by"], differences.map {
                [$0.transaction.id, $0.transaction.date.description, $0.transaction.counterparty, $0.transaction.type.rawValue, $0.before.verdict.rawValue,
                 $0.after.verdict.rawValue, $0.change.rawValue, parties($0), ViewJSON.citations($0.causes, sources).joined(separator: "; ")]
            }) + "\n")
        default:
            sink.write(CSVOutput.row(["id", "date", "counterparty", "type", "verdict_before", "verdict_after", "change", "parties", "events", "citations"]) + "\n")
            for difference in differences {
                sink.write(CSVOutput.row([
                    difference.transaction.id, difference.transaction.date.description, difference.transaction.counterparty, difference.transaction.type.rawValue,
                    difference.before.verdict.rawValue, difference.after.verdict.rawValue, difference.change.rawValue, parties(difference),
                    difference.causes.map(\.rawValue).joined(separator: "; "), ViewJSON.citations(difference.causes, sources).joined(separator: "; "),
                ]) + "\n")
            }
        }
    }
}
