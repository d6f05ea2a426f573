import Foundation
import GRDB
public import SanctionsCore

/// What a rebuild did.
public struct RebuildReport: Sendable {
    public var events = 0
    public var streams = 0
    public var designationRows = 0
    public var nameRows = 0
    public var ruleRows = 0
    /// Anomalies found in the stored history (events that do not fit their stream).
    public var anomalies: [HistoryAnomaly] = []
    public var seconds = 0.0
}

extension LedgerDatabase {
    /// Drops every projection row and replays the whole log into the projections, stream by
    /// stream, in one transaction. Reads the log through a cursor, so memory stays bounded by
    /// the largest stream.
    @discardableResult
    public func rebuildProjections(progress: (@Sendable (Int) -> Void)? = nil) throws -> RebuildReport {
        let start = Date()
        var report = try writeTransaction(rollback: false) { db in
            var report = RebuildReport()
            for table in ["designation", "designationName", "rule"] {
                try db.execute(sql: "DELETE FROM \(table)")
            }
            let cursor = try Row.fetchCursor(db, sql: "SELECT stream, canonical FROM event ORDER BY stream, sequence")
            var currentStream: String?
            var batch: [LedgerEvent] = []
            func flush() throws {
                guard let stream = currentStream, !batch.isEmpty else { return }
                let projection = StreamFold.project(batch)
                try ProjectionWriter.insert(db, stream: StreamKey(rawValue: stream), projection: projection)
                report.streams += 1
                report.designationRows += projection.designations.count
                report.nameRows += projection.names.count
                report.ruleRows += projection.rules.count
                report.anomalies += projection.anomalies
                batch.removeAll(keepingCapacity: true)
            }
            while let row = try cursor.next() {
                let stream: String = row[0]
                if stream != currentStream {
                    try flush()
                    currentStream = stream
                }
                batch.append(try LedgerEvent(canonical: row[1]))
                report.events += 1
                if report.events % 50_000 == 0 { progress?(report.events) }
            }
            try flush()
            return report
        }
        report.seconds = Date().timeIntervalSince(start)
        return report
    }
}
