public import Foundation
import ZIPFoundation

/// Files embedded in the binary by the `EmbedFiles` build plugin (the migrations of `Schema/`, the
/// data of `Events/`), so that the executable needs no resource bundle.
///
/// For example, with the `embeddedArchive` the plugin generates in each target that embeds files:
/// ```swift
/// // given: embeddedArchive: EmbeddedArchive
/// let migrations = try embeddedArchive.files().filter { $0.name.hasSuffix(".sql") }
/// ```
public struct EmbeddedArchive: Sendable {
    /// Where one file lies in the uncompressed payload.
    public struct Entry: Sendable {
        public var name: String
        public var offset: Int
        public var size: Int

        public init(name: String, offset: Int, size: Int) {
            self.name = name
            self.offset = offset
            self.size = size
        }
    }

    /// One embedded file: its path relative to the target's folder, and its bytes.
    public struct File: Sendable {
        public var name: String
        public var bytes: [UInt8]
    }

    public let entries: [Entry]
    let uncompressedSize: Int
    let base64: StaticString

    public init(entries: [Entry], uncompressedSize: Int, base64: StaticString) {
        self.entries = entries
        self.uncompressedSize = uncompressedSize
        self.base64 = base64
    }

    /// Every embedded file, in name order.
    public func files() throws -> [File] {
        let payload = try decompressed()
        return entries.map { File(name: $0.name, bytes: Array(payload[$0.offset..<($0.offset + $0.size)])) }
    }

    /// The embedded file called `name`, if any.
    public func file(named name: String) throws -> File? {
        guard let entry = entries.first(where: { $0.name == name }) else { return nil }
        let payload = try decompressed()
        return File(name: name, bytes: Array(payload[entry.offset..<(entry.offset + entry.size)]))
    }

    private func decompressed() throws -> [UInt8] {
        let text = base64.withUTF8Buffer { String(decoding: $0, as: UTF8.self) }
        guard let compressed = Data(base64Encoded: text) else { throw EmbeddedArchiveError() }
        guard uncompressedSize > 0 else { return [] }
        var output: [UInt8] = []
        output.reserveCapacity(uncompressedSize)
        _ = try Data.decompress(
            size: Int64(compressed.count), bufferSize: 1 << 16, skipCRC32: true,
            provider: { position, size in
                guard position < compressed.count else { throw EmbeddedArchiveError() }
                return compressed.subdata(in: Int(position)..<min(compressed.count, Int(position) + size))
            }, consumer: { output.append(contentsOf: $0) })
        guard output.count == uncompressedSize else { throw EmbeddedArchiveError() }
        return output
    }
}

/// The embedded data does not decode (a damaged build).
public struct EmbeddedArchiveError: Error, CustomStringConvertible {
    public init() {}

    public var description: String { "the data embedded in this build does not decode; rebuild the executable" }
}
