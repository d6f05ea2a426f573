import Foundation
public import SanctionsCore
public import SanctionsImport
public import SanctionsScreening
package import SanctionsStore

/// A transactions file read in batches: the streaming loop that rescreen and lookback share.
/// Memory stays bounded by one batch, whatever the file's size.
public struct TransactionInput {
    /// Transactions screened together (results are handed out in input order, batch by batch).
    public static let batchSize = 50_000
    /// Bad rows kept with their messages (all are counted).
    public static let keptBadRows = 1_000

    let file: TransactionFile
    var reader: TransactionReader
    /// The file's path (`-` for stdin).
    public var path: String { file.path }
    /// The CSV header as read (empty for JSON Lines).
    public var header: [String] { reader.header }
    /// The CSV columns carried through to the output.
    public var extraColumns: [String] { reader.extraColumns }
    /// The file's size in bytes (0 for stdin), and how much was read so far.
    public var size: Int { file.size }
    public var bytesRead: Int { file.bytesRead }

    /// Opens `path` (CSV, or JSON Lines for `.jsonl`/`.ndjson`; `-` for stdin) and reads the CSV header.
    public init(path: String) throws {
        file = try TransactionFile(path: path)
        reader = try file.reader()
    }

    /// What reading found besides the transactions.
    public struct Problems: Sendable {
        public var badRowCount = 0
        /// The first ``TransactionInput/keptBadRows`` bad rows.
        public var badRows: [InputError] = []
    }

    /// Hands every batch of good transactions to `body`, in order. A bad row is counted (and the
    /// first thousand kept), or with `strict` stops the run. Rows for which `keep` is false are skipped.
    public mutating func forEachBatch(
        strict: Bool, keep: (Transaction) -> Bool = { _ in true }, _ body: ([Transaction]) throws -> Void
    ) throws -> Problems {
        var problems = Problems()
        var batch: [Transaction] = []
        batch.reserveCapacity(Self.batchSize)
        while let next = try reader.next() {
            switch next {
            case .success(let transaction):
                guard keep(transaction) else { continue }
                batch.append(transaction)
                if batch.count >= Self.batchSize {
                    try body(batch)
                    batch.removeAll(keepingCapacity: true)
                }
            case .failure(let error):
                if strict { throw error }
                problems.badRowCount += 1
                if problems.badRows.count < Self.keptBadRows { problems.badRows.append(error) }
            }
        }
        if !batch.isEmpty { try body(batch) }
        return problems
    }
}
