public import HTTPTypes
public import Hummingbird
import Logging
import SanctionsCore
import SanctionsLedger

/// An error as an RFC 9457 problem document (`application/problem+json`): a status, a short
/// title, and a detail that names the field or value at fault. Never a stack trace.
public struct Problem: HTTPResponseError, Sendable {
    public var status: HTTPResponse.Status
    public var title: String
    public var detail: String

    public init(_ status: HTTPResponse.Status, _ title: String, detail: String) {
        self.status = status
        self.title = title
        self.detail = detail
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        let body = PrettyJSON.render(
            .object([
                JSONMember(key: "type", value: .string("about:blank")),
                JSONMember(key: "title", value: .string(title)),
                JSONMember(key: "status", value: .int(status.code)),
                JSONMember(key: "detail", value: .string(detail)),
                JSONMember(key: "instance", value: .string(request.uri.path)),
            ]))
        return Response(
            status: status, headers: [.contentType: "application/problem+json"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: body + "\n")))
    }

    /// The problem an error thrown while answering stands for: bad input is the client's (400),
    /// a busy ledger is a retry (503), anything else is the server's (500, without its details).
    static func from(_ error: any Error) -> Problem {
        switch error {
        case let problem as Problem: problem
        case let error as InputError: Problem(.badRequest, "Invalid input", detail: "\(error)")
        case let error as LedgerTimeError: Problem(.badRequest, "Invalid date", detail: "\(error)")
        case let error as StoreError where error.code == .busy:
            Problem(.serviceUnavailable, "Ledger busy", detail: "the ledger is busy; retry")
        case let error as HTTPError:
            Problem(error.status, error.status.reasonPhrase, detail: error.body ?? error.status.reasonPhrase)
        default: Problem(.internalServerError, "Internal error", detail: "the request could not be answered")
        }
    }
}

/// Turns every error a route throws (and unknown routes) into a problem document.
struct ProblemMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        do {
            return try await next(request, context)
        } catch {
            if !(error is Problem) && !(error is InputError) && !(error is HTTPError) {
                context.logger.error("request failed: \(String(describing: error))")
            }
            throw Problem.from(error)
        }
    }
}
