import Foundation
public import SanctionsCore
public import SanctionsLedger
import SanctionsScreening

/// `sanctions bench screen` and `bench rescreen`: screening latency and batch rescreening against
/// the curated history plus a real SDN publication.
public enum ScreeningBenchmark {
    /// A ledger with the embedded events (the curated notices and the history generated from the
    /// public files) and a real SDN publication (a folder with sdn.csv ...). When the embedded
    /// history already holds a later SDN publication (it holds the daily files from 2021 on), the
    /// folder's publication is part of it and is not imported again (an older one would be refused).
    static func ledger(sdn: String, keep: String?, folder: URL) throws -> Ledger {
        let ledger = try Ledger.open(path: keep ?? folder.appendingPathComponent("bench.sqlite").path)
        try ledger.syncEmbeddedEvents()
        let published = try LedgerTime.parse("2023-12-28")
        let newest = try ledger.publications(regime: RegimeID("ofac-sdn")).map(\.instant).max()
        if newest.map({ $0 < published }) ?? true {
            _ = try ledger.importSnapshot(path: sdn, format: .ofacCSV, source: "ofac-sdn", published: published)
        }
        return ledger
    }

    /// Single-name latency: `queries` names (half variants of listed names, half others).
    public static func screen(
        sdn: String, queries: Int, seed: UInt64, algorithm: MatchingAlgorithm = .current, report: (String) -> Void
    ) throws {
        let folder = try Measure.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let ledger = try ledger(sdn: sdn, keep: nil, folder: folder)
        let (snapshot, loadSeconds) = try Measure.time {
            try ledger.screeningSnapshot(options: ScreeningOptions(algorithm: algorithm))
        }
        report(
            "snapshot: \(snapshot.names.count) names (embedded history + SDN 2023-12-28), \(algorithm.name), loaded and indexed in "
                + "\(Measure.seconds(loadSeconds)) s"
        )
        var generator = TransactionGenerator(seed: seed)
        let names = generator.counterparties(queries, listedNames: snapshot.names.map(\.name), listedShare: 0.5)
        let date = try LedgerTime.parse("2024-01-15")
        var latencies: [Double] = []
        var slowest: [(milliseconds: Double, name: String, candidates: Int)] = []
        var statistics = NameIndex.SearchStatistics()
        var hits = 0
        for name in names {
            let start = DispatchTime.now().uptimeNanoseconds
            let scoredBefore = statistics.candidatesScored
            let prepared = PreparedName(NameNormalizer.normalize(name), algorithm: algorithm)
            let candidates = snapshot.candidates(for: prepared, statistics: &statistics)
            let result = snapshot.verdict(
                query: name, normalizedQuery: prepared.normalized.text, candidates: candidates, date: date,
                type: .payment)
            latencies.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
            slowest.append((latencies[latencies.count - 1], name, statistics.candidatesScored - scoredBefore))
            if slowest.count > 10 { slowest = Array(slowest.sorted { $0.milliseconds > $1.milliseconds }.prefix(5)) }
            if result.verdict != .permitted { hits += 1 }
        }
        latencies.sort()
        func percentile(_ p: Double) -> Double { latencies[min(latencies.count - 1, Int(Double(latencies.count) * p))] }
        report(
            String(
                format:
                    "%d queries: p50 %.3f ms, p90 %.3f ms, p99 %.3f ms, max %.3f ms; %.1f candidates scored per "
                    + "query (of %d names); %d hits",
                queries, percentile(0.5), percentile(0.9), percentile(0.99), latencies.last ?? 0,
                Double(statistics.candidatesScored) / Double(max(1, statistics.queries)), snapshot.names.count, hits))
        for slow in slowest.sorted(by: { $0.milliseconds > $1.milliseconds }).prefix(5) {
            report(
                String(format: "  slowest: %.3f ms, %d candidates: ", slow.milliseconds, slow.candidates) + slow.name)
        }
    }

    /// The parameters of a rescreen benchmark.
    public struct Rescreen: Sendable {
        public var sdn: String
        public var rows = 1_000_000
        public var counterparties = 100_000
        public var naiveSample = 20_000
        public var keepFile: String?
        public var keepLedger: String?
        public var seed: UInt64 = 5
        public var threads = Parallel.defaultWidth

        public init(sdn: String) { self.sdn = sdn }
    }

    /// Rescreens a generated file the match-once way, then a sample the naive way.
    public static func rescreen(_ parameters: Rescreen, report: (String) -> Void) throws {
        let folder = try Measure.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let ledger = try ledger(sdn: parameters.sdn, keep: parameters.keepLedger, folder: folder)
        let snapshot = try ledger.screeningSnapshot()
        var generator = TransactionGenerator(seed: parameters.seed)
        let names = generator.counterparties(
            parameters.counterparties, listedNames: snapshot.names.map(\.name), listedShare: 0.1)
        let file = parameters.keepFile ?? folder.appendingPathComponent("transactions.csv").path
        let (_, generateSeconds) = try Measure.time {
            var out = try OutputFile(path: file)
            try generator.write(
                rows: parameters.rows, counterparties: names, from: try LedgerTime.parse("2018-01-01"),
                to: try LedgerTime.parse("2024-12-31")
            ) { try out.write($0) }
            try out.commit()
        }
        report(
            "generated \(parameters.rows) transactions over \(parameters.counterparties) counterparties in "
                + "\(Measure.seconds(generateSeconds)) s: \(file)"
        )
        var input = try TransactionInput(path: file)
        var writer = RescreenWriter(format: .csv, input: input)
        var output = try OutputFile(path: folder.appendingPathComponent("out.csv").path)
        try writer.begin(&output)
        let summary = try ledger.rescreen(&input, options: RescreenOptions(threads: parameters.threads)) {
            try writer.write($0, to: &output)
        }
        try output.commit()
        let rate = Double(summary.transactions) / summary.seconds
        report(
            "match once, filter by time: \(summary.transactions) transactions in "
                + "\(Measure.seconds(summary.seconds)) s (\(Int(rate)) transactions/s, \(parameters.threads) "
                + "threads), \(summary.distinctCounterparties) distinct counterparties"
        )
        report(RescreenWriter.summaryText(summary))
        let sample = try Self.sample(file: file, count: parameters.naiveSample)
        let naive = Rescreener(snapshot: snapshot, width: 1)
        let (_, naiveSeconds) = Measure.time { _ = naive.processNaively(sample) }
        let naiveRate = Double(sample.count) / naiveSeconds
        report(
            "naive (every row normalised and matched, one thread): \(sample.count) transactions in "
                + "\(Measure.seconds(naiveSeconds)) s (\(Int(naiveRate)) transactions/s); "
                + "\(String(format: "%.1f", rate / naiveRate))x slower than match once; extrapolated to "
                + "\(parameters.rows) rows: \(Int(Double(parameters.rows) / naiveRate)) s"
        )
        if let rss = Measure.peakRSSMiB() { report("peak RSS: \(Int(rss)) MiB") }
    }

    /// The first `count` good transactions of a file.
    static func sample(file: String, count: Int) throws -> [Transaction] {
        var input = try TransactionInput(path: file)
        var result: [Transaction] = []
        _ = try input.forEachBatch(strict: false) { batch in
            if result.count < count { result += batch.prefix(count - result.count) }
        }
        return result
    }
}
