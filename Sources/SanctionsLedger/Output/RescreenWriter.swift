import Foundation
public import SanctionsCore
public import SanctionsImport
public import SanctionsScreening
package import SanctionsStore

/// Writes a rescreen as it runs: CSV (the input columns plus the verdict's) or JSON, a row at a
/// time; or the audit report (Markdown or HTML), written whole at the end.
public struct RescreenWriter {
    /// The formats a rescreen can write.
    public enum Format: String, Sendable, CaseIterable {
        case csv, json, markdown, html
    }

    /// The columns added to the input's.
    public static let addedColumns = [
        "verdict", "party", "regime", "matched_name", "score", "citation", "coverage", "algorithm",
    ]

    public let format: Format
    private let header: [String]
    private var first = true
    private var report = AuditReport()

    /// A writer for `input`'s columns.
    public init(format: Format, input: TransactionInput) {
        self.format = format
        self.header =
            input.header.isEmpty
            ? ["id", "date", "counterparty", "type", "country", "eccn", "amount", "currency"] : input.header
    }

    /// The start of the output.
    public mutating func begin(_ sink: inout some TextSink) throws {
        switch format {
        case .csv: try sink.write(CSVText.row(header + Self.addedColumns) + "\n")
        case .json: try sink.write("[\n")
        case .markdown, .html: break
        }
    }

    /// One screened transaction.
    public mutating func write(_ row: RescreenedTransaction, to sink: inout some TextSink) throws {
        switch format {
        case .csv:
            let matches = row.result.matches
            let added = [
                row.result.verdict.rawValue, matches.map(\.party.rawValue).joined(separator: "; "),
                matches.map(\.regime.rawValue).joined(separator: "; "),
                matches.map(\.matchedName).joined(separator: "; "),
                matches.map { String(format: "%.3f", $0.score) }.joined(separator: "; "),
                matches.map { Citations.list($0.events, row.sources).joined(separator: " + ") }.joined(separator: "; "),
                CoverageOutput.line(row.result.coverage), row.result.algorithm.name,
            ]
            try sink.write(CSVText.row(inputFields(row.transaction) + added) + "\n")
        case .json:
            var members: [JSONMember] = [
                JSONMember(key: "id", value: .string(row.transaction.id)),
                JSONMember(key: "line", value: .int(row.transaction.line)),
            ]
            if case .object(let rest) = ScreeningOutput.json(row.result, sources: row.sources) { members += rest }
            try sink.write((first ? "" : ",\n") + CanonicalJSON.string(.object(members)))
            first = false
        case .markdown, .html:
            report.add(row.transaction, row.result, sources: row.sources)
        }
    }

    /// The end of the output (the whole report, for Markdown and HTML).
    public func end(_ sink: inout some TextSink, summary: RescreenSummary, method: AuditReport.Method) throws {
        switch format {
        case .csv: break
        case .json: try sink.write("\n]\n")
        case .markdown: try sink.write(report.markdown(summary: summary, method: method))
        case .html: try sink.write(report.html(summary: summary, method: method))
        }
    }

    private func inputFields(_ transaction: Transaction) -> [String] {
        var extras = transaction.extra.makeIterator()
        return header.map { column in
            switch column.lowercased() {
            case "id": transaction.id
            case "date": transaction.date.description
            case "counterparty": transaction.counterparty
            case "type": transaction.type.rawValue
            case "country": transaction.country ?? ""
            case "eccn": transaction.eccn ?? ""
            case "amount": transaction.amount ?? ""
            case "currency": transaction.currency ?? ""
            default: extras.next() ?? ""
            }
        }
    }

    /// The summary a run prints for people.
    public static func summaryText(_ summary: RescreenSummary) -> String {
        let seconds = String(format: "%.2f", summary.seconds)
        var lines = [
            "\(summary.transactions) transactions screened (\(summary.distinctCounterparties) distinct "
                + "counterparties) in \(seconds) s; \(summary.badRowCount) bad rows"
        ]
        lines.append(
            "by verdict: "
                + Outcome.allCases.reversed().map { "\($0.rawValue) \(summary.byVerdict[$0] ?? 0)" }.joined(
                    separator: ", "))
        if !summary.byRegime.isEmpty {
            lines.append(
                "by regime (non-permitted matches): "
                    + summary.regimesByCount.map { "\($0.regime) \($0.count)" }.joined(separator: ", "))
        }
        let top = summary.topParties(10)
        if !top.isEmpty {
            lines.append(
                "top matched parties: " + top.map { "\($0.name) (\($0.party)) \($0.count)" }.joined(separator: "; "))
        }
        return lines.joined(separator: "\n")
    }
}
