import Foundation
public import SanctionsCore
public import SanctionsImport
public import SanctionsScreening
package import SanctionsStore

/// What a lookback run found.
public struct LookbackReport: Sendable {
    /// The transactions whose verdict changed, each with the events that changed it.
    public var differences: [Lookback.Difference] = []
    /// Transactions compared.
    public var compared = 0
    /// Changed verdicts that no new event explains (reported as a count, never as a change).
    public var unexplained = 0
    public var badRowCount = 0
    public var badRows: [InputError] = []

    /// Changed transactions by kind of change.
    public func count(_ change: Lookback.Change) -> Int { differences.filter { $0.change == change }.count }
}

extension Ledger {
    /// Compares every transaction of `input` (dated on or after `cutoff`, when given) under the
    /// ledger as it stood at `baseline` and as it stands now. A transaction is reported only
    /// when events after the baseline explain the change.
    public func lookback(
        _ input: inout TransactionInput, baseline: Lookback.Baseline, options: ScreeningOptions,
        cutoff: LedgerTime? = nil
    ) throws -> LookbackReport {
        var lookback = try Lookback(ledger: self, baseline: baseline, options: options)
        var report = LookbackReport()
        let inWindow: (Transaction) -> Bool = { transaction in cutoff.map { transaction.date >= $0 } ?? true }
        let problems = try input.forEachBatch(strict: false, keep: inWindow) { batch in
            for difference in lookback.process(batch) {
                if difference.causes.isEmpty { report.unexplained += 1 } else { report.differences.append(difference) }
            }
            report.compared += batch.count
        }
        report.badRowCount = problems.badRowCount
        report.badRows = problems.badRows
        return report
    }
}
