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
    /// The projection indexes, dropped during a rebuild and created again after the bulk insert
    /// (SQLite builds an index from sorted data much faster than it maintains one row by row).
    static let projectionIndexes = [
        "CREATE INDEX designation_asof ON designation(regime, validFrom, validTo)",
        "CREATE INDEX designation_party ON designation(party, regime)",
        "CREATE INDEX designation_stream ON designation(stream)",
        "CREATE INDEX designationName_key ON designationName(nameKey)",
        "CREATE INDEX designationName_party ON designationName(party, regime)",
        "CREATE INDEX designationName_stream ON designationName(stream)",
        "CREATE INDEX rule_asof ON rule(regime, transactionType, validFrom)",
        "CREATE INDEX rule_stream ON rule(stream)",
    ]

    /// Drops every projection row and replays the whole log into the projections, stream by
    /// stream, in one transaction. Reads the log through a cursor in stream order, decodes and
    /// folds batches of streams on all cores, and inserts on one thread; memory stays bounded
    /// by the batch.
    @discardableResult
    public func rebuildProjections(progress: (@Sendable (Int) -> Void)? = nil) throws -> RebuildReport {
        let start = Date()
        var report = try writeTransaction(rollback: false) { db in
            var report = RebuildReport()
            for table in ["designation", "designationName", "rule"] {
                try db.execute(sql: "DELETE FROM \(table)")
            }
            try Self.recordNormalizerVersion(db)
            for statement in Self.projectionIndexes {
                let name = statement.split(separator: " ")[2]
                try db.execute(sql: "DROP INDEX IF EXISTS \(name)")
            }
            let cursor = try Row.fetchCursor(db, sql: "SELECT stream, canonical FROM event ORDER BY stream, sequence")
            var pending: [(stream: String, canonical: [String])] = []
            var pendingEvents = 0
            func flush() throws {
                guard !pending.isEmpty else { return }
                let folded = try Parallel.map(pending) { stream -> Result<(StreamKey, StreamProjection), InputError> in
                    do throws(InputError) {
                        var events: [LedgerEvent] = []
                        events.reserveCapacity(stream.canonical.count)
                        for text in stream.canonical { events.append(try LedgerEvent(canonical: text)) }
                        return .success((StreamKey(rawValue: stream.stream), StreamFold.project(events)))
                    } catch {
                        return .failure(error)
                    }
                }.map { try $0.get() }
                for (stream, projection) in folded {
                    try ProjectionWriter.insert(db, stream: stream, projection: projection)
                    report.streams += 1
                    report.designationRows += projection.designations.count
                    report.nameRows += projection.names.count
                    report.ruleRows += projection.rules.count
                    report.anomalies += projection.anomalies
                }
                pending.removeAll(keepingCapacity: true)
                pendingEvents = 0
                progress?(report.events)
            }
            while let row = try cursor.next() {
                let stream: String = row[0]
                if pending.last?.stream != stream {
                    if pendingEvents >= 20_000 { try flush() }
                    pending.append((stream, []))
                }
                pending[pending.count - 1].canonical.append(row[1])
                pendingEvents += 1
                report.events += 1
            }
            try flush()
            for statement in Self.projectionIndexes {
                try db.execute(sql: statement)
            }
            return report
        }
        report.seconds = Date().timeIntervalSince(start)
        return report
    }
}
