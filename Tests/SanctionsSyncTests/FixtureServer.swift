import Foundation
import NIOConcurrencyHelpers
import NIOCore
import NIOHTTP1
import NIOPosix

/// An HTTP server on loopback that serves fixture files for the sync tests, with ETag and
/// Last-Modified (answering 304 to a matching conditional request), and faults on demand: a body
/// cut short of its Content-Length, a wrong digest, a server error. Never the internet.
final class FixtureServer: @unchecked Sendable {
    enum Fault: Sendable {
        case truncate, wrongDigest, serverError
    }

    struct File: Sendable {
        var bytes: [UInt8]
        var etag: String
        var fault: Fault?
    }

    private let lock = NIOLock()
    private var files: [String: File] = [:]
    private(set) var requests: [(path: String, conditional: Bool)] = []
    private let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
    private var channel: (any Channel)?

    var port: Int { channel?.localAddress?.port ?? 0 }

    func url(_ path: String) -> String { "http://127.0.0.1:\(port)/\(path)" }

    func serve(_ path: String, _ bytes: [UInt8], etag: String, fault: Fault? = nil) {
        lock.withLock { files[path] = File(bytes: bytes, etag: etag, fault: fault) }
    }

    func recorded() -> [(path: String, conditional: Bool)] { lock.withLock { requests } }

    func start() throws {
        let bootstrap = ServerBootstrap(group: group)
            .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.pipeline.configureHTTPServerPipeline().flatMap {
                    channel.pipeline.addHandler(Handler(server: self))
                }
            }
        channel = try bootstrap.bind(host: "127.0.0.1", port: 0).wait()
    }

    func stop() {
        try? channel?.close().wait()
        try? group.syncShutdownGracefully()
    }

    fileprivate func answer(_ head: HTTPRequestHead) -> (HTTPResponseStatus, HTTPHeaders, [UInt8]) {
        let path = String(head.uri.dropFirst())
        let conditional = head.headers.contains(name: "If-None-Match")
        return lock.withLock {
            requests.append((path, conditional))
            guard let file = files[path] else { return (.notFound, HTTPHeaders(), []) }
            if file.fault == .serverError { return (.internalServerError, HTTPHeaders(), []) }
            if head.headers.first(name: "If-None-Match") == file.etag { return (.notModified, HTTPHeaders(), []) }
            var headers = HTTPHeaders()
            headers.add(name: "ETag", value: file.etag)
            headers.add(name: "Last-Modified", value: "Tue, 01 Dec 2026 00:00:00 GMT")
            headers.add(name: "Content-Length", value: String(file.bytes.count))
            if file.fault == .wrongDigest {
                headers.add(name: "Repr-Digest", value: "sha-256=:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=:")
            }
            let body = file.fault == .truncate ? Array(file.bytes.prefix(file.bytes.count / 2)) : file.bytes
            return (.ok, headers, body)
        }
    }

    private final class Handler: ChannelInboundHandler, @unchecked Sendable {
        typealias InboundIn = HTTPServerRequestPart
        typealias OutboundOut = HTTPServerResponsePart
        let server: FixtureServer
        init(server: FixtureServer) { self.server = server }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            guard case .head(let head) = unwrapInboundIn(data) else { return }
            let (status, headers, body) = server.answer(head)
            var responseHeaders = headers
            if !responseHeaders.contains(name: "Content-Length") {
                responseHeaders.add(name: "Content-Length", value: String(body.count))
            }
            let truncated = headers.first(name: "Content-Length").flatMap(Int.init).map { $0 != body.count } ?? false
            context.write(
                wrapOutboundOut(
                    .head(HTTPResponseHead(version: head.version, status: status, headers: responseHeaders))),
                promise: nil)
            context.write(wrapOutboundOut(.body(.byteBuffer(ByteBuffer(bytes: body)))), promise: nil)
            if truncated {
                // Cut the connection short of the announced length.
                context.writeAndFlush(wrapOutboundOut(.end(nil))).whenComplete { _ in context.close(promise: nil) }
                return
            }
            context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
        }
    }
}
