import Foundation
import SanctionsImport
import SanctionsTestSupport
import Testing

@testable import SanctionsCore

/// Dates bounded by observation: the window of a listing or delisting seen only between two
/// publications is an uncertain stretch of the designation, in both fold algorithms.
@Suite struct ObservationWindowTests {
    func day(_ text: String) -> LedgerTime { EventFactory.day(text) }

    func windowed(_ event: LedgerEvent, after: String) -> LedgerEvent {
        var event = event
        event.effectiveAfter = day(after)
        return event
    }

    /// Listed between two publications, delisted between two later ones.
    var stream: [LedgerEvent] {
        [
            windowed(
                EventFactory.listed("l", party: "p", regime: "ofac-sdn", effective: "2021-04-25", name: "Pax Holdings"),
                after: "2019-01-04"),
            EventFactory.amended(
                "m", party: "p", regime: "ofac-sdn", effective: "2022-03-01",
                details: DesignationDetails(name: "Pax Holdings Ltd")),
            windowed(
                EventFactory.delisted("d", party: "p", regime: "ofac-sdn", effective: "2026-07-25"), after: "2024-07-02"
            ),
        ]
    }

    @Test func aListingAndADelistingSeenBetweenPublicationsAreUncertainStretches() throws {
        let projection = StreamFold.projectEpochByEpoch(stream)
        let current = projection.designations.filter { $0.known.to == nil }.sorted { $0.valid.from < $1.valid.from }
        #expect(current.count == 4)
        // (2019-01-04, 2021-04-25): maybe listed
        #expect(current[0].uncertainty?.change == .listed)
        #expect(current[0].valid.from == LedgerTime(seconds: day("2019-01-04").seconds + 1, hasTimeOfDay: true))
        #expect(current[0].valid.to == day("2021-04-25"))
        #expect(current[0].uncertainty?.description == "listed on an unknown date between 2019-01-04 and 2021-04-25")
        // certainly listed, then amended
        #expect(current[1].uncertainty == nil && current[1].valid.from == day("2021-04-25"))
        #expect(current[2].uncertainty == nil && current[2].valid.to?.dayString == "2024-07-02")
        // (2024-07-02, 2026-07-25): maybe delisted
        #expect(current[3].uncertainty?.change == .delisted)
        #expect(current[3].valid.to == day("2026-07-25"))
        #expect(current[3].endsDesignation)
        // The names match inside the listing's window too
        let names = projection.names.filter { $0.known.to == nil && $0.name == "Pax Holdings" }
        #expect(names.contains { $0.valid.from.seconds == day("2019-01-04").seconds + 1 })
    }

    @Test func theLinearFoldAgreesWithTheEpochFoldOnWindows() throws {
        let fast = try #require(StreamFold.projectInPublicationOrder(stream))
        #expect(fast == StreamFold.projectEpochByEpoch(stream))
        // Before the delisting was published, the designation was known open-ended and certain
        let beforeDelisting = StreamFold.projectEpochByEpoch(Array(stream.prefix(2)))
        #expect(beforeDelisting.designations.allSatisfy { $0.uncertainty?.change != .delisted })
    }

    @Test func aListingWindowNeverReachesBackOverAnEarlierDesignation() {
        let events = [
            EventFactory.listed("l1", party: "p", regime: "ofac-sdn", effective: "2019-01-04", name: "Pax"),
            EventFactory.delisted("d1", party: "p", regime: "ofac-sdn", effective: "2020-01-01"),
            windowed(
                EventFactory.listed("l2", party: "p", regime: "ofac-sdn", effective: "2021-04-25", name: "Pax"),
                after: "2019-06-01"),
        ]
        let rows = StreamFold.projectEpochByEpoch(events).designations.filter { $0.known.to == nil }
        let window = rows.first { $0.uncertainty != nil }
        #expect(window?.valid.from == day("2020-01-01"))
        #expect(rows.filter { $0.valid.contains(day("2019-12-31")) }.allSatisfy { $0.uncertainty == nil })
    }

    @Test func aDenialOrderEndsAtTheEndItsListingStates() {
        var details = DesignationDetails(name: "Pax Denied")
        details.milestones = [DesignationDetails.endsMilestone: day("2025-06-30")]
        let listing = LedgerEvent(
            id: EventID("l"), party: PartyID("p"), regime: RegimeID("bis-dpl"), effective: day("2020-01-01"),
            published: day("2020-01-01"), source: EventFactory.testSource, payload: .listed(details))
        let rows = StreamFold.projectEpochByEpoch([listing]).designations
        #expect(rows.count == 1)
        #expect(rows[0].valid.to == day("2025-06-30"))
        #expect(rows[0].endsDesignation)
        // A delisting before the end ends it sooner, and is no anomaly
        let early = EventFactory.delisted("d", party: "p", regime: "bis-dpl", effective: "2022-05-06")
        let projection = StreamFold.projectEpochByEpoch([listing, early])
        #expect(projection.anomalies.isEmpty)
        #expect(projection.designations.filter { $0.known.to == nil }.map(\.valid.to) == [day("2022-05-06")])
    }

