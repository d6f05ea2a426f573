import Foundation
import GRDB
public import SanctionsCore

extension LedgerDatabase {
    /// Events folded per batch of a rebuild (one batch is folded while the previous one is written).
    static let rebuildBatchEvents = 20_000

    /// The projection indexes, dropped during a rebuild and created again after the bulk insert
    /// (SQLite builds an index from sorted data much faster than it maintains one row by row).
    static let projectionIndexes = [
        "CREATE INDEX designation_asof ON designation(regime, validFrom, validTo)",
        "CREATE INDEX designation_party ON designation(party, regime)",
        "CREATE INDEX designationName_key ON designationName(nameKey)",
        "CREATE INDEX designationName_party ON designationName(party, regime)",
        "CREATE INDEX rule_asof ON rule(regime, transactionType, validFrom)",
    ]

    /// Drops every projection row and replays the whole log into the projections, stream by
    /// stream, in one transaction. Reads the log through a cursor in stream order in batches of
    /// streams; while the writer inserts one batch's rows, the next batch is decoded, folded and
    /// turned into stored rows on the other cores. Memory stays bounded by two batches.
    @discardableResult
    public func rebuildProjections(progress: (@Sendable (Int) -> Void)? = nil) throws -> RebuildReport {
        let start = Date()
        var report = try writeTransaction(rollback: false) { db in
            var report = RebuildReport()
            for statement in Self.projectionIndexes {
                let name = statement.split(separator: " ")[2]
                try db.execute(sql: "DROP INDEX IF EXISTS \(name)")
            }
            for table in ["designation", "designationName", "rule", "publication"] {
                try db.execute(sql: "DELETE FROM \(table)")
            }
            try Self.recordNormalizerVersion(db)
            // Read through SQLite directly: a million rows through GRDB's Row and String cost
            // more than the writer's inserts. Bytes go to the decoder as they are.
            var log = try PositionalStatement(db, sql: "SELECT stream, canonical FROM event ORDER BY stream, sequence")
            var currentStream: [UInt8] = []
            var batch: [[[UInt8]]] = []  // per stream, the canonical JSON of each event as UTF-8
            var batchEvents = 0
            var folding: BackgroundWork<[FoldedStream]>?
            func write(_ folded: [FoldedStream]) throws {
                for stream in folded {
                    try ProjectionWriter.insert(db, stream.rows)
                    report.streams += 1
                    report.designationRows += stream.rows.designations.count
                    report.nameRows += stream.rows.names.count
                    report.ruleRows += stream.rows.rules.count
                    report.anomalies += stream.anomalies
                }
                progress?(report.events)
            }
            func handOver() throws {
                let next = BackgroundWork { [batch] in try Self.fold(batch) }
                if let folding { try write(folding.value()) }
                folding = next
                batch.removeAll(keepingCapacity: true)
                batchEvents = 0
            }
            while try log.nextRow() {
                if batch.isEmpty || !log.column(0, equals: currentStream) {
                    if batchEvents >= Self.rebuildBatchEvents { try handOver() }
                    currentStream = log.columnBytes(0)
                    batch.append([])
                }
                batch[batch.count - 1].append(log.columnBytes(1))
                batchEvents += 1
                report.events += 1
            }
            if !batch.isEmpty { try handOver() }
            if let folding { try write(folding.value()) }
            for statement in Self.projectionIndexes {
                try db.execute(sql: statement)
            }
            return report
        }
        report.seconds = Date().timeIntervalSince(start)
        return report
    }

    /// Decodes, folds and prepares the stored rows of a batch of streams, on all cores.
    /// Each stream of the batch is given as the canonical JSON (UTF-8) of its events, at least one.
    private static func fold(_ batch: [[[UInt8]]]) throws -> [FoldedStream] {
        try Parallel.map(batch) { stream -> Result<FoldedStream, InputError> in
            do throws(InputError) {
                var events: [LedgerEvent] = []
                events.reserveCapacity(stream.count)
                for bytes in stream { events.append(try LedgerEvent(canonicalUTF8: bytes)) }
                let projection = StreamFold.project(events)
                return .success(
                    FoldedStream(
                        rows: StoredProjection(projection, ofStreamOf: events[0]), anomalies: projection.anomalies))
            } catch {
                return .failure(error)
            }
        }.map { try $0.get() }
    }
}

/// One stream's rows, ready for the writer, and the anomalies its fold found.
private struct FoldedStream: Sendable {
    var rows: StoredProjection
    var anomalies: [HistoryAnomaly]
}
