import Foundation
public import SanctionsCore
public import SanctionsImport
public import SanctionsScreening
package import SanctionsStore

/// Importing the public history of the lists: every publication of a data root, in time order.
extension Ledger {
    /// What one step of a history import did.
    public struct HistoryStepReport: Sendable {
        public var folder: String
        public var publications: Int
        public var appended: Int
        public var seconds: Double
    }

    /// Imports every publication of `plan` in order, each dated in its observation window (see
    /// ``HistoryPlan``): single publications as snapshots, runs of scraped files as a series.
    /// Each publication is its own transaction; a rerun skips what the ledger observed already.
    public func importPublicHistory(_ plan: HistoryPlan, progress: ((HistoryStepReport) -> Void)? = nil) throws
        -> [HistoryStepReport]
    {
        var reports: [HistoryStepReport] = []
        for step in plan.steps {
            let start = Date()
            var report: HistoryStepReport
            switch step {
            case .single(let publication):
                let result = try importSnapshot(
                    path: publication.path, format: publication.format, source: publication.source,
                    published: publication.observed, effective: nil,
                    options: SnapshotImportOptions(
                        observedAfter: publication.observedAfter, partial: publication.partial))
                report = HistoryStepReport(
                    folder: publication.folder, publications: 1, appended: result.append.appended, seconds: 0)
            case .series(let publications):
                let items = publications.map {
                    SeriesItem(path: $0.path, time: $0.observed, sha256: $0.sha256, observedAfter: $0.observedAfter)
                }
                let result = try importSnapshotSeries(items, source: publications[0].source)
                let folders = Array(Set(publications.map(\.folder))).sorted().joined(separator: " + ")
                report = HistoryStepReport(
                    folder: folders, publications: publications.count, appended: result.appended, seconds: 0)
            }
            report.seconds = Date().timeIntervalSince(start)
            reports.append(report)
            progress?(report)
        }
        return reports
    }
}
