import ArgumentParser
import Foundation
import SanctionsLedger

extension SanctionsCommand {
    struct Rescreen: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Rescreen a file of transactions, each on its own date, against the rules of that day.",
            discussion: """
                FILE is CSV with a header (columns id, date, counterparty, type required; country, eccn, amount, \
                currency optional; others carried through) or JSON Lines (.jsonl) with the same fields; '-' reads stdin. \
                A bad row is reported with its line and skipped (--strict fails the run instead). Output: CSV (the \
                input columns plus verdict, party, regime, matched_name, score, citation), JSON, or a Markdown report. \
                Exit codes as for screen: 0 all permitted, 3 some review, 4 some licence required or prohibited.

                Example: sanctions rescreen Examples/shipments.csv --format markdown
                """)

        @OptionGroup var ledger: LedgerOptions

        @Argument(help: ArgumentHelp("The transactions file (CSV or .jsonl; '-' for stdin).", valueName: "file"))
        var file: String

        @Option(help: ArgumentHelp("Knowledge time: screen with only what was published by this date.", valueName: "date"))
        var knownAt: LedgerTime?

        @Option(help: ArgumentHelp("Output format: csv, json, markdown or html (the audit report with charts).", valueName: "format"))
        var format: OutputFormat = .csv

        @Option(help: ArgumentHelp("Write the output here instead of stdout.", valueName: "file"))
        var out: String?

        @Option(help: ArgumentHelp("Certain-match threshold.", valueName: "score"))
        var threshold: Double = ScreeningOptions.defaultThreshold

        @Option(help: ArgumentHelp("Worker threads (default: all cores).", valueName: "n"))
        var threads: Int = Parallel.defaultWidth

        @Flag(help: "Fail the run on the first bad row.")
        var strict = false

        func validate() throws {
            guard [.csv, .json, .markdown, .html].contains(format) else { throw ValidationError("--format must be csv, json, markdown or html") }
            guard threads >= 1 else { throw ValidationError("--threads must be at least 1") }
        }

        func run() throws {
            try runReportingErrors {
                let opened = try ledger.openForReading()
                let snapshot = try opened.screeningSnapshot(knownAt: knownAt, options: ScreeningOptions(threshold: threshold))
                let run = try RescreenRun(ledger: opened, snapshot: snapshot, file: file, threads: threads, strict: strict)
                let sink = try OutputSink(path: out)
                var writer = RescreenWriter(format: format, sink: sink, header: run.header, extraColumns: run.extraColumns)
                writer.begin()
                var report = AuditReport()
                let summary = try run.execute { transaction, result, sources in
                    writer.write(transaction, result, sources: sources)
                    report.add(transaction, result, sources: sources)
                }
                writer.end()
                switch format {
                case .markdown:
                    sink.write(report.markdown(summary: summary, method: try run.method(threshold: threshold, knownAt: knownAt)))
                    sink.flush()
                case .html:
                    sink.write(report.html(summary: summary, method: try run.method(threshold: threshold, knownAt: knownAt)))
                    sink.flush()
                default:
                    break
                }
                for error in summary.badRows.prefix(50) { Console.note("bad row: \(error)") }
                Console.note(RescreenSummaryText.render(summary))
                switch summary.worst {
                case .permitted: return
                case .review: throw ExitCode(Exit.review)
                case .licenseRequired, .prohibited: throw ExitCode(Exit.blocked)
                }
            }
        }
    }
}

/// One run over a transactions file: streaming, batching, citations and progress.
struct RescreenRun {
    let ledger: Ledger
    let snapshot: ScreeningSnapshot
    let source: TransactionFile
    var reader: TransactionReader
    let threads: Int
    let strict: Bool
    static let batchSize = 50_000

    init(ledger: Ledger, snapshot: ScreeningSnapshot, file: String, threads: Int, strict: Bool) throws {
        self.ledger = ledger
        self.snapshot = snapshot
        self.source = try TransactionFile(path: file)
        self.reader = try source.reader()
        self.threads = threads
        self.strict = strict
    }

    var header: [String] { reader.header }
    var extraColumns: [String] { reader.extraColumns }

    /// Reads, screens and hands every transaction to `emit` in input order.
    func execute(_ emit: (Transaction, ScreeningResult, [EventID: Source]) throws -> Void) throws -> RescreenSummary {
        let start = Date()
        var reader = self.reader
        var rescreener = Rescreener(snapshot: snapshot, width: threads)
        var summary = RescreenSummary()
        var sources: [EventID: Source] = [:]
        let progress = Progress(total: source.size, unit: "rows")
        var batch: [Transaction] = []
        func flush() throws {
            guard !batch.isEmpty else { return }
            let results = rescreener.process(batch)
            let missing = Set(results.flatMap { $0.matches.flatMap(\.events) }).filter { sources[$0] == nil }
            if !missing.isEmpty { sources.merge(try ledger.sources(of: Array(missing))) { first, _ in first } }
            for (transaction, result) in zip(batch, results) {
                summary.add(result)
                try emit(transaction, result, sources)
            }
            batch.removeAll(keepingCapacity: true)
            progress.update(done: source.bytesRead, items: summary.transactions)
        }
        while let next = try reader.next() {
            switch next {
            case .success(let transaction):
                batch.append(transaction)
                if batch.count >= Self.batchSize { try flush() }
            case .failure(let error):
                if strict { throw error }
                summary.badRowCount += 1
                if summary.badRows.count < 1000 { summary.badRows.append(error) }
            }
        }
        try flush()
        progress.finish()
        summary.distinctCounterparties = rescreener.distinctCounterparties
        summary.seconds = Date().timeIntervalSince(start)
        return summary
    }

    /// How the run can be reproduced: ledger head, threshold, normaliser version.
    func method(threshold: Double, knownAt: LedgerTime?) throws -> AuditReport.Method {
        let head = try ledger.database.head()
        return AuditReport.Method(ledgerPath: ledger.database.path ?? ":memory:", sequence: head.sequence, hash: head.hash, threshold: threshold,
                                  reviewFloor: snapshot.options.reviewFloor, normalizerVersion: NameNormalizer.version, knownAt: knownAt,
                                  runAt: LedgerDatabase.systemClock(), input: source.path)
    }
}
