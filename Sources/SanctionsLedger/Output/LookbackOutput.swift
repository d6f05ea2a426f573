public import SanctionsCore
public import SanctionsImport
public import SanctionsScreening
package import SanctionsStore

/// A lookback's changed transactions as CSV, JSON or Markdown.
public enum LookbackOutput {
    /// The formats lookback can write.
    public enum Format: String, Sendable, CaseIterable {
        case csv, json, markdown
    }

    /// Writes the differences; `baseline` says what "before" was ("as known on 2021-12-01").
    public static func write(
        _ report: LookbackReport, format: Format, baseline: String, sources: [EventID: Source],
        to sink: inout some TextSink
    ) throws {
        let differences = report.differences
        switch format {
        case .json:
            try sink.write(PrettyJSON.render(.array(differences.map { json($0, sources: sources) })) + "\n")
        case .markdown:
            try sink.write("# Lookback: verdicts that changed since the ledger \(MarkdownText.inline(baseline))\n\n")
            try sink.write(
                MarkdownText.table(
                    ["id", "date", "counterparty", "type", "before", "after", "change", "parties", "caused by"],
                    differences.map {
                        [
                            $0.transaction.id, $0.transaction.date.description, $0.transaction.counterparty,
                            $0.transaction.type.rawValue, $0.before.verdict.rawValue,
                            $0.after.verdict.rawValue, $0.change.rawValue, parties($0),
                            Citations.list($0.causes, sources).joined(separator: "; "),
                        ]
                    }) + "\n")
        case .csv:
            try sink.write(
                CSVText.row([
                    "id", "date", "counterparty", "type", "verdict_before", "verdict_after", "change", "parties",
                    "events", "citations", "algorithm",
                ]) + "\n")
            for difference in differences {
                try sink.write(
                    CSVText.row([
                        difference.transaction.id, difference.transaction.date.description,
                        difference.transaction.counterparty, difference.transaction.type.rawValue,
                        difference.before.verdict.rawValue, difference.after.verdict.rawValue,
                        difference.change.rawValue, parties(difference),
                        difference.causes.map(\.rawValue).joined(separator: "; "),
                        Citations.list(difference.causes, sources).joined(separator: "; "),
                        difference.after.algorithm.name,
                    ]) + "\n")
            }
        }
    }

    /// The one-line account a run prints for people.
    public static func summaryText(_ report: LookbackReport) -> String {
        let kinds = [Lookback.Change.newlyHit, .escalated, .relaxed, .cleared].map {
            "\($0.rawValue) \(report.count($0))"
        }.joined(separator: ", ")
        let unexplained =
            report.unexplained > 0 ? "; \(report.unexplained) changed verdicts no event explains were not reported" : ""
        return
            "\(report.compared) transactions compared, \(report.differences.count) changed (\(kinds)); "
            + "\(report.badRowCount) bad rows"
            + unexplained
    }

    private static func json(_ difference: Lookback.Difference, sources: [EventID: Source]) -> JSONValue {
        .object([
            JSONMember(key: "id", value: .string(difference.transaction.id)),
            JSONMember(key: "date", value: .string(difference.transaction.date.description)),
            JSONMember(key: "counterparty", value: .string(difference.transaction.counterparty)),
            JSONMember(key: "type", value: .string(difference.transaction.type.rawValue)),
            JSONMember(key: "verdictBefore", value: .string(difference.before.verdict.rawValue)),
            JSONMember(key: "verdictAfter", value: .string(difference.after.verdict.rawValue)),
            JSONMember(key: "change", value: .string(difference.change.rawValue)),
            JSONMember(key: "events", value: .array(difference.causes.map { .string($0.rawValue) })),
            JSONMember(
                key: "citations", value: .array(Citations.list(difference.causes, sources).map(JSONValue.string))),
            JSONMember(key: "after", value: ScreeningOutput.json(difference.after, sources: sources)),
        ])
    }

    private static func parties(_ difference: Lookback.Difference) -> String {
        let restricting = (difference.before.matches + difference.after.matches).filter { $0.outcome != .permitted }
        return Set(restricting.map { "\($0.listedName) (\($0.regime))" }).sorted().joined(separator: "; ")
    }
}
