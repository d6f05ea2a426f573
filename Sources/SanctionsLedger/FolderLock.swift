import Foundation
import SanctionsCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An advisory lock (`flock`) on the folder of a ledger file, held while a ledger is created,
/// migrated and seeded: two processes opening a ledger that does not exist yet (two commands
/// run at once on first use) then take turns, and neither sees it half made.
enum FolderLock {
    /// How long an open waits for another process setting a ledger up (building the default
    /// ledger takes seconds): the busy timeout, and a minute at least.
    static func setUpWait(_ busyTimeout: Double) -> Double { max(busyTimeout, 60) }

    /// Runs `body` holding the lock on the folder of `path`, waiting up to `timeout` seconds for
    /// another process to release it. Where the folder cannot be locked (no such folder yet, a
    /// file system without `flock`), `body` runs without it, as before.
    static func holding<T>(folderOf path: String, timeout: Double, _ body: () throws -> T) throws -> T {
        let folder = (path as NSString).deletingLastPathComponent
        let descriptor = open(folder.isEmpty ? "." : folder, O_RDONLY)
        guard descriptor >= 0 else { return try body() }
        defer { close(descriptor) }
        let deadline = Date().addingTimeInterval(timeout)
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK || errno == EINTR else { return try body() }
            guard Date() < deadline else {
                throw StoreError(
                    .busy,
                    "the ledger is busy: another process has been creating or seeding \(path) for longer than the "
                        + "busy timeout; nothing was written")
            }
            usleep(20_000)
        }
        defer { flock(descriptor, LOCK_UN) }
        return try body()
    }
}
