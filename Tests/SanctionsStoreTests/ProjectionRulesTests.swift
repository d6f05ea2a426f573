import SanctionsBenchmarks
import SanctionsCore
import SanctionsLedger
import SanctionsScreening
import SanctionsStore
import SanctionsTestSupport
import Testing

/// The correctness rules of the projections, each on a small hand-written ledger.
@Suite struct ProjectionRulesTests {
    func ledger(_ events: [LedgerEvent]...) throws -> Ledger {
        let ledger = try TemporaryLedger.make()
        for batch in events { try ledger.database.append(batch) }
        return ledger
    }

    func names(_ ledger: Ledger, on: String, knownAt: String? = nil, party: String = "acme") throws -> [String] {
        let asOf = AsOf(on: EventFactory.day(on), knownAt: knownAt.map(EventFactory.day))
        return try ledger.list(asOf: asOf, party: PartyID(party)).flatMap { $0.names.map(\.name) }.sorted()
    }

    func inForce(_ ledger: Ledger, on: String, knownAt: String? = nil, party: String = "acme") throws -> Bool {
        try !ledger.list(
            asOf: AsOf(on: EventFactory.day(on), knownAt: knownAt.map(EventFactory.day)), party: PartyID(party)
        ).isEmpty
    }

    @Test func intervalsAreHalfOpen() throws {
        let ledger = try ledger([
            EventFactory.listed("l", party: "acme", effective: "2019-10-09", name: "Acme"),
            EventFactory.delisted("d", party: "acme", effective: "2021-03-01"),
        ])
        #expect(try !inForce(ledger, on: "2019-10-08"))
        #expect(try inForce(ledger, on: "2019-10-09"))
        #expect(try inForce(ledger, on: "2021-02-28"))
        #expect(try !inForce(ledger, on: "2021-03-01"))
    }

    @Test func onFollowsEffectiveAndKnownAtFollowsPublished() throws {
        // Huawei, May 2019: effective 05-16, published 05-21
        let ledger = try ledger([
            EventFactory.listed("h", party: "acme", effective: "2019-05-16", published: "2019-05-21", name: "Huawei")
        ])
        #expect(try inForce(ledger, on: "2019-05-17"))
        #expect(try !inForce(ledger, on: "2019-05-17", knownAt: "2019-05-17"))
        #expect(try !inForce(ledger, on: "2019-05-17", knownAt: "2019-05-20"))
        #expect(try inForce(ledger, on: "2019-05-17", knownAt: "2019-05-21"))
        #expect(try !inForce(ledger, on: "2019-05-15", knownAt: "2019-06-01"))
    }

    @Test func anOldNoticeImportedLateChangesHistory() throws {
        // Given a listing and a 2021 alias, then a 2020 alias imported afterwards
        let ledger = try ledger(
            [
                EventFactory.listed("l", party: "acme", effective: "2019-01-01", name: "Acme"),
                EventFactory.aliasAdded("a2021", party: "acme", effective: "2021-01-01", aliases: ["Acme 2021"]),
            ],
            [EventFactory.aliasAdded("a2020", party: "acme", effective: "2020-01-01", aliases: ["Acme 2020"])])
        // Then the 2020 alias is in force from 2020, whatever the append order
        #expect(try names(ledger, on: "2019-06-01") == ["Acme"])
        #expect(try names(ledger, on: "2020-06-01") == ["Acme", "Acme 2020"])
        #expect(try names(ledger, on: "2021-06-01") == ["Acme", "Acme 2020", "Acme 2021"])
        let rebuilt = try projectionSnapshot(ledger)
        try ledger.database.rebuildProjections()
        #expect(try projectionSnapshot(ledger) == rebuilt)
    }

    @Test func anAliasIsValidOnlyFromItsOwnDate() throws {
        let ledger = try ledger([
            EventFactory.listed("l", party: "acme", effective: "2019-05-16", name: "Acme"),
            EventFactory.aliasAdded("a", party: "acme", effective: "2021-12-17", aliases: ["Acme Marine"]),
            EventFactory.aliasRemoved("r", party: "acme", effective: "2023-01-01", aliases: ["Acme Marine"]),
        ])
        #expect(try names(ledger, on: "2021-12-16") == ["Acme"])
        #expect(try names(ledger, on: "2021-12-17") == ["Acme", "Acme Marine"])
        #expect(try names(ledger, on: "2023-01-01") == ["Acme"])
    }

