import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SanctionsLedger
import SanctionsServer
import SanctionsTestSupport
import Testing

/// yente's matching API, with request bodies written from yente's documentation: a client
/// written for yente works unchanged and gets our verdicts, citations and ledger state besides.
@Suite struct YenteMatchTests {
    static func post(_ client: some TestClientProtocol, _ uri: String, _ body: String) async throws -> (
        status: HTTPResponse.Status, json: [String: Any]
    ) {
        try await client.execute(
            uri: uri, method: .post, headers: ServerTests.authorized, body: ByteBuffer(string: body)
        ) { response in
            let object = try JSONSerialization.jsonObject(with: Data(String(buffer: response.body).utf8))
            return (response.status, object as? [String: Any] ?? [:])
        }
    }

    static let twoQueries = """
        {"queries": {
            "q2": {"schema": "Company", "properties": {"name": ["Acme Widgets Ltd"], "jurisdiction": ["gb"]}},
            "q1": {"schema": "Company", "properties": {"name": ["Hangzhou Hikvision Digital Technology Co., Ltd."],
                                                       "country": ["cn"]}}
        }, "weights": {}, "config": {}}
        """

    @Test func aYenteClientsMatchRequestIsAnsweredInYentesShapeWithOurSources() async throws {
        let ledger = try TemporaryLedger.makeCurated(.onDisk)
        let app = Application(
            router: LedgerServer.router(
                ledger: ledger, keys: ServerTests.keys, today: { EventFactory.day("2024-01-01") }))
        try await app.test(.router) { client in
            let answer = try await Self.post(client, "/match/default?as_of=2019-10-09&limit=3", Self.twoQueries)
            #expect(answer.status == .ok)
            #expect(answer.json["limit"] as? Int == 3)
            #expect(answer.json["sequence"] as? Int == (try ledger.head().sequence))
            let responses = try #require(answer.json["responses"] as? [String: [String: Any]])
            #expect(Set(responses.keys) == ["q1", "q2"])
            let hikvision = try #require(responses["q1"])
            #expect(hikvision["status"] as? Int == 200)
            #expect((hikvision["query"] as? [String: Any])?["schema"] as? String == "Company")
            let results = try #require(hikvision["results"] as? [[String: Any]])
            #expect(results.count <= 3)
            let top = try #require(results.first)
            #expect(top["id"] as? String == "hangzhou-hikvision")
            #expect(top["match"] as? Bool == true)
            #expect((top["score"] as? Double ?? 0) >= 0.95)
            #expect((top["datasets"] as? [String])?.contains("bis-entity-list") == true)
            #expect((top["citations"] as? [String])?.contains { $0.contains("84 FR 54002") } == true)
            #expect((top["explanations"] as? [String: Any])?["name_tokens"] != nil)
            #expect(hikvision["verdict"] as? String == "license-required")
            let total = try #require(hikvision["total"] as? [String: Any])
            #expect(total["relation"] as? String == "eq")
            #expect((total["value"] as? Int ?? 0) >= results.count)
            #expect((responses["q2"]?["results"] as? [Any])?.isEmpty == true)

            // One regime as the dataset: only its designations are results
            let cuba = #"{"queries": {"b": {"schema": "Company", "properties": {"name": ["Banco Nacional de Cuba"]}}}}"#
            let sdn = try await Self.post(client, "/match/ofac-sdn?as_of=2020-01-01", cuba)
            let sdnResults = try #require(
                (sdn.json["responses"] as? [String: [String: Any]])?["b"]?["results"] as? [[String: Any]])
            #expect(sdnResults.first?["id"] as? String == "ofac-306")
            #expect(sdnResults.first?["outcome"] as? String == "prohibited")
            #expect(sdnResults.allSatisfy { ($0["datasets"] as? [String]) == ["ofac-sdn"] })
            let entityListOnly = try await Self.post(client, "/match/bis-entity-list?as_of=2020-01-01", cuba)
            #expect(
                ((entityListOnly.json["responses"] as? [String: [String: Any]])?["b"]?["results"] as? [Any])?.isEmpty
                    == true)
        }
    }

    @Test(arguments: [
        (
            "/match/default", #"{"queries": {"a": {"schema": "Dog", "properties": {"name": ["x"]}}}}"#, 400,
            "queries.a.schema"
        ),
        (
            "/match/default", #"{"queries": {"a": {"schema": "Person", "properties": {"birthDate": ["1970"]}}}}"#, 400,
            "queries.a.properties.name"
        ),
        ("/match/default", #"{"queries": {}}"#, 400, "queries:"),
        (
            "/match/no-such-list", #"{"queries": {"a": {"schema": "Person", "properties": {"name": ["x"]}}}}"#, 404,
            "dataset 'no-such-list'"
        ),
        (
            "/match/default?limit=0", #"{"queries": {"a": {"schema": "Person", "properties": {"name": ["x"]}}}}"#, 400,
            "limit:"
        ),
        (
            "/match/default?algorithm=logic-v1",
            #"{"queries": {"a": {"schema": "Person", "properties": {"name": "x"}}}}"#,
            400, "algorithm: unknown algorithm 'logic-v1'"
        ),
    ])
    func aBadMatchRequestIsAProblemNamingTheField(uri: String, body: String, status: Int, detail: String) async throws {
        let ledger = try TemporaryLedger.makeCuratedNoticesOnly(.onDisk)
        let app = Application(router: LedgerServer.router(ledger: ledger, keys: ServerTests.keys))
        try await app.test(.router) { client in
            let answer = try await Self.post(client, uri, body)
            #expect(answer.status.code == status)
            #expect((answer.json["detail"] as? String)?.contains(detail) == true, "\(answer.json)")
        }
    }

    @Test func moreThanAHundredQueriesAreRefusedAndTheCatalogAndAlgorithmsAreListed() async throws {
        let ledger = try TemporaryLedger.makeCuratedNoticesOnly(.onDisk)
        let app = Application(router: LedgerServer.router(ledger: ledger, keys: ServerTests.keys))
        try await app.test(.router) { client in
            let queries = (0...100).map { #""q\#($0)": {"schema": "Person", "properties": {"name": ["n\#($0)"]}}"# }
            let tooMany = try await Self.post(
                client, "/match/default", "{\"queries\": {\(queries.joined(separator: ","))}}")
            #expect(tooMany.status == .badRequest)
            #expect((tooMany.json["detail"] as? String)?.contains("at most 100") == true)
            try await client.execute(uri: "/catalog", method: .get, headers: ServerTests.authorized) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.eTag] == "\"\(try ledger.head().hash)\"")
                let catalog = try JSONSerialization.jsonObject(with: Data(String(buffer: response.body).utf8))
                let names = ((catalog as? [String: Any])?["datasets"] as? [[String: Any]])?.compactMap {
                    $0["name"] as? String
                }
                #expect(names?.contains("default") == true)
                #expect(names?.contains("bis-entity-list") == true)
            }
            try await client.execute(uri: "/algorithms", method: .get, headers: ServerTests.authorized) { response in
                let body = String(buffer: response.body)
                #expect(body.contains("\"default\": \"name-tokens-v2\""))
                #expect(body.contains("name-tokens-v1"))
            }
        }
    }
}
