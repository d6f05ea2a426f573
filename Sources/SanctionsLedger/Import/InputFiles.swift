import Foundation
public import SanctionsCore
public import SanctionsImport
public import SanctionsScreening
package import SanctionsStore
import ZIPFoundation

/// How much one input may take once read: a file, a member of an archive, a whole series archive.
///
/// A small compressed file can unpack to gigabytes (a 2 MB zip to 8 GB of memory), so every
/// reader counts what it unpacks and stops at the limit with an error that names it and the flag
/// that raises it. The largest real inputs are far below: an SDN `sdn.csv` of 2026 is under 6 MB,
/// the Consolidated Screening List under 15 MB, the 258 daily SDN files of a series 697 MiB.
///
/// For example:
/// ```swift
/// let bytes = try InputFiles.read("consolidated.csv.gz", limits: .standard)
/// ```
public struct InputLimits: Sendable, Hashable {
    /// The most bytes one file may hold once unpacked (an event file, a list file, an archive member).
    public var maxFileBytes: Int
    /// The most bytes all the files of a series archive may hold once unpacked.
    public var maxArchiveBytes: Int

    public init(maxFileBytes: Int, maxArchiveBytes: Int) {
        self.maxFileBytes = maxFileBytes
        self.maxArchiveBytes = maxArchiveBytes
    }

    /// 256 MiB a file, 2 GiB a series archive.
    public static let standard = InputLimits(maxFileBytes: 256 << 20, maxArchiveBytes: 2 << 30)
    /// 64 MiB an event file: decoding JSON takes about 17 times its size in memory.
    public static let eventFiles = InputLimits(maxFileBytes: 64 << 20, maxArchiveBytes: 64 << 20)

    /// The limits with the per-file limit set in MiB (the `--max-unpacked-mib` flag).
    public func withFileLimit(mebibytes: Int) -> InputLimits {
        InputLimits(maxFileBytes: mebibytes << 20, maxArchiveBytes: max(maxArchiveBytes, mebibytes << 20))
    }

    func tooLarge(_ file: String, what: String = "the file") -> InputError {
        InputError(
            .overLimit,
            "\(what) unpacks to more than \(maxFileBytes >> 20) MiB, the limit for one input (raise it with "
                + "--max-unpacked-mib if the file is genuine)",
            file: file)
    }
}

/// Reading input files within limits: plain files, `.gz` files and members of `.zip` archives,
/// decompressed in process (no external tool sees the file name), regular files only.
public enum InputFiles {
    /// The bytes of `path`: a regular file, gunzipped when its name ends in `.gz`.
    public static func read(_ path: String, limits: InputLimits = .standard) throws -> [UInt8] {
        let raw = try readRegularFile(path, limits: limits)
        return path.hasSuffix(".gz") ? try gunzip(raw, file: path, limits: limits) : raw
    }

    /// A regular file's bytes; devices, pipes and sockets are refused (reading `/dev/zero` never ends).
    static func readRegularFile(_ path: String, limits: InputLimits) throws -> [UInt8] {
        let attributes: [FileAttributeKey: Any]
        do {
            attributes = try FileManager.default.attributesOfItem(atPath: (path as NSString).resolvingSymlinksInPath)
        } catch {
            throw InputError(.unreadableFile, "no such file, or it cannot be read", file: path)
        }
        guard (attributes[.type] as? FileAttributeType) == .typeRegular else {
            throw InputError(
                .unreadableFile, "not a regular file (a device, pipe or folder): refused as input", file: path)
        }
        if let size = attributes[.size] as? Int, size > limits.maxFileBytes {
            throw limits.tooLarge(path, what: "the file")
        }
        do {
            return Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        } catch {
            throw InputError(.unreadableFile, "cannot read the file: \(error.localizedDescription)", file: path)
        }
    }