    @Test func relistingAfterDelistingOpensANewInterval() throws {
        let ledger = try ledger([
            EventFactory.listed("l1", party: "acme", effective: "2018-01-01", name: "Acme"),
            EventFactory.delisted("d", party: "acme", effective: "2019-01-01"),
            EventFactory.listed("l2", party: "acme", effective: "2020-01-01", name: "Acme Renamed"),
        ])
        #expect(try names(ledger, on: "2018-06-01") == ["Acme"])
        #expect(try !inForce(ledger, on: "2019-06-01"))
        let view = try #require(
            try ledger.list(asOf: AsOf(on: EventFactory.day("2020-06-01")), party: PartyID("acme")).first)
        #expect(view.listedFrom.description == "2020-01-01")
        #expect(view.segment.listingEvent == EventID("l2"))
        let timeline = try ledger.timeline(PartyID("acme"), now: EventFactory.day("2025-01-01"))
        #expect(
            timeline.regimes.first?.spans.map { "\($0.from)-\($0.to?.description ?? "open")" } == [
                "2018-01-01-2019-01-01", "2020-01-01-open",
            ])
    }

    @Test func aRetractedEventDisappearsFromTheRetractionsPublicationOn() throws {
        let ledger = try ledger(
            [
                EventFactory.listed("l", party: "acme", effective: "2020-01-01", name: "Acme"),
                EventFactory.aliasAdded("a", party: "acme", effective: "2020-02-01", aliases: ["Wrong Alias"]),
            ],
            [EventFactory.retracted("r", party: "acme", target: "a", published: "2020-03-01")])
        #expect(try names(ledger, on: "2020-02-15", knownAt: "2020-02-20") == ["Acme", "Wrong Alias"])
        #expect(try names(ledger, on: "2020-02-15", knownAt: "2020-03-01") == ["Acme"])
        #expect(try names(ledger, on: "2020-02-15") == ["Acme"])
    }

    @Test func aCorrectionAppliesFromItsOwnPublication() throws {
        // The listing was published with the wrong effective date; a correction published later fixes it.
        let ledger = try ledger(
            [EventFactory.listed("l", party: "acme", effective: "2020-01-10", published: "2020-01-10", name: "Acme")],
            [
                EventFactory.corrected(
                    "c", party: "acme", target: "l", published: "2020-02-01",
                    changes: .object(["effective": .string("2020-01-05")]))
            ])
        #expect(try !inForce(ledger, on: "2020-01-07", knownAt: "2020-01-20"))
        #expect(try inForce(ledger, on: "2020-01-07", knownAt: "2020-02-01"))
        #expect(try inForce(ledger, on: "2020-01-07"))
    }

    @Test func recordedAtShowsWhatTheLedgerSaidThen() throws {
        let ledger = try ledger(
            [EventFactory.listed("l", party: "acme", effective: "2020-01-01", name: "Acme")],
            [EventFactory.aliasAdded("a", party: "acme", effective: "2020-02-01", aliases: ["Acme Two"])])
        let then = AsOf(on: EventFactory.day("2020-06-01"), recordedThrough: 1)
        #expect(try ledger.list(asOf: then, party: PartyID("acme")).flatMap { $0.names.map(\.name) } == ["Acme"])
        let now = AsOf(on: EventFactory.day("2020-06-01"), recordedThrough: 2)
        #expect(
            try ledger.list(asOf: now, party: PartyID("acme")).flatMap { $0.names.map(\.name) }.sorted() == [
                "Acme", "Acme Two",
            ])
    }

    @Test func amendmentsSplitTheDetailsAndRenamesMoveThePrimaryName() throws {
        let ledger = try ledger([
            EventFactory.listed("l", party: "acme", effective: "2019-10-09", name: "Sense Time"),
            EventFactory.amended(
                "m", party: "acme", effective: "2020-06-05",
                details: DesignationDetails(name: "Beijing Sensetime Technology Development Co., Ltd.")),
        ])
        #expect(try names(ledger, on: "2020-06-04") == ["Sense Time"])
        #expect(try names(ledger, on: "2020-06-05") == ["Beijing Sensetime Technology Development Co., Ltd."])
        let diff = try ledger.diff(from: EventFactory.day("2020-01-01"), to: EventFactory.day("2020-12-31"))
        #expect(diff.changes.map(\.kind) == [.renamed])
        #expect(diff.changes.first?.events == [EventID("m")])
    }
}

/// Every projection row of a ledger, sorted, for comparisons.
func projectionSnapshot(_ ledger: Ledger) throws -> ProjectionSnapshot {
    let rows = try ledger.database.projectionRows()
    return ProjectionSnapshot(
        designations: rows.designations.sorted {
            ($0.party, $0.regime) < ($1.party, $1.regime)
                || (($0.party, $0.regime) == ($1.party, $1.regime) && DesignationSegment.projectionOrder($0, $1))
        },
        names: rows.names.sorted {
            ($0.party, $0.regime) < ($1.party, $1.regime)
                || (($0.party, $0.regime) == ($1.party, $1.regime) && NameSegment.projectionOrder($0, $1))
        },
        rules: try ledger.database.ruleRows().sorted {
            $0.regime < $1.regime || ($0.regime == $1.regime && RuleSegment.projectionOrder($0, $1))
        })
}

struct ProjectionSnapshot: Equatable {
    var designations: [DesignationSegment]
    var names: [NameSegment]
    var rules: [RuleSegment]
}
