import SanctionsBenchmarks
import SanctionsLedger
import SanctionsTestSupport
import Testing

@testable import SanctionsCore

@Suite struct StreamFoldTests {
    /// Streams of a synthetic ledger, with and without corrections and out-of-order publication.
    static let streams: [[LedgerEvent]] = {
        var generator = SyntheticLedger(seed: 7)
        let events = generator.events(parties: 400, targetEvents: 4000)
        return Dictionary(grouping: events, by: \.stream).sorted { $0.key < $1.key }.map(\.value)
    }()

    @Test func theLinearPathGivesExactlyTheRowsOfTheEpochByEpochFold() {
        var compared = 0
        for stream in Self.streams {
            guard let fast = StreamFold.projectInPublicationOrder(stream) else { continue }
            let slow = StreamFold.projectEpochByEpoch(stream)
            #expect(fast == slow, "stream \(stream.first?.stream.rawValue ?? "")")
            compared += 1
        }
        #expect(compared > 100)
    }

    @Test func theLinearPathDeclinesStreamsItCannotHandle() {
        let listed = EventFactory.listed("l", party: "p", effective: "2020-01-10", published: "2020-01-20", name: "P")
        let aliasPublishedEarlier = EventFactory.aliasAdded(
            "a", party: "p", effective: "2020-02-01", published: "2020-01-15", aliases: ["Q"])
        #expect(StreamFold.projectInPublicationOrder([listed, aliasPublishedEarlier]) == nil)
        let sameDay = EventFactory.aliasAdded(
            "b", party: "p", effective: "2020-01-10", published: "2020-01-21", aliases: ["Q"])
        #expect(StreamFold.projectInPublicationOrder([listed, sameDay]) == nil)
        let fix = EventFactory.retracted("r", party: "p", target: "l", published: "2020-03-01")
        #expect(StreamFold.projectInPublicationOrder([listed, fix]) == nil)
        // and the general path still gives an answer for each
        #expect(StreamFold.project([listed, aliasPublishedEarlier]).names.count == 2)
    }

    @Test func projectionDoesNotDependOnTheOrderOfEvents() {
        var random = SplitMix64(seed: 99)
        for stream in Self.streams.prefix(200) {
            #expect(StreamFold.project(stream) == StreamFold.project(stream.shuffled(using: &random)))
        }
    }
}
