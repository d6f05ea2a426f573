import Foundation
import HTTPTypes
public import Hummingbird
import SanctionsCore
public import SanctionsLedger

/// The ledger as an HTTP service: health, readiness and screening (`POST /v1/screen`).
///
/// Every answer names the ledger state it was made from (`sequence`, `headHash`); when another
/// process appends, the next request is answered from the new state (the screening index is
/// rebuilt once per state).
public enum LedgerServer {
    /// The routes of the service over `ledger`; `today` dates a screening that names no date.
    public static func router(
        ledger: Ledger, today: @escaping @Sendable () -> LedgerTime = { Ledger.systemClock().day }
    ) -> Router<BasicRequestContext> {
        let state = LedgerState(ledger: ledger)
        let router = Router()
        router.add(middleware: ProblemMiddleware())
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
            let answer: ScreeningAnswer
            if view.knownAt == nil, view.recordedThrough == head.sequence {
                answer = try ledger.screen(names, at: view, type: type, with: snapshot)
            } else {
                answer = try ledger.screen(names, at: view, type: type)
            }
            return json(
                .object([
                    JSONMember(key: "sequence", value: .int(view.recordedThrough ?? head.sequence)),
                    JSONMember(
                        key: "headHash", value: .string(try ledger.head(recordedThrough: view.recordedThrough).hash)),
                    JSONMember(key: "verdict", value: .string(answer.worst.rawValue)),
                    JSONMember(
                        key: "results",
                        value: .array(answer.results.map { ScreeningOutput.json($0, sources: answer.sources) })),
                ]))
        }
        return router
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

    /// The request body decoded as JSON, or a problem naming what is wrong with it.
    static func decode<T: Decodable>(_ type: T.Type, _ request: Request, _ context: BasicRequestContext) async throws
        -> T
    {
        let buffer = try await request.body.collect(upTo: 1 << 20)
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

    static func json(_ value: JSONValue) -> Response {
        Response(
            status: .ok, headers: [.contentType: "application/json"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: PrettyJSON.render(value) + "\n")))
    }
}
