import ArgumentParser
import Foundation
import SanctionsLedger

/// Builds a ledger with the curated events and a real SDN publication, for screening benchmarks.
func benchLedger(sdn: String, keep: String?) throws -> (Ledger, URL) {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sanctions-bench-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let path = keep ?? folder.appendingPathComponent("bench.sqlite").path
    let ledger = try Ledger.open(path: path)
    try ledger.syncEmbeddedEvents()
    let published = try LedgerTime.parse("2023-12-28")
    let (snapshot, _) = try ledger.readOFACSnapshot(folder: sdn, source: "ofac-sdn", published: published, effective: nil)
    try ledger.importSnapshot(snapshot)
    return (ledger, folder)
}

struct BenchScreen: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "screen",
        abstract: "Single-name screening latency against a real SDN publication loaded as one snapshot.",
        discussion: "Example: sanctions bench screen ../shared/data/ofac-sdn-2023-12-28 --queries 5000")

    @Argument(help: ArgumentHelp("A folder with sdn.csv, alt.csv, add.csv, sdn_comments.csv.", valueName: "folder"))
    var sdn: String

    @Option(help: ArgumentHelp("Number of queries (half variants of listed names, half other names).", valueName: "n"))
    var queries = 5000

    @Option(help: ArgumentHelp("Random seed.", valueName: "n"))
    var seed: UInt64 = 3

    func run() throws {
        try runReportingErrors {
            let (ledger, folder) = try benchLedger(sdn: sdn, keep: nil)
            defer { try? FileManager.default.removeItem(at: folder) }
            let (snapshot, loadSeconds) = try measure { try ledger.screeningSnapshot() }
            Console.print("snapshot: \(snapshot.names.count) names (curated history + SDN 2023-12-28), loaded and indexed in \(formatSeconds(loadSeconds)) s")
            var generator = TransactionGenerator(seed: seed)
            let listed = snapshot.names.map(\.name)
            let names = generator.counterparties(queries, listedNames: listed, listedShare: 0.5)
            let date = try LedgerTime.parse("2024-01-15")
            var latencies: [Double] = []
            var statistics = NameIndex.SearchStatistics()
            var hits = 0
            for name in names {
                let start = DispatchTime.now().uptimeNanoseconds
                let prepared = PreparedName(NameNormalizer.normalize(name))
                let candidates = snapshot.candidates(for: prepared, statistics: &statistics)
                let result = snapshot.verdict(query: name, normalizedQuery: prepared.normalized.text, candidates: candidates, date: date, type: .payment)
                latencies.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
                if result.verdict != .permitted { hits += 1 }
            }
            latencies.sort()
            func percentile(_ p: Double) -> Double { latencies[min(latencies.count - 1, Int(Double(latencies.count) * p))] }
            Console.print(String(format: "%d queries: p50 %.3f ms, p90 %.3f ms, p99 %.3f ms, max %.3f ms; %.1f candidates scored per query (of %d names); %d hits",
                                 queries, percentile(0.5), percentile(0.9), percentile(0.99), latencies.last ?? 0,
                                 Double(statistics.candidatesScored) / Double(max(1, statistics.queries)), snapshot.names.count, hits))
        }
    }
}

struct BenchRescreen: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rescreen",
        abstract: "Rescreen a generated transactions file against the curated history and a real SDN publication.",
        discussion: """
            Generates ROWS transactions over COUNTERPARTIES distinct names (10% variants of listed names), dated \
            2018-2024, then times the match-once rescreen (streaming, all cores) and the naive way on a sample.
            Example: sanctions bench rescreen ../shared/data/ofac-sdn-2023-12-28 --rows 1000000 --counterparties 100000
            """)

    @Argument(help: ArgumentHelp("A folder with sdn.csv, alt.csv, add.csv, sdn_comments.csv.", valueName: "folder"))
    var sdn: String

    @Option(help: ArgumentHelp("Transactions.", valueName: "n"))
    var rows = 1_000_000

    @Option(help: ArgumentHelp("Distinct counterparties.", valueName: "n"))
    var counterparties = 100_000

    @Option(help: ArgumentHelp("Transactions screened the naive way (one by one) to compare.", valueName: "n"))
    var naiveSample = 20_000

    @Option(help: ArgumentHelp("Keep the generated file here.", valueName: "file"))
    var keepFile: String?

    @Option(help: ArgumentHelp("Keep the ledger here.", valueName: "file"))
    var keepLedger: String?

    @Option(help: ArgumentHelp("Random seed.", valueName: "n"))
    var seed: UInt64 = 5

    @Option(help: ArgumentHelp("Worker threads.", valueName: "n"))
    var threads = Parallel.defaultWidth

    func run() throws {
        try runReportingErrors {
            let (ledger, folder) = try benchLedger(sdn: sdn, keep: keepLedger)
            defer { try? FileManager.default.removeItem(at: folder) }
            let snapshot = try ledger.screeningSnapshot()
            var generator = TransactionGenerator(seed: seed)
            let names = generator.counterparties(counterparties, listedNames: snapshot.names.map(\.name), listedShare: 0.1)
            let file = keepFile ?? folder.appendingPathComponent("transactions.csv").path
            let sink = try OutputSink(path: file)
            let (_, generateSeconds) = measure {
                generator.write(rows: rows, counterparties: names, from: try! LedgerTime.parse("2018-01-01"), to: try! LedgerTime.parse("2024-12-31")) { sink.write($0) }  // swiftlint:disable:this force_try
                sink.flush()
            }
            Console.print("generated \(rows) transactions over \(counterparties) counterparties in \(formatSeconds(generateSeconds)) s: \(file)")
            let run = try RescreenRun(ledger: ledger, snapshot: snapshot, file: file, threads: threads, strict: false)
            let output = try OutputSink(path: folder.appendingPathComponent("out.csv").path)
            var writer = RescreenWriter(format: .csv, sink: output, header: run.header, extraColumns: run.extraColumns)
            writer.begin()
            let summary = try run.execute { transaction, result, sources in writer.write(transaction, result, sources: sources) }
            writer.end()
            let rate = Double(summary.transactions) / summary.seconds
            Console.print("match once, filter by time: \(summary.transactions) transactions in \(formatSeconds(summary.seconds)) s (\(Int(rate)) transactions/s, \(threads) threads), \(summary.distinctCounterparties) distinct counterparties")
            Console.print(RescreenSummaryText.render(summary))
            // The naive way on a sample.
            let sample = try RescreenTests.sample(file: file, count: naiveSample)
            let naive = Rescreener(snapshot: snapshot, width: 1)
            let (_, naiveSeconds) = measure { _ = naive.processNaively(sample) }
            let naiveRate = Double(sample.count) / naiveSeconds
            Console.print("naive (every row normalised and matched, one thread): \(sample.count) transactions in \(formatSeconds(naiveSeconds)) s (\(Int(naiveRate)) transactions/s); \(String(format: "%.1f", rate / naiveRate))x slower than match once; extrapolated to \(rows) rows: \(Int(Double(rows) / naiveRate)) s")
            if let rss = peakRSSMiB() { Console.print("peak RSS: \(Int(rss)) MiB") }
        }
    }
}

/// Reading a sample of a transactions file.
enum RescreenTests {
    static func sample(file: String, count: Int) throws -> [Transaction] {
        var reader = try TransactionFile(path: file).reader()
        var result: [Transaction] = []
        while result.count < count, let next = try reader.next() {
            if case .success(let transaction) = next { result.append(transaction) }
        }
        return result
    }
}
