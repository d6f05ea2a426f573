import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Metrics
import Prometheus
import SanctionsCore
import SanctionsLedger
import SanctionsServer
import SanctionsStore
import SanctionsTestSupport
import Testing

/// `sanctions serve` through its router: real answers on the curated ledger, problem documents
/// for bad requests, and answers that follow what another writer appends.
@Suite struct ServerTests {
    /// The key the tests call with.
    static let key = "test-read-key-0123456789"
    static let keys = APIKeys([(.read, key)])
    static let authorized: HTTPFields = [.authorization: "ApiKey \(key)"]

    /// POSTs `body` to `/v1/screen` and returns the status, the content type and the decoded JSON.
    static func screen(_ client: some TestClientProtocol, _ body: String) async throws -> (
        status: HTTPResponse.Status, contentType: String?, json: [String: Any]
    ) {
        try await client.execute(
            uri: "/v1/screen", method: .post, headers: ServerTests.authorized, body: ByteBuffer(string: body)
        ) { response in
            let object = try JSONSerialization.jsonObject(with: Data(String(buffer: response.body).utf8))
            return (response.status, response.headers[.contentType], object as? [String: Any] ?? [:])
        }
    }

    static func application(_ ledger: Ledger) -> some ApplicationProtocol {
        Application(
            router: LedgerServer.router(
                ledger: ledger, keys: ServerTests.keys, today: { EventFactory.day("2024-01-01") }))
    }

