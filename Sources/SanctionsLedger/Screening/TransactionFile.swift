import Foundation
public import SanctionsCore
public import SanctionsImport
public import SanctionsScreening
package import SanctionsStore

/// Opening a transactions file for streaming.
public final class TransactionFile: @unchecked Sendable {
    /// The chunk size used to read files (1 MiB).
    public static let chunkSize = 1 << 20

    private let handle: FileHandle?
    private let lock = NSLock()
    private var read: Int = 0
    /// The file's size in bytes (0 for stdin).
    public let size: Int
    public let path: String

    /// Opens `path` (`-` for stdin).
    public init(path: String) throws {
        self.path = path
        if path == "-" {
            handle = FileHandle.standardInput
            size = 0
        } else {
            guard let handle = FileHandle(forReadingAtPath: path) else {
                throw InputError(.unreadableFile, "cannot open the transactions file", file: path)
            }
            self.handle = handle
            size = ((try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? nil) ?? 0
        }
    }

    /// Bytes read so far (for progress).
    public var bytesRead: Int { lock.withLock { read } }

    /// The next chunk (empty at the end).
    public func nextChunk() throws -> [UInt8] {
        guard let handle else { return [] }
        let data = try handle.read(upToCount: Self.chunkSize) ?? Data()
        lock.withLock { read += data.count }
        return Array(data)
    }

    /// A reader over this file, in `format` (by default from the extension: `.jsonl`/`.ndjson` are JSON Lines).
    public func reader(format: TransactionReader.Format? = nil) throws -> TransactionReader {
        let chosen = format ?? ((path.hasSuffix(".jsonl") || path.hasSuffix(".ndjson")) ? .jsonl : .csv)
        return try TransactionReader(file: path, format: chosen) { [self] in try self.nextChunk() }
    }
}
