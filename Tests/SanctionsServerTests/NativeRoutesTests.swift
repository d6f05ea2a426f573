import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SanctionsLedger
import SanctionsServer
import SanctionsTestSupport
import Testing

/// The history API: the list as of a date, a period's changes, a timeline, the change feed.
@Suite struct NativeRoutesTests {
    static func get(_ client: some TestClientProtocol, _ uri: String) async throws -> (
        status: HTTPResponse.Status, contentType: String?, body: String
    ) {
        try await client.execute(uri: uri, method: .get, headers: ServerTests.authorized) { response in
            (response.status, response.headers[.contentType], String(buffer: response.body))
        }
    }

    static func object(_ body: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any])
    }

    @Test func theListDiffTimelineAndFeedAnswerFromTheCuratedLedger() async throws {
        let ledger = try TemporaryLedger.makeCuratedNoticesOnly(.onDisk)
        let head = try ledger.head()
        let app = Application(router: LedgerServer.router(ledger: ledger, keys: ServerTests.keys))
        try await app.test(.router) { client in
            // Hikvision on the Entity List on 2019-10-09, not on 2019-10-08
            let listed = try Self.object(
                try await Self.get(client, "/v1/list?on=2019-10-09&regime=bis-entity-list&party=hangzhou-hikvision")
                    .body)
            #expect(listed["sequence"] as? Int == head.sequence)
            let designations = try #require(listed["designations"] as? [[String: Any]])
            #expect(designations.map { $0["party"] as? String } == ["hangzhou-hikvision"])
            #expect((designations[0]["citations"] as? [String])?.contains { $0.contains("84 FR 54002") } == true)
            let before = try Self.object(
                try await Self.get(client, "/v1/list?on=2019-10-08&regime=bis-entity-list&party=hangzhou-hikvision")
                    .body)
            #expect((before["designations"] as? [Any])?.isEmpty == true)

            // The October 2019 changes on the Entity List hold Hikvision's addition
            let diff = try await Self.get(client, "/v1/diff?from=2019-10-01&to=2019-10-31&regime=bis-entity-list")
            #expect(diff.status == .ok)
            #expect(diff.body.contains("hangzhou-hikvision"))
            let digest = try await Self.get(client, "/v1/diff?from=2019-10-01&to=2019-10-31&format=html")
            #expect(digest.contentType?.hasPrefix("text/html") == true)
            #expect(digest.body.contains("<html"))

            // A timeline by any listed name, as JSON and as the chart
            let timeline = try await Self.get(client, "/v1/timeline/hikvision")
            #expect(timeline.status == .ok)
            #expect((try Self.object(timeline.body))["party"] as? String == "hangzhou-hikvision")
            let chart = try await Self.get(client, "/v1/timeline/hangzhou-hikvision?format=html")
            #expect(chart.body.contains("<svg"))

            // yente's entity: names, regimes as datasets, first listing; an unknown id is a 404 problem
            let entity = try Self.object(try await Self.get(client, "/entities/hangzhou-hikvision").body)
            #expect(entity["id"] as? String == "hangzhou-hikvision")
            #expect((entity["datasets"] as? [String])?.contains("bis-entity-list") == true)
            #expect(((entity["properties"] as? [String: Any])?["name"] as? [String])?.contains("Hikvision") == true)
            #expect(entity["timeline"] != nil)
            let missing = try await Self.get(client, "/entities/no-such-party")
            #expect(missing.status == .notFound)
            #expect(missing.contentType == "application/problem+json")

            // Coverage, read at the ledger state it names
            let coverage = try Self.object(try await Self.get(client, "/v1/coverage?regime=bis-entity-list").body)
            #expect(coverage["sequence"] as? Int == head.sequence)
            #expect((coverage["coverage"] as? [[String: Any]])?.count == 1)

            // The change feed: the events after a sequence, in order, up to the head
            let feed = try Self.object(try await Self.get(client, "/v1/events?after=\(head.sequence - 3)&limit=2").body)
            let events = try #require(feed["events"] as? [[String: Any]])
            #expect(events.map { $0["sequence"] as? Int } == [head.sequence - 2, head.sequence - 1])
            let caughtUp = try Self.object(try await Self.get(client, "/v1/events?after=\(head.sequence)").body)
            #expect((caughtUp["events"] as? [Any])?.isEmpty == true)
        }
    }

    @Test(arguments: [
        ("/v1/list?on=2019-02-30", 400, "on:"), ("/v1/list?regime=no-such", 400, "unknown regime 'no-such'"),
        ("/v1/diff?from=2019-10-01", 400, "from, to"), ("/v1/events?limit=0", 400, "limit:"),
        ("/v1/events?after=x", 400, "after:"), ("/v1/timeline/zzzz-no-such-party-qqq", 400, "zzzz"),
    ])
    func aBadQueryIsAProblemNamingIt(uri: String, status: Int, detail: String) async throws {
        let ledger = try TemporaryLedger.makeCuratedNoticesOnly(.onDisk)
        let app = Application(router: LedgerServer.router(ledger: ledger, keys: ServerTests.keys))
        try await app.test(.router) { client in
            let answer = try await Self.get(client, uri)
            #expect(answer.status.code == status)
            #expect(answer.contentType == "application/problem+json")
            #expect(answer.body.contains(detail), "\(answer.body)")
        }
    }
}
