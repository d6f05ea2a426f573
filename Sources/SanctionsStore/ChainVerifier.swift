import Foundation
import GRDB
public import SanctionsCore

extension LedgerDatabase {
    /// Rows decoded together (on all cores) while the chain is walked.
    static let verifyBatchRows = 20_000

    // MARK: - Reads

    /// Re-walks the whole chain: sequence numbers without gaps, each `prevHash` equal to the previous
    /// hash, each `hash` equal to SHA-256(prevHash || canonical), and each canonical text a valid event
    /// in canonical form whose id and stream columns match. Stops at the first broken link and names it.
    ///
    /// Rows are read in batches; the hashes are checked in order and the events decoded on all cores.
    ///
    /// With `anchor` (a head kept from an earlier report), the log must also still hold that head:
    /// an event with its sequence number and its hash. A log cut after the anchor, or rewritten up
    /// to it, fails even when the chain it keeps is intact.
    public func verifyChain(expecting anchor: LedgerHead? = nil, progress: (@Sendable (Int) -> Void)? = nil) throws
        -> VerifyReport
    {
        let start = Date()
        var report = try walkChain(progress: progress)
        report.seconds = Date().timeIntervalSince(start)
        guard let anchor else { return report }
        report.anchor = anchor
        if report.firstBroken != nil { return report }
        if anchor.sequence > report.events {
            report.anchorProblem =
                "the log holds \(report.events) events, but the expected head is event \(anchor.sequence): the log "
                + "was cut after event \(report.events)"
        } else if anchor.sequence > 0 {
            let stored = try read { db in
                try Data.fetchOne(db, sql: "SELECT hash FROM event WHERE sequence = ?", arguments: [anchor.sequence])
            }
            let hash = stored.map { ChainHash.hex(Array($0)) } ?? ""
            if hash != anchor.hash {
                report.anchorProblem =
                    "event \(anchor.sequence) has hash \(hash), not the expected \(anchor.hash): the history up to "
                    + "it was rewritten"
            }
        }
        return report
    }

    private func walkChain(progress: (@Sendable (Int) -> Void)?) throws -> VerifyReport {
        try read { db in
            var report = VerifyReport()
            var previous = ChainHash.genesis
            var expected = 1
            let cursor = try Row.fetchCursor(
                db, sql: "SELECT sequence, id, stream, canonical, prevHash, hash FROM event ORDER BY sequence")
            var batch: [(sequence: Int, id: String, stream: String, canonical: [UInt8])] = []
            /// Decodes a batch in parallel; the first bad row (by sequence), if any.
            func checkBatch() -> (Int, String)? {
                defer { batch.removeAll(keepingCapacity: true) }
                let problems = Parallel.map(batch, minimumChunk: 500) { row -> String? in
                    guard let event = try? LedgerEvent(canonicalUTF8: row.canonical) else {
                        return "stored event is not a valid event"
                    }
                    if event.canonicalBytes != row.canonical { return "stored event is not in canonical form" }
                    if event.id.rawValue != row.id || event.stream.rawValue != row.stream {
                        return "stored id or stream column does not match the event"
                    }
                    return nil
                }
                for (row, problem) in zip(batch, problems) { if let problem { return (row.sequence, problem) } }
                return nil
            }
            func broken(_ sequence: Int, _ problem: String) -> VerifyReport {
                var result = report
                result.firstBroken = sequence
                result.problem = problem
                result.events = sequence - 1
                return result
            }
            while let row = try cursor.next() {
                let sequence: Int = row[0]
                if sequence != expected {
                    if let (bad, problem) = checkBatch() { return broken(bad, problem) }
                    var gap = broken(sequence, "sequence \(expected) is missing (found \(sequence) next)")
                    gap.events = expected - 1
                    return gap
                }
                let canonical = Array((row[3] as String).utf8)
                let prevHash = Array((row[4] as Data?) ?? Data())
                let hash = Array((row[5] as Data?) ?? Data())
                if prevHash != previous || ChainHash.next(previous: previous, canonical: canonical) != hash {
                    if let (bad, problem) = checkBatch() { return broken(bad, problem) }
                    return broken(
                        sequence,
                        prevHash != previous
                            ? "prevHash does not equal the hash of sequence \(sequence - 1)"
                            : "hash does not match the stored event (its content was changed)")
                }
                batch.append((sequence, row[1], row[2], canonical))
                previous = hash
                expected += 1
                if batch.count >= Self.verifyBatchRows {
                    if let (bad, problem) = checkBatch() { return broken(bad, problem) }
                    progress?(expected - 1)
                }
            }
            if let (bad, problem) = checkBatch() { return broken(bad, problem) }
            report.events = expected - 1
            report.headHash = ChainHash.hex(previous)
            return report
        }
    }
}
