import Foundation
public import SanctionsCore
public import SanctionsImport
public import SanctionsScreening
package import SanctionsStore

/// How a rescreen or lookback run screens.
public struct RescreenOptions: Sendable {
    public var screening: ScreeningOptions
    /// Screen with only what was published by then (nil: everything).
    public var knownAt: LedgerTime?
    /// Screen with the ledger as recorded through this sequence number (nil: the whole log).
    public var recordedThrough: Int?
    /// Worker threads; results do not depend on it.
    public var threads: Int
    /// Stop at the first bad row instead of counting it.
    public var strict: Bool

    public init(
        screening: ScreeningOptions = ScreeningOptions(), knownAt: LedgerTime? = nil, recordedThrough: Int? = nil,
        threads: Int = Parallel.defaultWidth, strict: Bool = false
    ) {
        self.screening = screening
        self.knownAt = knownAt
        self.recordedThrough = recordedThrough
        self.threads = threads
        self.strict = strict
    }
}

/// One transaction of a rescreen, screened on its own date, with the sources its matches cite.
public struct RescreenedTransaction: Sendable {
    public var transaction: Transaction
    public var result: ScreeningResult
    public var sources: [EventID: Source]
}

extension Ledger {
    /// Rescreens every transaction of `input` on its own date (*match once, filter by time*),
    /// handing each to `emit` in input order, and returns the counts. Memory is bounded by one
    /// batch; `progress` is told the bytes read and transactions done after each batch.
    public func rescreen(
        _ input: inout TransactionInput, options: RescreenOptions,
        progress: ((_ bytes: Int, _ transactions: Int) -> Void)? = nil,
        emit: (RescreenedTransaction) throws -> Void
    ) throws -> RescreenSummary {
        let start = Date()
        let snapshot = try screeningSnapshot(
            knownAt: options.knownAt, recordedThrough: options.recordedThrough, options: options.screening)
        var rescreener = Rescreener(snapshot: snapshot, width: options.threads)
        var summary = RescreenSummary()
        var sources: [EventID: Source] = [:]
        let reading = input
        let problems = try input.forEachBatch(strict: options.strict) { batch in
            let results = rescreener.process(batch)
            let missing = Set(results.flatMap { $0.matches.flatMap(\.events) }).filter { sources[$0] == nil }
            if !missing.isEmpty {
                let found = try self.sources(
                    of: Array(missing), knownAt: options.knownAt, recordedThrough: options.recordedThrough)
                sources.merge(found) { first, _ in first }
            }
            for (transaction, result) in zip(batch, results) {
                summary.add(result)
                try emit(RescreenedTransaction(transaction: transaction, result: result, sources: sources))
            }
            progress?(reading.bytesRead, summary.transactions)
        }
        summary.badRowCount = problems.badRowCount
        summary.badRows = problems.badRows
        summary.distinctCounterparties = rescreener.distinctCounterparties
        summary.seconds = Date().timeIntervalSince(start)
        return summary
    }

    /// How an audit report made now from this ledger can be reproduced: the head, the options,
    /// the normaliser's version.
    public func auditMethod(options: RescreenOptions, input: String, now: LedgerTime = Ledger.systemClock()) throws
        -> AuditReport.Method
    {
        let head = try self.head(recordedThrough: options.recordedThrough)
        return AuditReport.Method(
            ledgerPath: database.path ?? ":memory:", sequence: head.sequence, hash: head.hash,
            threshold: options.screening.threshold,
            reviewFloor: options.screening.reviewFloor, normalizerVersion: NameNormalizer.version,
            algorithm: options.screening.algorithm, knownAt: options.knownAt, runAt: now, input: input)
    }
}
