import AsyncHTTPClient
import Crypto
import Foundation
import NIOCore
import NIOHTTP1
public import SanctionsCore

/// Fetches list files over HTTP with AsyncHTTPClient: conditional requests (`If-None-Match`,
/// `If-Modified-Since`), a size limit, and checks that what arrived is what was sent (the
/// `Content-Length`, and a `Repr-Digest` or `Digest` SHA-256 when the server gives one).
public struct SyncFetcher: Sendable {
    /// What a server said about a file last time, to ask it only for something newer.
    public struct Validators: Sendable, Hashable {
        public var etag: String?
        public var lastModified: String?

        public init(etag: String? = nil, lastModified: String? = nil) {
            self.etag = etag
            self.lastModified = lastModified
        }
    }

    /// One answer.
    public enum Outcome: Sendable {
        case notModified
        case fetched(bytes: [UInt8], validators: Validators)
    }

    /// The most bytes one file may hold.
    public var maxBytes: Int
    /// How long one request may take.
    public var timeoutSeconds: Int64

    public init(maxBytes: Int = 256 << 20, timeoutSeconds: Int64 = 120) {
        self.maxBytes = maxBytes
        self.timeoutSeconds = timeoutSeconds
    }

    /// GETs `url`, conditionally when `validators` are given. Errors name the address.
    ///
    /// Blocks the calling thread until the answer is complete; the request runs on
    /// AsyncHTTPClient's event loops, never on the thread that waits.
    public func fetch(_ url: String, validators: Validators? = nil) throws -> Outcome {
        var request: HTTPClient.Request
        do {
            request = try HTTPClient.Request(url: url, method: .GET)
        } catch {
            throw InputError(.invalidField, "not a usable address: \(error)", file: url)
        }
        request.headers.add(name: "User-Agent", value: "sanctions-ledger sync")
        if let etag = validators?.etag { request.headers.add(name: "If-None-Match", value: etag) }
        if let modified = validators?.lastModified { request.headers.add(name: "If-Modified-Since", value: modified) }
        let response: HTTPClient.Response
        do {
            response = try HTTPClient.shared.execute(
                request: request, delegate: ResponseAccumulator(request: request, maxBodySize: maxBytes),
                deadline: .now() + .seconds(timeoutSeconds)
            ).wait()
        } catch let error as ResponseAccumulator.ResponseTooBigError {
            _ = error
            throw InputError(.overLimit, "the file is larger than \(maxBytes >> 20) MiB", file: url)
        } catch {
            throw InputError(.unreadableFile, "cannot fetch it, or the download broke off: \(error)", file: url)
        }
        if response.status == .notModified, validators != nil { return .notModified }
        guard response.status == .ok else {
            throw InputError(
                .unreadableFile, "the server answered \(response.status.code) \(response.status.reasonPhrase)",
                file: url)
        }
        let bytes = response.body.map { Array($0.readableBytesView) } ?? []
        try Self.check(bytes, headers: response.headers, url: url)
        return .fetched(
            bytes: bytes,
            validators: Validators(
                etag: response.headers.first(name: "ETag"), lastModified: response.headers.first(name: "Last-Modified"))
        )
    }

    /// Refuses a body shorter or longer than its `Content-Length`, or whose SHA-256 is not the one
    /// the server states (`Repr-Digest: sha-256=:…:` or `Digest: SHA-256=…`, base64).
    static func check(_ bytes: [UInt8], headers: HTTPHeaders, url: String) throws {
        if let length = headers.first(name: "Content-Length").flatMap(Int.init), length != bytes.count {
            throw InputError(
                .unreadableFile,
                "the download is truncated: \(bytes.count) bytes of the \(length) the server announced", file: url)
        }
        let actual = Data(SHA256.hash(data: bytes)).base64EncodedString()
        for (name, value) in headers where ["repr-digest", "digest"].contains(name.lowercased()) {
            for part in value.split(separator: ",") {
                let pair = part.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                guard pair.count == 2, pair[0].lowercased() == "sha-256" else { continue }
                let stated = pair[1].trimmingCharacters(in: CharacterSet(charactersIn: ":"))
                guard stated == actual else {
                    throw InputError(
                        .invalidField,
                        "the file's SHA-256 is \(actual), the server states \(stated): the download is damaged",
                        file: url)
                }
            }
        }
    }
}