    @Test func aHikvisionExportIsAnsweredWithItsNoticeAndTheLedgerStateItWasMadeFrom() async throws {
        let ledger = try TemporaryLedger.makeCurated(.onDisk)
        let head = try ledger.head()
        try await Self.application(ledger).test(.router) { client in
            let answer = try await Self.screen(
                client, #"{"names": ["Hikvision", "Acme Widgets Ltd"], "on": "2019-10-09"}"#)
            #expect(answer.status == .ok)
            #expect(answer.contentType == "application/json")
            #expect(answer.json["verdict"] as? String == "license-required")
            #expect(answer.json["sequence"] as? Int == head.sequence)
            #expect(answer.json["headHash"] as? String == head.hash)
            let results = try #require(answer.json["results"] as? [[String: Any]])
            #expect(results.map { $0["query"] as? String } == ["Hikvision", "Acme Widgets Ltd"])
            #expect(results.map { $0["verdict"] as? String } == ["license-required", "permitted"])
            let matches = try #require(results[0]["matches"] as? [[String: Any]])
            let entityList = try #require(matches.first { $0["regime"] as? String == "bis-entity-list" })
            #expect((entityList["citations"] as? [String])?.contains { $0.contains("84 FR 54002") } == true)

            // Known on 2019-10-01, neither the listing nor a publication of the list: unknown, not permitted
            let earlier = try await Self.screen(
                client, #"{"names": ["Hikvision"], "on": "2019-10-09", "knownAt": "2019-10-01"}"#)
            #expect(earlier.json["verdict"] as? String == "unknown")

            // As of an earlier ledger state: the answer names that state
            let old = try await Self.screen(
                client, #"{"names": ["Hikvision"], "on": "2019-10-09", "asOfSequence": 10}"#)
            #expect(old.json["sequence"] as? Int == 10)
            #expect(old.json["headHash"] as? String == (try ledger.head(recordedThrough: 10).hash))
        }
    }

    @Test(arguments: [
        (#"{"names": ["Hikvision"], "on": "2019-02-30"}"#, "on:"),
        (#"{"names": ["Hikvision"], "type": "smuggling"}"#, "type: unknown type 'smuggling'"),
        (#"{"names": []}"#, "names:"),
        (#"{"on": "2019-10-09"}"#, "names: required"),
        (#"{"names": "Hikvision"}"#, "names"),
        (#"{"names": ["Hikvision"], "asOfSequence": -1}"#, "asOfSequence:"),
        ("not json", "not the JSON"),
    ])
    func aBadRequestIsAProblemNamingTheField(body: String, detail: String) async throws {
        let ledger = try TemporaryLedger.makeCuratedNoticesOnly(.onDisk)
        try await Self.application(ledger).test(.router) { client in
            let answer = try await Self.screen(client, body)
            #expect(answer.status == .badRequest)
            #expect(answer.contentType == "application/problem+json")
            #expect(answer.json["status"] as? Int == 400)
            #expect((answer.json["detail"] as? String)?.contains(detail) == true, "\(answer.json)")
        }
    }

    @Test func tooManyNamesAndUnknownRoutesAreProblemsToo() async throws {
        let ledger = try TemporaryLedger.makeCuratedNoticesOnly(.onDisk)
        try await Self.application(ledger).test(.router) { client in
            let huge = try await Self.screen(
                client, #"{"names": [""# + String(repeating: "a", count: 1_100_000) + #""]}"#)
            #expect(huge.status == .contentTooLarge)
            #expect(huge.contentType == "application/problem+json")
            let names = (0...100).map { "\"name \($0)\"" }.joined(separator: ",")
            let tooMany = try await Self.screen(client, #"{"names": [\#(names)]}"#)
            #expect(tooMany.status == .badRequest)
            #expect((tooMany.json["detail"] as? String)?.contains("at most 100") == true)
            try await client.execute(uri: "/v1/nothing", method: .get, headers: Self.authorized) { response in
                #expect(response.status == .notFound)
                #expect(response.headers[.contentType] == "application/problem+json")
            }
            try await client.execute(uri: "/healthz", method: .get) { response in
                #expect(response.status == .ok)
            }
        }
    }

    /// Another process appends a listing: the next answer comes from the new state, with its sequence.
    @Test func anAppendByAnotherWriterIsAnsweredByTheNextRequest() async throws {
        let ledger = try TemporaryLedger.makeCuratedNoticesOnly(.onDisk)
        let writer = try Ledger.open(path: ledger.path)
        try await Self.application(ledger).test(.router) { client in
            let before = try await Self.screen(client, #"{"names": ["Zyxquart Widgets Ltd"], "on": "2023-06-01"}"#)
            let first = try #require(before.json["sequence"] as? Int)
            let results = try #require(before.json["results"] as? [[String: Any]])
            #expect((results[0]["matches"] as? [Any])?.isEmpty == true)
            try writer.database.append([
                EventFactory.listed(
                    "TEST-zyxquart", party: "zyxquart", effective: "2023-05-01", name: "Zyxquart Widgets Ltd")
            ])
            let after = try await Self.screen(client, #"{"names": ["Zyxquart Widgets Ltd"], "on": "2023-06-01"}"#)
            #expect(after.json["sequence"] as? Int == first + 1)
            #expect(after.json["verdict"] as? String == "license-required")
            try await client.execute(uri: "/readyz", method: .get) { response in
                #expect(String(buffer: response.body).contains("\"sequence\": \(first + 1)"))
            }
        }
    }

    @Test func everyRouteButTheProbesNeedsAKeyInEitherScheme() async throws {
        let ledger = try TemporaryLedger.makeCuratedNoticesOnly(.onDisk)
        let body = #"{"names": ["Hikvision"], "on": "2019-10-09"}"#
        try await Self.application(ledger).test(.router) { client in
            for headers: HTTPFields in [
                [:], [.authorization: "ApiKey wrong-key-0123456789"], [.authorization: Self.key],
                [.authorization: "Basic \(Self.key)"],
            ] {
                try await client.execute(
                    uri: "/v1/screen", method: .post, headers: headers, body: ByteBuffer(string: body)
                ) { response in
                    #expect(response.status == .unauthorized, "\(headers)")
                    #expect(response.headers[.contentType] == "application/problem+json")
                }
            }
            for headers: HTTPFields in [[.authorization: "ApiKey \(Self.key)"], [.authorization: "Bearer \(Self.key)"]]
            {
                try await client.execute(
                    uri: "/v1/screen", method: .post, headers: headers, body: ByteBuffer(string: body)
                ) { response in
                    #expect(response.status == .ok, "\(headers)")
                }
            }
            for probe in ["/healthz", "/readyz"] {
                try await client.execute(uri: probe, method: .get) { #expect($0.status == .ok) }
            }
        }
    }

    @Test func aKeysFileIsReadAndABadLineIsNamed() throws {
        let fixture = try FileFixture()
        let good = try fixture.write(
            "keys", "# the service's keys\nread abcdefghijklmnop0001\n\nwrite abcdefghijklmnop0002\n")
        let keys = try APIKeys.read(good)
        let bad = try fixture.write("bad", "read abcdefghijklmnop0001\nadmin abcdefghijklmnop0002\n")
        let error = try #require(throws: InputError.self) { try APIKeys.read(bad) }
        #expect(error.line == 2)
        #expect("\(error)".contains("bad"))
        let short = try fixture.write("short", "read abc\n")
        #expect(throws: InputError.self) { try APIKeys.read(short) }
        #expect(keys.role(of: "ApiKey abcdefghijklmnop0001") == .read)
        #expect(keys.role(of: "Bearer abcdefghijklmnop0002") == .write)
        #expect(keys.role(of: "ApiKey abcdefghijklmnop0003") == nil)
    }

    /// The registry this test process bootstrapped swift-metrics with (once: the bootstrap is global).
    static let registry: PrometheusCollectorRegistry = {
        let registry = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
        return registry
    }()

    @Test func requestsAreCountedAndTheMetricsNameTheLedgerSequence() async throws {
        let ledger = try TemporaryLedger.makeCuratedNoticesOnly(.onDisk)
        let router = LedgerServer.router(ledger: ledger, keys: Self.keys, metrics: Self.registry)
        try await Application(router: router).test(.router) { client in
            _ = try await Self.screen(client, #"{"names": ["Hikvision"], "on": "2019-10-09"}"#)
            let sequence = try ledger.head().sequence
            try await client.execute(uri: "/metrics", method: .get, headers: Self.authorized) { response in
                let text = String(buffer: response.body)
                #expect(response.status == .ok)
                #expect(text.contains("sanctions_ledger_sequence \(sequence)"))
                #expect(text.contains("hb_requests"), "\(text.prefix(2000))")
            }
            try await client.execute(uri: "/metrics", method: .get) { #expect($0.status == .unauthorized) }
        }
    }
}