    /// Decompresses a gzip file (RFC 1952, one member) within the limit, checking its CRC-32 and length.
    public static func gunzip(_ bytes: [UInt8], file: String, limits: InputLimits = .standard) throws -> [UInt8] {
        func damaged(_ why: String) -> InputError {
            InputError(.unreadableFile, "not a valid gzip file (\(why)); it may be damaged or truncated", file: file)
        }
        guard bytes.count >= 18, bytes[0] == 0x1F, bytes[1] == 0x8B else { throw damaged("no gzip header") }
        guard bytes[2] == 8 else { throw damaged("unknown compression method") }
        let flags = bytes[3]
        var offset = 10
        if flags & 0x04 != 0 {
            guard offset + 2 <= bytes.count else { throw damaged("cut in the header") }
            offset += 2 + Int(bytes[offset]) + Int(bytes[offset + 1]) << 8
        }
        for flag: UInt8 in [0x08, 0x10] where flags & flag != 0 {
            while offset < bytes.count, bytes[offset] != 0 { offset += 1 }
            offset += 1
        }
        if flags & 0x02 != 0 { offset += 2 }
        guard offset + 8 <= bytes.count else { throw damaged("cut in the header") }
        let deflate = Data(bytes[offset..<(bytes.count - 8)])
        let trailer = Array(bytes.suffix(8))
        let expectedCRC =
            UInt32(trailer[0]) | UInt32(trailer[1]) << 8 | UInt32(trailer[2]) << 16 | UInt32(trailer[3]) << 24
        let expectedSize =
            UInt32(trailer[4]) | UInt32(trailer[5]) << 8 | UInt32(trailer[6]) << 16 | UInt32(trailer[7]) << 24
        var output: [UInt8] = []
        output.reserveCapacity(min(limits.maxFileBytes, Int(expectedSize)))
        let crc: CRC32
        do {
            crc = try Data.decompress(
                size: Int64(deflate.count), bufferSize: 1 << 16, skipCRC32: false,
                provider: { position, size in
                    guard position < deflate.count else { throw GzipTruncated() }
                    return deflate.subdata(in: Int(position)..<min(deflate.count, Int(position) + size))
                },
                consumer: { chunk in
                    guard output.count + chunk.count <= limits.maxFileBytes else { throw limits.tooLarge(file) }
                    output.append(contentsOf: chunk)
                })
        } catch let error as InputError {
            throw error
        } catch is GzipTruncated {
            throw damaged("the compressed data ends early")
        } catch {
            throw damaged("corrupt compressed data")
        }
        guard crc == expectedCRC, UInt32(truncatingIfNeeded: output.count) == expectedSize else {
            throw damaged("its checksum or length does not match its content (a second member, or damage)")
        }
        return output
    }

    private struct GzipTruncated: Error {}

    /// The first regular member of a `.zip` whose name `matches`, within the limit. Symbolic links
    /// in the archive are refused.
    public static func zipMember(_ path: String, limits: InputLimits = .standard, matches: (String) -> Bool) throws -> (
        name: String, bytes: [UInt8]
    ) {
        _ = try readRegularFile(path, limits: limits)
        let archive: Archive
        do {
            archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        } catch {
            throw InputError(.unreadableFile, "not a readable zip archive; it may be damaged or truncated", file: path)
        }
        for entry in archive {
            if entry.type == .symlink {
                throw InputError(
                    .unreadableFile, "the archive holds a symbolic link (\(entry.path)): refused", file: path)
            }
            guard entry.type == .file, matches(entry.path) else { continue }
            if entry.uncompressedSize > UInt64(limits.maxFileBytes) {
                throw limits.tooLarge(path, what: "the member \(entry.path)")
            }
            var output: [UInt8] = []
            do {
                _ = try archive.extract(entry, skipCRC32: false) { chunk in
                    guard output.count + chunk.count <= limits.maxFileBytes else {
                        throw limits.tooLarge(path, what: "the member \(entry.path)")
                    }
                    output.append(contentsOf: chunk)
                }
            } catch let error as InputError {
                throw error
            } catch {
                throw InputError(
                    .unreadableFile, "cannot extract \(entry.path): \(error); the archive may be damaged", file: path)
            }
            return (entry.path, output)
        }
        throw InputError(.unreadableFile, "the archive holds no matching file", file: path)
    }
}

extension InputFiles {
    /// Reads a small JSON settings file (a sources file) and hands its root object to `read`, which
    /// must consume every member; errors name the file and the field.
    package static func readJSONObject<T>(_ path: String, _ read: (inout JSONObjectReader) throws -> T) throws -> T {
        let bytes = try InputFiles.read(path, limits: .eventFiles)
        let json: JSONValue
        do { json = try JSONParser.parse(bytes) } catch {
            throw InputError(.malformedJSON, "\(error)", file: path)
        }
        do {
            var reader = try JSONObjectReader(json, path: "", line: 1)
            _ = try reader.string("note")
            let value = try read(&reader)
            try reader.finish()
            return value
        } catch let error as InputError {
            throw error.inFile(path)
        }
    }
}
