import Foundation
import SanctionsBenchmarks
import SanctionsCore
import SanctionsLedger
import SanctionsScreening
import SanctionsStore
import SanctionsTestSupport
import Testing

/// The projections maintained append by append equal a full rebuild, and do not depend on the
/// order in which (consistent) events were appended.
@Suite struct IncrementalEqualsRebuildTests {
    @Test func onTheCuratedEvents() throws {
        let ledger = try TemporaryLedger.makeCurated()
        let incremental = try projectionSnapshot(ledger)
        #expect(incremental.designations.count > 300)
        try ledger.database.rebuildProjections()
        #expect(try projectionSnapshot(ledger) == incremental)
    }

    @Test func aRebuildRecreatesExactlyTheIndexesTheMigrationsCreate() throws {
        // Given a ledger on disk as the migrations left it (projection indexes without the dropped per-stream ones)
        let path = try TemporaryLedger.makeFolder().appendingPathComponent("l.sqlite").path
        let indexes =
            "SELECT name || ': ' || sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name;"
        do {
            let ledger = try Ledger.open(path: path, clock: TemporaryLedger.fixedClock)
            try ledger.database.declare(EventFactory.regimes)
            try ledger.database.append([
                EventFactory.listed("e1", party: "acme", effective: "2020-01-01", name: "Acme Trading Co.")
            ])
            try ledger.database.checkpoint()
        }
        let migrated = try SQLiteShell.run(path, indexes)
        #expect(migrated.status == 0, "sqlite3 failed: \(migrated.output)")
        #expect(migrated.output.contains("designationName_key"))
        #expect(
            !migrated.output.contains("designation_stream") && !migrated.output.contains("designationName_stream")
                && !migrated.output.contains("rule_stream"))
        // When its projections are rebuilt (indexes dropped for the bulk insert, then created again)
        do {
            let ledger = try Ledger.open(path: path, clock: TemporaryLedger.fixedClock)
            try ledger.database.rebuildProjections()
            try ledger.database.checkpoint()
        }
        // Then the same indexes exist, with the same definitions
        let rebuilt = try SQLiteShell.run(path, indexes)
        #expect(rebuilt.output == migrated.output)
    }

    @Test func onThirtyThousandGeneratedEventsInRandomOrder() throws {
        // Given 30,000 synthetic events
        var generator = SyntheticLedger(seed: 2026)
        let events = generator.events(parties: 4_000, targetEvents: 30_000)
        #expect(events.count >= 28_000)
        // Late events: amendments and aliases that nothing else depends on, appended afterwards in random order
        var random = SplitMix64(seed: 11)
        let removedAliases = Set(
            events.compactMap { event -> String? in
                if case .aliasRemoved(let aliases) = event.payload {
                    return event.stream.rawValue + aliases.map(\.name).joined()
                }
                return nil
            })
        let corrected = Set(events.compactMap(\.target))
        var early: [LedgerEvent] = []
        var late: [LedgerEvent] = []
        for event in events {
            var movable = false
            switch event.payload {
            case .amended: movable = !corrected.contains(event.id)
            case .aliasAdded(let aliases):
                movable =
                    !corrected.contains(event.id)
                    && !removedAliases.contains(event.stream.rawValue + aliases.map(\.name).joined())
            default: break
            }
            if movable, Int.random(in: 0..<3, using: &random) == 0 { late.append(event) } else { early.append(event) }
        }
        #expect(late.count > 1_500)
        // Whole streams go together in the early batches (a batch must be consistent on its own), in random stream order
        var streams = Dictionary(grouping: early, by: \.stream).values.map { $0.shuffled(using: &random) }
        streams.shuffle(using: &random)
        var earlyBatches: [[LedgerEvent]] = [[]]
        for stream in streams {
            if earlyBatches[earlyBatches.count - 1].count >= 8_000 { earlyBatches.append([]) }
            earlyBatches[earlyBatches.count - 1] += stream
        }
        late.shuffle(using: &random)

        // When they are appended in random order, in batches, to one ledger, and all at once to another
        let incremental = try Ledger.open(
            path: TemporaryLedger.makeFolder().appendingPathComponent("l.sqlite").path,
            clock: TemporaryLedger.fixedClock)
        try incremental.database.declare(SyntheticLedger.regimes)
        #expect(earlyBatches.count >= 3)
        for batch in earlyBatches { try incremental.database.append(batch) }
        for batch in stride(from: 0, to: late.count, by: 1_200) {
            try incremental.database.append(Array(late[batch..<min(batch + 1_200, late.count)]))
        }
        let single = try Ledger.open(path: nil, clock: TemporaryLedger.fixedClock)
        try single.database.declare(SyntheticLedger.regimes)
        try single.database.append(events)

        // Then the incremental projections equal the one-batch ledger's and a full rebuild's
        let afterAppends = try projectionSnapshot(incremental)
        #expect(afterAppends == (try projectionSnapshot(single)))
        let report = try incremental.database.rebuildProjections()
        #expect(report.anomalies.isEmpty)
        #expect(try projectionSnapshot(incremental) == afterAppends)
        let verified = try incremental.database.verifyChain()
        #expect(verified.isIntact, "\(verified)")
        // And what users see is the same, in the order they see it (no sorting here): the lists as
        // of dates across the span, and screening answers.
        var random2 = SplitMix64(seed: 12)
        for _ in 0..<20 {
            let day = EventFactory.day("2000-01-01").adding(days: Int.random(in: 0...9_000, using: &random2))
            #expect(
                try incremental.list(asOf: AsOf(on: day)) == (try single.list(asOf: AsOf(on: day))), "list on \(day)")
        }
        let before = try incremental.screeningSnapshot()
        let after = try single.screeningSnapshot()
        let names = Array(Set(before.names.map(\.name))).sorted().prefix(300)
        for name in names {
            let day = EventFactory.day("2000-01-01").adding(days: Int.random(in: 0...9_000, using: &random2))
            #expect(
                before.screen(name, on: day, type: .export) == after.screen(name, on: day, type: .export),
                "\(name) on \(day)")
        }
    }
}
