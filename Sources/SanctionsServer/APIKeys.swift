import Foundation
import HTTPTypes
import Hummingbird
import SanctionsCore
import SanctionsLedger

/// The keys that may call the service, each with a role, kept as SHA-256 hashes only.
///
/// A keys file holds one `ROLE KEY` a line (`read` or `write`; `#` starts a comment); a write key
/// may also read. Keys go in `Authorization: ApiKey KEY` (yente's convention) or `Bearer KEY`.
public struct APIKeys: Sendable {
    /// What a key may do.
    public enum Role: String, Sendable, Comparable {
        case read, write

        public static func < (lhs: Role, rhs: Role) -> Bool { lhs == .read && rhs == .write }
    }

    private var roles: [String: Role] = [:]

    /// Keys with their roles (the keys themselves are hashed at once and not kept).
    public init(_ keys: [(role: Role, key: String)]) {
        for (role, key) in keys { roles[Self.hash(key)] = max(role, roles[Self.hash(key)] ?? role) }
    }

    /// Reads a keys file; a bad line is an error naming the file and line.
    public static func read(_ path: String) throws -> APIKeys {
        let text = String(decoding: try InputFiles.read(path, limits: .eventFiles), as: UTF8.self)
        var keys: [(Role, String)] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let fields = line.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
            if fields.isEmpty || fields[0].hasPrefix("#") { continue }
            guard fields.count == 2, let role = Role(rawValue: fields[0]), fields[1].count >= 16 else {
                throw InputError(
                    .malformedRow, "expected 'read KEY' or 'write KEY' with a key of 16 characters or more",
                    file: path, line: index + 1)
            }
            keys.append((role, fields[1]))
        }
        guard !keys.isEmpty else { throw InputError(.missingField, "no key in the file", file: path) }
        return APIKeys(keys)
    }

    /// A new random read key (32 hexadecimal digits), and the keys holding only it.
    public static func generatedReadKey() -> (keys: APIKeys, key: String) {
        var generator = SystemRandomNumberGenerator()
        let key = (0..<16).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
        return (APIKeys([(.read, key)]), key)
    }

    /// The role of the key an `Authorization` header presents, if it is one of these.
    public func role(of authorization: String?) -> Role? {
        guard let authorization else { return nil }
        for scheme in ["ApiKey ", "Bearer "] where authorization.hasPrefix(scheme) {
            return roles[Self.hash(String(authorization.dropFirst(scheme.count)).trimmingCharacters(in: .whitespaces))]
        }
        return nil
    }

    private static func hash(_ key: String) -> String { ChainHash.hex(ChainHash.sha256(Array(key.utf8))) }
}

/// Refuses a request without a valid key (401) or whose key lacks the route's role (403);
/// `/healthz` and `/readyz` stay open for probes.
struct APIKeyMiddleware<Context: RequestContext>: RouterMiddleware {
    let keys: APIKeys
    /// The paths that need a write key (every other one needs a read key).
    let writePaths: Set<String> = []

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        let path = request.uri.path
        if path == "/healthz" || path == "/readyz" { return try await next(request, context) }
        guard let role = keys.role(of: request.headers[.authorization]) else {
            throw Problem(
                .unauthorized, "Unauthorized",
                detail: "give a key in 'Authorization: ApiKey KEY' or 'Authorization: Bearer KEY'")
        }
        if writePaths.contains(path), role < .write {
            throw Problem(.forbidden, "Forbidden", detail: "this key may read, not write")
        }
        return try await next(request, context)
    }
}
