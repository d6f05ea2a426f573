import Foundation
public import SanctionsCore
public import SanctionsLedger

/// `sanctions bench ledger`: append a generated ledger in batches, verify and rebuild it, and
/// time the list and point queries.
public struct LedgerBenchmark: Sendable {
    public var events = 100_000
    public var parties = 10_000
    public var batch = 100_000
    public var seed: UInt64 = 42
    /// Keep the ledger at this path (default: a temporary file, deleted).
    public var keep: String?

    public init() {}

    /// Runs the benchmark, reporting each figure as a line.
    public func run(report: (String) -> Void) throws {
        let (generated, generateSeconds) = Measure.time {
            var generator = SyntheticLedger(seed: seed); return generator.events(parties: parties, targetEvents: events)
        }
        let folder = try Measure.scratchFolder()
        defer { if keep == nil { try? FileManager.default.removeItem(at: folder) } }
        let path = keep ?? folder.appendingPathComponent("bench.sqlite").path
        let ledger = try Ledger.open(path: path)
        try ledger.declare(SyntheticLedger.regimes)
        report(
            "generated \(generated.count) events for \(parties) parties in \(Measure.seconds(generateSeconds)) s "
                + "(seed \(seed))"
        )
        var appended = 0
        let (_, appendSeconds) = try Measure.time {
            for start in stride(from: 0, to: generated.count, by: batch) {
                appended += try ledger.append(Array(generated[start..<min(start + batch, generated.count)])).appended
            }
        }
        report(
            "append:  \(appended) events in batches of \(batch): \(Measure.seconds(appendSeconds)) s, "
                + "\(Int(Double(appended) / appendSeconds)) events/s (hash chain + projections, one transaction per "
                + "batch)"
        )
        let (verify, verifySeconds) = try Measure.time { try ledger.verify() }
        report(
            "verify:  \(verify.events) events, intact \(verify.isIntact): \(Measure.seconds(verifySeconds)) s, "
                + "\(Int(Double(verify.events) / verifySeconds)) events/s"
        )
        let (rebuild, rebuildSeconds) = try Measure.time { try ledger.rebuild() }
        report(
            "rebuild: \(rebuild.events) events, \(rebuild.streams) streams -> \(rebuild.designationRows) "
                + "designation, \(rebuild.nameRows) name, \(rebuild.ruleRows) rule rows: "
                + "\(Measure.seconds(rebuildSeconds)) s"
        )
        try queries(ledger, report: report)
        if let size = try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int {
            report("file:    \(size / 1_048_576) MiB at \(path)")
        }
        if let rss = Measure.peakRSSMiB() { report("peak RSS: \(Int(rss)) MiB") }
    }

    /// The list of one regime as of a date, and one party on random dates.
    private func queries(_ ledger: Ledger, report: (String) -> Void) throws {
        var random = SplitMix64(seed: seed &+ 99)
        let start = try LedgerTime.parse("2000-01-01")
        let listDate = try LedgerTime.parse("2015-06-30")
        let (views, listSeconds) = try Measure.time {
            try ledger.list(asOf: AsOf(on: listDate), regime: RegimeID("bis-entity-list"))
        }
        report(
            "list --on 2015-06-30 --regime bis-entity-list: \(views.count) designations in "
                + "\(String(format: "%.3f", listSeconds)) s"
        )
        var pointTimes: [Double] = []
        for _ in 0..<1000 {
            let party = PartyID("syn-\(Int.random(in: 0..<parties, using: &random))")
            let date = start.adding(days: Int.random(in: 0..<9000, using: &random))
            let (_, seconds) = try Measure.time { try ledger.list(asOf: AsOf(on: date), party: party) }
            pointTimes.append(seconds * 1000)
        }
        pointTimes.sort()
        report(
            String(
                format: "point query (one party, random date, 1000 queries): median %.3f ms, p99 %.3f ms",
                pointTimes[500], pointTimes[990]))
    }
}
