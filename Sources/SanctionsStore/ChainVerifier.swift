import Foundation
import GRDB
import SanctionsCore

/// The result of re-walking the hash chain.
public struct VerifyReport: Sendable {
    /// Events checked.
    public var events = 0
    /// The last hash (hex), the ledger's fingerprint.
    public var headHash = ChainHash.hex(ChainHash.genesis)
    /// The first broken link, when the chain is broken.
    public var firstBroken: Int?
    /// What is wrong with it.
    public var problem: String?
    public var seconds = 0.0

    /// Whether every link holds.
    public var isIntact: Bool { firstBroken == nil }
}

extension LedgerDatabase {
    // MARK: - Reads

    /// Re-walks the whole chain: sequence numbers without gaps, each `prevHash` equal to the previous
    /// hash, each `hash` equal to SHA-256(prevHash || canonical), and each canonical text a valid event
    /// whose id and stored columns match. Stops at the first broken link and names it.
    public func verifyChain(progress: (@Sendable (Int) -> Void)? = nil) throws -> VerifyReport {
        let start = Date()
        var report = try read { db in
            var report = VerifyReport()
            var previous = ChainHash.genesis
            var expected = 1
            let cursor = try Row.fetchCursor(db, sql: "SELECT sequence, id, stream, canonical, prevHash, hash FROM event ORDER BY sequence")
            while let row = try cursor.next() {
                let sequence: Int = row[0]
                func broken(_ problem: String) -> VerifyReport {
                    var result = report
                    result.firstBroken = sequence
                    result.problem = problem
                    return result
                }
                if sequence != expected { return broken("sequence \(expected) is missing (found \(sequence) next)") }
                let canonical: String = row[3]
                let prevHash = Array((row[4] as Data?) ?? Data())
                let hash = Array((row[5] as Data?) ?? Data())
                if prevHash != previous { return broken("prevHash does not equal the hash of sequence \(sequence - 1)") }
                let computed = ChainHash.next(previous: previous, canonical: Array(canonical.utf8))
                if computed != hash { return broken("hash does not match the stored event (its content was changed)") }
                guard let event = try? LedgerEvent(canonical: canonical) else {
                    return broken("stored event is not a valid event")
                }
                if event.canonicalBytes != Array(canonical.utf8) { return broken("stored event is not in canonical form") }
                if event.id.rawValue != row[1] as String || event.stream.rawValue != row[2] as String {
                    return broken("stored id or stream column does not match the event")
                }
                previous = hash
                expected += 1
                report.events += 1
                if report.events % 50_000 == 0 { progress?(report.events) }
            }
            report.headHash = ChainHash.hex(previous)
            return report
        }
        report.seconds = Date().timeIntervalSince(start)
        return report
    }
}
