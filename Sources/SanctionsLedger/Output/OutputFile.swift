import Foundation
public import SanctionsCore
public import SanctionsImport
public import SanctionsScreening
package import SanctionsStore

#if canImport(Glibc)
import Glibc
#endif

/// Where a command's output goes (stdout, or the file `--out` names), written so that it never
/// damages a file it was not asked to write, and never leaves a half report that looks whole.
///
/// - Standard output (no path, or `-`) and special files (`/dev/null`, a FIFO, a terminal) are
///   written in place.
/// - A regular file is replaced atomically: the output goes to a temporary file in the same
///   folder, which is synced and renamed over the target only by ``commit()``; until then the old
///   file is untouched, and a failure, a refusal or a kill leaves it as it was. The target keeps
///   its permissions. A symbolic link is written through (its target is replaced).
/// - Refused, before anything is written: the ledger itself (and its `-wal`/`-shm`), the input
///   file, a folder, a read-only file, and a file with other hard links (replacing it would
///   silently detach them).
/// - A write error (a full disk) is an ``OutputError`` naming the file and the reason.
///
/// For example:
/// ```swift
/// // given: ledgerPath: String, inputPath: String, report: String
/// let out = try OutputFile(path: "audit.md", protecting: [ledgerPath, inputPath])
/// try out.write(report)
/// try out.commit()
/// ```
public final class OutputFile: TextSink {
    private enum Kind {
        case inPlace
        case replacing(target: String, temporary: String, mode: mode_t)
    }

    private let kind: Kind
    private var descriptor: Int32
    private var buffer: [UInt8] = []
    private var finished = false
    /// The name used in messages.
    public let name: String

    /// Opens the destination. `protecting` lists files that must never be the output (the
    /// ledger, the input); their `-wal` and `-shm` companions are protected too.
    public init(path: String?, protecting: [String] = []) throws {
        (kind, descriptor, name) = try Self.prepare(path: path, protecting: protecting)
    }

    private static func prepare(path: String?, protecting: [String]) throws -> (Kind, Int32, String) {
        guard let path, path != "-" else { return (.inPlace, STDOUT_FILENO, "standard output") }
        let target = resolve(path)
        try refuseProtected(target, path: path, protecting: protecting)
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: target) else {
            let mask = umask(0)
            umask(mask)
            return try replacing(target, mode: 0o666 & ~mask, name: path)
        }
        let type = attributes[.type] as? FileAttributeType
        if type == .typeDirectory { throw refusal(path, "is a folder") }
        if type != .typeRegular {
            let descriptor = open(target, O_WRONLY | O_NOCTTY)
            guard descriptor >= 0 else { throw OutputError(file: path, reason: lastError()) }
            return (.inPlace, descriptor, path)
        }
        let links = (attributes[.referenceCount] as? Int) ?? 1
        if links > 1 {
            throw refusal(
                path,
                "has \(links) hard links; replacing it would detach the others (remove them, or choose another file)")
        }
        let mode = mode_t((attributes[.posixPermissions] as? Int) ?? 0o644)
        if access(target, W_OK) != 0 || mode & 0o200 == 0 {
            throw refusal(path, "is read-only")
        }
        return try replacing(target, mode: mode & 0o7777, name: path)
    }

    private static func replacing(_ target: String, mode: mode_t, name: String) throws -> (Kind, Int32, String) {
        let folder = (target as NSString).deletingLastPathComponent
        let base = (target as NSString).lastPathComponent
        let temporary = (folder.isEmpty ? "." : folder) + "/.\(base).sanctions-\(UInt32.random(in: 0...UInt32.max)).tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOCTTY, 0o600)
        guard descriptor >= 0 else {
            throw OutputError(file: name, reason: "cannot create a file in its folder: " + lastError())
        }
        return (.replacing(target: target, temporary: temporary, mode: mode), descriptor, name)
    }

    deinit {
        if !finished { discard() }
    }

    /// The temporary file being written, if any (to remove it when the process is interrupted).
    public var temporaryPath: String? {
        if case .replacing(_, let temporary, _) = kind { return temporary }
        return nil
    }

    public func write(_ text: String) throws {
        buffer += Array(text.utf8)
        if buffer.count >= 1 << 20 { try flush() }
    }

    /// Writes what is buffered.
    public func flush() throws {
        var offset = 0
        while offset < buffer.count {
            let written = buffer[offset...].withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                throw OutputError(file: name, reason: Self.lastError())
            }
            offset += written
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Completes the output: flushes it and, for a replaced file, syncs it, gives it the target's
    /// permissions and renames it over the target.
    public func commit() throws {
        guard !finished else { return }
        try flush()
        finished = true
        guard case .replacing(let target, let temporary, let mode) = kind else {
            if descriptor != STDOUT_FILENO { close(descriptor) }
            return
        }
        defer { close(descriptor) }
        guard fchmod(descriptor, mode) == 0, fsync(descriptor) == 0 else {
            let reason = Self.lastError()
            unlink(temporary)
            throw OutputError(file: name, reason: reason)
        }
        guard rename(temporary, target) == 0 else {
            let reason = Self.lastError()
            unlink(temporary)
            throw OutputError(file: name, reason: reason)
        }
        let folder = open(
            (target as NSString).deletingLastPathComponent.isEmpty
                ? "." : (target as NSString).deletingLastPathComponent, O_RDONLY)
        if folder >= 0 {
            fsync(folder)
            close(folder)
        }
    }

    /// Abandons the output: the target is left as it was.
    public func discard() {
        guard !finished else { return }
        finished = true
        buffer.removeAll()
        if case .replacing(_, let temporary, _) = kind {
            close(descriptor)
            unlink(temporary)
        } else if descriptor != STDOUT_FILENO {
            close(descriptor)
        }
    }

    /// The path with symbolic links followed (the file itself when it does not exist yet).
    static func resolve(_ path: String) -> String {
        if let real = realpath(path, nil) {
            defer { free(real) }
            return String(cString: real)
        }
        let folder = (path as NSString).deletingLastPathComponent
        let base = (path as NSString).lastPathComponent
        if let real = realpath(folder.isEmpty ? "." : folder, nil) {
            defer { free(real) }
            return String(cString: real) + "/" + base
        }
        return path
    }

    private static func refuseProtected(_ target: String, path: String, protecting: [String]) throws {
        func identity(_ file: String) -> (Int, Int)? {
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: resolve(file)),
                let device = attributes[.systemNumber] as? Int, let inode = attributes[.systemFileNumber] as? Int
            else { return nil }
            return (device, inode)
        }
        let targetIdentity = identity(target)
        for file in protecting {
            for candidate in [file, file + "-wal", file + "-shm"] {
                let sameFile = targetIdentity != nil && identity(candidate).map { $0 == targetIdentity! } == true
                if resolve(candidate) == target || sameFile {
                    throw refusal(path, "is \(candidate), which this command reads; it would be destroyed")
                }
            }
        }
    }

    private static func refusal(_ path: String, _ why: String) -> InputError {
        InputError(.invalidField, "--out \(path) \(why): refused, nothing was written", field: "--out")
    }

    private static func lastError() -> String { String(cString: strerror(errno)) }
}

/// Output that could not be written (a full disk, a closed pipe, a folder that cannot be written).
public struct OutputError: Error, CustomStringConvertible {
    public var file: String
    public var reason: String

    public init(file: String, reason: String) {
        self.file = file
        self.reason = reason
    }

    public var description: String { "cannot write \(file): \(reason)" }
}