    @Test func aShortWindowIsAStatedDayAndALongOneStaysAWindow() throws {
        let previous = try LedgerTime.parse("2021-12-09T18:43:00Z")
        let daily = SnapshotDating(
            by: try .parse("2021-12-10T18:43:00Z"), after: try .parse("2021-12-10T12:43:00Z"), previous: previous)
        #expect(daily.isStatedDay)
        #expect(daily.change.effective == day("2021-12-10"))
        #expect(daily.change.effectiveAfter == nil)
        // The day starts before the previous publication, which did not show the change: it is dated
        // just after that publication (so that the list as of each publication stays exact)
        let sameDay = SnapshotDating(
            by: try .parse("2021-12-10T18:43:00Z"), after: try .parse("2021-12-10T12:43:00Z"),
            previous: try .parse("2021-12-10T06:43:00Z"))
        #expect(sameDay.change.effective == (try LedgerTime.parse("2021-12-10T06:43:01Z")))
        let gap = SnapshotDating(by: try .parse("2021-04-25T17:56:43Z"), after: day("2019-01-04"), previous: nil)
        #expect(!gap.isStatedDay)
        #expect(gap.change.effective == (try LedgerTime.parse("2021-04-25T17:56:43Z")))
        #expect(gap.change.effectiveAfter == day("2019-01-04"))
        // The window never starts before the previous publication
        let bounded = SnapshotDating(
            by: try .parse("2021-06-03T08:44:33Z"), after: day("2021-01-01"),
            previous: try .parse("2021-05-22T22:02:00Z"))
        #expect(bounded.after == (try LedgerTime.parse("2021-05-22T22:02:00Z")))
        #expect(gap.disagreement(stated: day("2018-01-01")) == nil)  // no previous publication to disagree with
        #expect(bounded.disagreement(stated: day("2021-05-01"))?.contains("did not show the entry") == true)
    }

    @Test func anEventFileStatesTheWindowAndItMustEndBeforeTheEffectiveDate() throws {
        let good =
            #"{"id": "x", "type": "delisted", "party": "p", "regime": "ofac-sdn", "effective": "2021-04-25", "effectiveAfter": "2019-01-04", "published": "2021-04-25", "source": {"citation": "T"}}"#
        let event = try EventFileDecoder.decodeEvent(Array(good.utf8), path: "x.json")
        #expect(event.effectiveAfter == day("2019-01-04"))
        #expect(String(decoding: event.canonicalBytes, as: UTF8.self).contains(#""effectiveAfter":"2019-01-04""#))
        let bad = good.replacingOccurrences(of: "2019-01-04", with: "2022-01-01")
        #expect { try EventFileDecoder.decodeEvent(Array(bad.utf8), path: "x.json") } throws: {
            "\($0)".contains("effectiveAfter 2022-01-01 must be before effective 2021-04-25")
        }
    }

    @Test func coverageIsFullBetweenClosePublicationsPartialAcrossGapsAndNoneBeforeTheFirst() {
        func publication(_ at: String, after: String? = nil, statedFrom: String? = nil) -> PublicationRow {
            PublicationRow(
                regime: RegimeID("ofac-sdn"),
                observation: Observation(list: "ofac-sdn", entries: 1, statedFrom: statedFrom.map(day)),
                instant: day(at), published: day(at), event: EventID("o-" + at), observedAfter: after.map(day))
        }
        let coverage = RegimeCoverage(
            regime: RegimeID("ofac-sdn"),
            publications: [
                publication("2020-01-01", statedFrom: "2019-06-01"), publication("2020-01-03"),
                publication("2020-03-01"), publication("2020-06-01", after: "2020-05-31"),
            ])
        #expect(coverage.at(day("2019-01-01")).level == .none)
        #expect(coverage.at(day("2019-07-01")).level == .partial)  // stated dates reach back
        #expect(coverage.at(day("2020-01-02")).level == .full)
        #expect(coverage.at(day("2020-02-01")).level == .partial)  // 58 days between publications
        #expect(coverage.at(day("2020-04-01")).level == .full)  // a scrape's check on 05-31 bounds the window
        #expect(coverage.at(day("2020-06-05")).stale == false)
        #expect(coverage.at(day("2020-06-20")).stale)
        #expect(coverage.at(day("2020-06-20")).level == .partial)
        #expect(coverage.periods.map(\.level) == [.none, .partial, .full, .partial, .full, .partial])
        let declared = RegimeCoverage(
            regime: RegimeID("ndaa-889"), publications: [],
            declared: DeclaredCoverage(regime: RegimeID("ndaa-889"), from: day("2018-08-13"), note: "statute"))
        #expect(declared.at(day("2018-08-12")).level == .none)
        #expect(declared.at(day("2024-01-01")).level == .full)
    }
}
