import Foundation
import HTTPTypes
public import Hummingbird
import Logging
import NIOCore
public import Prometheus
import SanctionsCore
public import SanctionsLedger

/// The ledger as an HTTP service: health, readiness and screening (`POST /v1/screen`).
///
/// Every answer names the ledger state it was made from (`sequence`, `headHash`); when another
/// process appends, the next request is answered from the new state (the screening index is
/// rebuilt once per state).
public enum LedgerServer {
    /// The routes of the service over `ledger`; `today` dates a screening that names no date.
    /// Every route but `/healthz` and `/readyz` needs one of `keys`. Each request is logged with
    /// its request id; with `metrics` (the registry the process bootstrapped swift-metrics with),
    /// requests are counted and timed and `GET /metrics` serves them in Prometheus' text format.
    public static func router(
        ledger: Ledger, keys: APIKeys, metrics: PrometheusCollectorRegistry? = nil,
        today: @escaping @Sendable () -> LedgerTime = { Ledger.systemClock().day }
    ) -> Router<BasicRequestContext> {
        let state = LedgerState(ledger: ledger)
        let router = Router()
        router.add(middleware: LogRequestsMiddleware(.info))
        if metrics != nil { router.add(middleware: MetricsMiddleware()) }
        router.add(middleware: ProblemMiddleware())
        router.add(middleware: APIKeyMiddleware(keys: keys))
        if let metrics {
            router.get("metrics") { _, _ in
                metrics.makeGauge(descriptor: ledgerSequence).set(Double(try ledger.head().sequence))
                return Response(
                    status: .ok, headers: [.contentType: "text/plain; version=0.0.4"],
                    body: ResponseBody(byteBuffer: ByteBuffer(bytes: metrics.emitToBuffer())))
            }
        }
        router.get("healthz") { _, _ in json(.object([JSONMember(key: "status", value: .string("ok"))])) }
        router.get("readyz") { _, _ in
            let head = try await state.snapshot().head
            return json(
                .object([
                    JSONMember(key: "status", value: .string("ready")),
                    JSONMember(key: "sequence", value: .int(head.sequence)),
                    JSONMember(key: "headHash", value: .string(head.hash)),
                ]))
        }
        router.post("v1/screen") { request, context in
            let body = try await decode(ScreenRequest.self, request, context)
            let (head, snapshot) = try await state.snapshot()
            let (names, view, type) = try body.validated(today: today(), head: head)
            let atHead = view.recordedThrough == head.sequence
            let answer =
                atHead && view.knownAt == nil
                ? try ledger.screen(names, at: view, type: type, with: snapshot)
                : try ledger.screen(names, at: view, type: type)
            let answered = atHead ? head : try ledger.head(recordedThrough: view.recordedThrough)
            return json(
                stamped(
                    answered,
                    [
                        ("verdict", .string(answer.worst.rawValue)),
                        ("results", .array(answer.results.map { ScreeningOutput.json($0, sources: answer.sources) })),
                    ]))
        }
        addYenteRoutes(to: router, ledger: ledger, state: state, today: today)
        NativeRoutes.add(to: router, ledger: ledger, today: today)
        return router
    }

