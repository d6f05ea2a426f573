import GRDB
import SanctionsCore
import SanctionsScreening

/// Writes projection rows: the stored form of ``StreamProjection``.
enum ProjectionWriter {
    /// The stored value of an open interval end.
    static let openEnd: Int64 = 253_402_300_800

    static func stored(_ time: LedgerTime?) -> Int64 { time?.seconds ?? openEnd }

    static func time(_ stored: Int64) -> LedgerTime? {
        stored >= openEnd ? nil : LedgerTime(storedSeconds: stored)
    }

    /// Replaces every projection row of the stream with `rows`.
    static func replace(_ db: Database, with rows: StoredProjection, hadRows: Bool = true) throws {
        if hadRows {
            // The (party, regime) indexes find a party stream's rows; rule streams have only rule rows.
            if let party = rows.stream.party {
                for table in ["designation", "designationName"] {
                    try db.cachedStatement(sql: "DELETE FROM \(table) WHERE party = ? AND regime = ?").execute(
                        arguments: [party, rows.stream.regime])
                }
            } else if rows.stream.isObservation {
                try db.cachedStatement(sql: "DELETE FROM publication WHERE regime = ?").execute(arguments: [
                    rows.stream.regime
                ])
            } else {
                try db.cachedStatement(sql: "DELETE FROM rule WHERE regime = ?").execute(arguments: [rows.stream.regime]
                )
            }
        }
        try insert(db, rows)
    }

    /// One column of a projection table: its name and how a row binds its value.
    struct Column<Row>: Sendable {
        let name: String
        let bind: @Sendable (inout PositionalStatement, StoredProjection.Stream, Row) -> Void

        /// A column whose value comes from the row.
        init(_ name: String, _ bind: @escaping @Sendable (inout PositionalStatement, Row) -> Void) {
            self.name = name
            self.bind = { statement, _, row in bind(&statement, row) }
        }

        /// A column whose value comes from the row's stream.
        init(
            stream name: String,
            _ bind: @escaping @Sendable (inout PositionalStatement, StoredProjection.Stream) -> Void
        ) {
            self.name = name
            self.bind = { statement, stream, _ in bind(&statement, stream) }
        }
    }

    static let designationColumns: [Column<StoredProjection.Designation>] = [
        Column(stream: "stream") { $0.bind($1.key) }, Column("party") { $0.bind($1.party) },
        Column(stream: "regime") { $0.bind($1.regime) },
        Column("listedFrom") { $0.bind($1.listedFrom) }, Column("validFrom") { $0.bind($1.valid.from) },
        Column("validTo") { $0.bind($1.valid.to) },
        Column("knownFrom") { $0.bind($1.known.from) }, Column("knownTo") { $0.bind($1.known.to) },
        Column("name") { $0.bind($1.name) },
        Column("details") { $0.bind($1.details) }, Column("escalatedFrom") { $0.bind($1.escalatedFrom) },
        Column("listingEvent") { $0.bind($1.listingEvent) }, Column("detailEvents") { $0.bind($1.detailEvents) },
        Column("endEvent") { $0.bind($1.endEvent) }, Column("endsDesignation") { $0.bind($1.endsDesignation) },
        Column("uncertainty") { $0.bind($1.uncertainty) },
    ]

    static let nameColumns: [Column<StoredProjection.Name>] = [
        Column(stream: "stream") { $0.bind($1.key) }, Column("party") { $0.bind($1.party) },
        Column(stream: "regime") { $0.bind($1.regime) },
        Column("name") { $0.bind($1.name) }, Column("nameKey") { $0.bind($1.nameKey) },
        Column("normalized") { $0.bind($1.normalized) },
        Column("kind") { $0.bind($1.kind) }, Column("weak") { $0.bind($1.weak) },
        Column("listedFrom") { $0.bind($1.listedFrom) },
        Column("validFrom") { $0.bind($1.valid.from) }, Column("validTo") { $0.bind($1.valid.to) },
        Column("knownFrom") { $0.bind($1.known.from) },
        Column("knownTo") { $0.bind($1.known.to) }, Column("startEvent") { $0.bind($1.startEvent) },
        Column("endEvent") { $0.bind($1.endEvent) },
    ]

    static let ruleColumns: [Column<StoredProjection.Rule>] = [
        Column(stream: "stream") { $0.bind($1.key) }, Column(stream: "regime") { $0.bind($1.regime) },
        Column("transactionType") { $0.bind($1.transactionType) },
        Column("spec") { $0.bind($1.spec) }, Column("validFrom") { $0.bind($1.valid.from) },
        Column("validTo") { $0.bind($1.valid.to) },
        Column("knownFrom") { $0.bind($1.known.from) }, Column("knownTo") { $0.bind($1.known.to) },
        Column("event") { $0.bind($1.event) },
        Column("endEvent") { $0.bind($1.endEvent) },
    ]

    static let publicationColumns: [Column<StoredProjection.Publication>] = [
        Column(stream: "stream") { $0.bind($1.key) }, Column(stream: "regime") { $0.bind($1.regime) },
        Column("list") { $0.bind($1.list) },
        Column("instant") { $0.bind($1.instant) }, Column("published") { $0.bind($1.published) },
        Column("file") { $0.bind($1.file) },
        Column("sha256") { $0.bind($1.sha256) }, Column("entries") { $0.bind($1.entries) },
        Column("event") { $0.bind($1.event) }, Column("observedAfter") { $0.bind($1.observedAfter) },
        Column("statedFrom") { $0.bind($1.statedFrom) }, Column("partial") { $0.bind($1.partial) },
    ]

    /// Inserts one stream's rows (the stream must have none yet). Only binds: every value was
    /// computed by ``StoredProjection/init(_:ofStreamOf:)``, off the writer's thread.
    static func insert(_ db: Database, _ rows: StoredProjection) throws {
        try insert(db, into: "designation", designationColumns, rows.designations, stream: rows.stream)
        try insert(db, into: "designationName", nameColumns, rows.names, stream: rows.stream)
        try insert(db, into: "rule", ruleColumns, rows.rules, stream: rows.stream)
        try insert(db, into: "publication", publicationColumns, rows.publications, stream: rows.stream)
    }

    /// Inserts `rows` into `table`, the statement and its binds derived from `columns`.
    private static func insert<Row>(
        _ db: Database, into table: String, _ columns: [Column<Row>], _ rows: [Row], stream: StoredProjection.Stream
    ) throws {
        guard !rows.isEmpty else { return }
        let names = columns.map(\.name).joined(separator: ", ")
        let marks = Array(repeating: "?", count: columns.count).joined(separator: ", ")
        var statement = try PositionalStatement(db, sql: "INSERT INTO \(table) (\(names)) VALUES (\(marks))")
        for row in rows {
            for column in columns { column.bind(&statement, stream, row) }
            try statement.step()
        }
    }
}
