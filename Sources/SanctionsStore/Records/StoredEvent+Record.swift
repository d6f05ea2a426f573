import Foundation
import GRDB
import SanctionsCore

/// A row of the event log (`sequence, recorded, hash, canonical`) read back as a ``StoredEvent``.
/// A row that does not decode is an error naming its sequence number, never a silent default.
struct EventRecord: FetchableRecord {
    /// The columns a query must select for this record.
    static let columns = "sequence, recorded, hash, canonical"

    let stored: StoredEvent

    init(row: Row) throws {
        let sequence: Int = row["sequence"]
        let recordedText: String = row["recorded"]
        guard let recorded = try? LedgerTime.parse(recordedText) else {
            throw StoreError(
                .corrupt, "event \(sequence) has the recorded time '\(recordedText)', which is not an instant")
        }
        stored = StoredEvent(
            sequence: sequence, recorded: recorded, hash: ChainHash.hex(Array((row["hash"] as Data?) ?? Data())),
            event: try LedgerEvent(canonical: row["canonical"]))
    }
}
