import Foundation
import SanctionsLedger

/// Collects what an audit report shows about each transaction that is not permitted.
struct AuditReportCollector {
    struct Row {
        var transaction: Transaction
        var result: ScreeningResult
        var citations: [[String]]
    }

    /// The most transactions listed in detail (the summary counts all).
    static let limit = 10_000
    var rows: [Row] = []
    var omitted = 0

    mutating func add(_ transaction: Transaction, _ result: ScreeningResult, sources: [EventID: Source]) {
        guard result.verdict != .permitted else { return }
        guard rows.count < Self.limit else { omitted += 1; return }
        rows.append(Row(transaction: transaction, result: result, citations: result.matches.map { ViewJSON.citations($0.events, sources) }))
    }
}

/// The transaction audit report: summary, each transaction that is not permitted with its
/// evidence, and the method that makes the run reproducible.
enum AuditReport {
    struct Method {
        var ledgerPath: String
        var sequence: Int
        var hash: String
        var threshold: Double
        var reviewFloor: Double
        var normalizerVersion: Int
        var knownAt: LedgerTime?
        var runAt: LedgerTime
        var input: String
    }

    static func markdown(_ report: AuditReportCollector, summary: RescreenSummary, method: Method) -> String {
        var text = "# Transaction audit report\n\n"
        text += "Input `\(method.input)`, screened \(method.runAt) against the ledger at sequence \(method.sequence).\n\n"
        text += "## Summary\n\n"
        text += MarkdownOutput.table(["verdict", "transactions"], Outcome.allCases.reversed().map { [$0.rawValue, String(summary.byVerdict[$0] ?? 0)] })
        text += "\n\n\(summary.transactions) transactions, \(summary.distinctCounterparties) distinct counterparties, \(summary.badRowCount) bad rows.\n\n"
        if !summary.byRegime.isEmpty {
            text += "### Matches that restrict, by regime\n\n"
            text += MarkdownOutput.table(["regime", "matches"], summary.byRegime.sorted { $0.value > $1.value }.map { [$0.key.rawValue, String($0.value)] }) + "\n\n"
        }
        let top = summary.topParties(10)
        if !top.isEmpty {
            text += "### Parties matched most often\n\n"
            text += MarkdownOutput.table(["party", "listed name", "transactions"], top.map { [$0.party.rawValue, $0.name, String($0.count)] }) + "\n\n"
        }
        text += "### Hits over time\n\n"
        let years = summary.hitsByYear.keys.sorted()
        text += MarkdownOutput.table(["year", "prohibited", "license-required", "review", "permitted"], years.map { year in
            let counts = summary.hitsByYear[year] ?? [:]
            return [String(year), String(counts[.prohibited] ?? 0), String(counts[.licenseRequired] ?? 0), String(counts[.review] ?? 0), String(counts[.permitted] ?? 0)]
        }) + "\n\n"
        text += "## Transactions that are not permitted\n\n"
        if report.rows.isEmpty { text += "None.\n\n" }
        for row in report.rows {
            let t = row.transaction
            text += "### \(t.id): \(row.result.verdict.rawValue)\n\n"
            text += "\(t.date) \(t.type.rawValue) with **\(MarkdownOutput.escape(t.counterparty))**" + (t.country.map { " (\($0))" } ?? "") + (t.eccn.map { ", ECCN \($0)" } ?? "") + (t.amount.map { ", \($0) \(t.currency ?? "")" } ?? "") + " (line \(t.line))\n\n"
            text += MarkdownOutput.table(["outcome", "regime", "matched name", "score", "listed as", "rule", "sources"], zip(row.result.matches, row.citations).map { match, citations in
                [match.outcome.rawValue, match.regime.rawValue, "\(match.matchedName) (\(match.nameKind.rawValue))", String(format: "%.3f", match.score), match.listedName,
                 match.note + (match.policy.map { "; policy: \($0)" } ?? ""), citations.joined(separator: "; ")]
            }) + "\n\n"
        }
        if report.omitted > 0 { text += "\(report.omitted) further transactions that are not permitted are counted above but not listed.\n\n" }
        text += "## Method\n\n"
        text += "- Ledger: `\(method.ledgerPath)`, last sequence \(method.sequence), head hash `\(method.hash)`\n"
        text += "- Certain-match threshold \(method.threshold), review floor \(method.reviewFloor), name normaliser version \(method.normalizerVersion)\n"
        text += "- Knowledge: " + (method.knownAt.map { "as known at \($0)" } ?? "everything the ledger holds") + "\n"
        text += "- Each transaction is screened on its own date against the designations, names and rules in force that day.\n"
        text += "- To reproduce: `sanctions rescreen \(method.input) --db \(method.ledgerPath) --threshold \(method.threshold)" + (method.knownAt.map { " --known-at \($0)" } ?? "") + " --format markdown` on a ledger whose `verify` prints the same head hash at sequence \(method.sequence) (later appends can only add history).\n"
        return text
    }
}
