import Foundation
public import SanctionsCore

/// What an import did, for people: the lines `import`, `import-snapshot`, `import-snapshots` and
/// `sync` print, so that every front end says it the same way.
public enum ImportOutput {
    /// "appended N events, skipped M already in the ledger; last sequence S", then counts by kind and regime.
    public static func text(_ report: AppendReport) -> String {
        var lines = [
            "\(report.dryRun ? "would append" : "appended") \(report.appended) events, skipped \(report.skipped) "
                + "already in the ledger; last sequence \(report.lastSequence)"
        ]
        lines += counts(report.byKind)
        for (regime, count) in report.byRegime.sorted(by: { $0.key < $1.key }) {
            lines.append("  on \(regime): \(count)")
        }
        return lines.joined(separator: "\n")
    }

    /// The entries and regimes read, what was appended, and how long it took (skipped rows are
    /// problems, listed by the caller on its error stream).
    public static func text(_ report: SnapshotImportReport) -> String {
        let linked = report.linked.map { "; \($0) linked to designations the ledger already had" } ?? ""
        return [
            "\(report.entries) entries on \(report.regimes.map(\.rawValue).joined(separator: ", ")) in "
                + "\(report.citation)\(linked)",
            text(report.append),
            "in \(String(format: "%.2f", report.seconds)) s",
        ].joined(separator: "\n")
    }

    /// Publications imported and skipped, events appended, times, and counts by kind.
    public static func text(_ report: Ledger.SeriesReport) -> String {
        let skipped = report.skipped > 0 ? ", skipped \(report.skipped) already imported" : ""
        let lines = [
            "imported \(report.snapshots) publications\(skipped), \(report.appended) events in "
                + "\(String(format: "%.2f", report.seconds)) s (parsing \(String(format: "%.2f", report.parseSeconds)) s)"
        ]
        return (lines + counts(report.byKind)).joined(separator: "\n")
    }

    private static func counts(_ byKind: [EventKind: Int]) -> [String] {
        byKind.sorted(by: { $0.key.rawValue < $1.key.rawValue }).map { "  \($0.key.rawValue): \($0.value)" }
    }
}

extension VerifyReport {
    /// For people: "intact: N events, head S:H", or "BROKEN at sequence N: why", or "BROKEN: the
    /// expected head is missing" when the chain holds but was cut or rewritten after `anchor`.
    public var text: String {
        if let firstBroken {
            return "BROKEN at sequence \(firstBroken): \(problem ?? "") (\(events) events before it verified)"
        }
        if let anchorProblem {
            return "BROKEN: \(anchorProblem) (the chain of the \(events) events it holds is intact, head \(head))"
        }
        let anchored = anchor.map { ", holds the expected head \($0.sequence):\($0.hash.prefix(12))…" } ?? ""
        return "intact: \(events) events, head \(head)\(anchored) (\(String(format: "%.2f", seconds)) s)"
    }
}

extension HistoryPlan.Publication {
    /// One line of `import-history --plan`: when it was observed, its source, format and path.
    public var planLine: String {
        let window = observedAfter.map { " after \($0)" } ?? ""
        return "\(observed)\(window)  \(source) \(format.rawValue)  \(path)\(partial ? " (partial)" : "")"
    }
}

extension Ledger.ExportReport {
    /// Each file written with its count of events, then the totals.
    public func text(folder: String) -> String {
        (files.map { "\($0.path): \($0.events) events" }
            + ["wrote \(events) events in \(files.count) files to \(folder)"]).joined(separator: "\n")
    }
}
