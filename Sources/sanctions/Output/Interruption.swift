import Dispatch
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Temporary files and folders that must not outlive the process, removed on SIGINT and SIGTERM
/// too (an interrupted series import left 840 MB behind).
enum TemporaryFiles {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var paths: Set<String> = []
    nonisolated(unsafe) private static var sources: [any DispatchSourceSignal] = []

    /// Registers `path` for removal on interruption (remove it yourself on normal exit, then `release` it).
    static func register(_ path: String) {
        lock.withLock {
            if sources.isEmpty { installHandlers() }
            paths.insert(path)
        }
    }

    /// Removes `path` now and forgets it.
    static func remove(_ path: String) {
        try? FileManager.default.removeItem(atPath: path)
        lock.withLock { _ = paths.remove(path) }
    }

    /// Forgets `path` (it was renamed into place or removed by its owner).
    static func forget(_ path: String) {
        lock.withLock { _ = paths.remove(path) }
    }

    /// Runs `body` with `path` registered, and removes it afterwards however `body` ends.
    static func with<T>(_ path: String, _ body: () throws -> T) rethrows -> T {
        register(path)
        defer { remove(path) }
        return try body()
    }

    private static func installHandlers() {
        for (number, exitCode) in [(SIGINT, Int32(130)), (SIGTERM, Int32(143))] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                let pending = lock.withLock { paths }
                for path in pending { try? FileManager.default.removeItem(atPath: path) }
                FileHandle.standardError.write(
                    Data("\ninterrupted: temporary files removed; nothing half-written was committed\n".utf8))
                exit(exitCode)
            }
            source.resume()
            sources.append(source)
        }
    }
}