    /// yente's `POST /match/{dataset}`, `GET /algorithms` and `GET /catalog` (see ``YenteMatch``).
    static func addYenteRoutes(
        to router: Router<BasicRequestContext>, ledger: Ledger, state: LedgerState,
        today: @escaping @Sendable () -> LedgerTime
    ) {
        router.post("match/:dataset") { request, context in
            let regimes = try YenteMatch.regimes(of: try context.parameters.require("dataset"), in: ledger)
            let parameters = try YenteMatch.Parameters(LedgerServer.parameters(request))
            let queries = try await decode(MatchRequest.self, request, context).validated()
            let (head, current) = try await state.snapshot()
            let view = AsOf(on: parameters.asOf ?? today(), knownAt: parameters.knownAt, recordedThrough: head.sequence)
            let options = ScreeningOptions(threshold: parameters.threshold, algorithm: parameters.algorithm)
            let snapshot =
                view.knownAt == nil && options == current.options
                ? current
                : try ledger.screeningSnapshot(knownAt: view.knownAt, recordedThrough: head.sequence, options: options)
            let responses = try queries.map { key, query, names in
                let answer = try ledger.screen(names, at: view, type: parameters.type, with: snapshot)
                return JSONMember(
                    key: key,
                    value: YenteMatch.response(
                        key: key, query: query, answer: answer, regimes: regimes, parameters: parameters))
            }
            return json(stamped(head, [("responses", .object(responses)), ("limit", .int(parameters.limit))]))
        }
        router.get("algorithms") { _, _ in
            json(
                .object([
                    JSONMember(
                        key: "algorithms",
                        value: .array(
                            MatchingAlgorithm.allCases.map { algorithm in
                                .object([
                                    JSONMember(key: "name", value: .string(algorithm.name)),
                                    JSONMember(key: "description", value: .string(algorithm.summary)),
                                ])
                            })),
                    JSONMember(key: "default", value: .string(MatchingAlgorithm.current.name)),
                    JSONMember(key: "best", value: .string(MatchingAlgorithm.current.name)),
                ]))
        }
        router.get("catalog") { _, _ in
            let head = try ledger.head()
            let datasets =
                [("default", "Every list the ledger holds")] + (try ledger.regimes()).map { ($0.id.rawValue, $0.name) }
            var response = json(
                .object([
                    JSONMember(
                        key: "datasets",
                        value: .array(
                            datasets.map { name, title in
                                .object([
                                    JSONMember(key: "name", value: .string(name)),
                                    JSONMember(key: "title", value: .string(title)),
                                    JSONMember(key: "index_version", value: .string(String(head.sequence))),
                                    JSONMember(key: "index_current", value: .bool(true)),
                                ])
                            })),
                    JSONMember(key: "current", value: .array(datasets.map { .string($0.0) })),
                    JSONMember(key: "outdated", value: .array([])),
                    JSONMember(key: "index_stale", value: .bool(false)),
                ]))
            response.headers[.eTag] = "\"\(head.hash)\""
            return response
        }
    }

    /// An application serving `router` on `host`:`port`.
    public static func application(
        router: Router<BasicRequestContext>, host: String, port: Int
    ) -> some ApplicationProtocol {
        Application(
            router: router,
            configuration: ApplicationConfiguration(
                address: .hostname(host, port: port), serverName: "sanctions-ledger"))
    }

    /// The most bytes a request body may hold.
    static let maximumBody = 1 << 20

    /// The request body decoded as JSON, or a problem naming what is wrong with it.
    static func decode<T: Decodable>(_ type: T.Type, _ request: Request, _ context: BasicRequestContext) async throws
        -> T
    {
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: maximumBody)
        } catch is NIOTooManyBytesError {
            throw Problem(.contentTooLarge, "Body too large", detail: "the body is over \(maximumBody >> 20) MiB")
        }
        do {
            return try JSONDecoder().decode(T.self, from: Data(String(buffer: buffer).utf8))
        } catch let DecodingError.keyNotFound(key, _) {
            throw Problem(.badRequest, "Invalid JSON", detail: "\(key.stringValue): required")
        } catch let DecodingError.typeMismatch(_, where_) {
            let path = where_.codingPath.map(\.stringValue).joined(separator: ".")
            throw Problem(.badRequest, "Invalid JSON", detail: "\(path): \(where_.debugDescription)")
        } catch {
            throw Problem(.badRequest, "Invalid JSON", detail: "the body is not the JSON this endpoint reads")
        }
    }

    /// The answer's members after the ledger state it was read at.
    static func stamped(_ head: LedgerHead, _ members: [(String, JSONValue)]) -> JSONValue {
        .object(
            [
                JSONMember(key: "sequence", value: .int(head.sequence)),
                JSONMember(key: "headHash", value: .string(head.hash)),
            ] + members.map { JSONMember(key: $0.0, value: $0.1) })
    }

    /// `sanctions_ledger_sequence`: the last sequence of the ledger the server answers from.
    static var ledgerSequence: MetricNameDescriptor {
        MetricNameDescriptor(
            namespace: "sanctions", metricName: "ledger", unitName: "sequence",
            helpText: "The last sequence number of the ledger the server answers from.")
    }

    /// The query parameters of `request` (the first value of a repeated one).
    static func parameters(_ request: Request) -> [String: String] {
        Dictionary(
            request.uri.queryParameters.map { (String($0.key), String($0.value)) },
            uniquingKeysWith: { first, _ in first })
    }

    static func json(_ value: JSONValue) -> Response {
        Response(
            status: .ok, headers: [.contentType: "application/json"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: PrettyJSON.render(value) + "\n")))
    }
}
