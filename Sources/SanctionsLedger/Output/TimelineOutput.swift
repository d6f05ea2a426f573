public import SanctionsCore
public import SanctionsImport
public import SanctionsScreening
package import SanctionsStore

/// One or more parties' histories (`timeline`) as a table, JSON or Markdown (the chart is ``TimelineReport``).
public enum TimelineOutput {
    /// Several timelines as one JSON document: an array of one object per party.
    public static func json(_ timelines: [Timeline]) -> JSONValue {
        .array(timelines.map(json))
    }

    public static func json(_ timeline: Timeline) -> JSONValue {
        .object([
            JSONMember(key: "party", value: .string(timeline.party.rawValue)),
            JSONMember(key: "regimes", value: .array(timeline.regimes.map(json))),
            JSONMember(key: "events", value: .array(timeline.entries.map(json))),
        ])
    }

    private static func json(_ regime: Timeline.RegimeSummary) -> JSONValue {
        .object([
            JSONMember(key: "regime", value: .string(regime.regime.rawValue)),
            JSONMember(key: "from", value: .optional(regime.first?.description)),
            JSONMember(key: "to", value: .optional(regime.last?.description)),
            JSONMember(key: "inForceNow", value: .bool(regime.inForceNow)),
            JSONMember(
                key: "spans",
                value: .array(
                    regime.spans.map { span in
                        .object([
                            JSONMember(key: "from", value: .string(span.from.description)),
                            JSONMember(key: "to", value: .optional(span.to?.description)),
                            JSONMember(key: "listedName", value: .string(span.listedName)),
                            JSONMember(key: "listedAfter", value: .optional(span.listedAfter?.description)),
                            JSONMember(key: "delistedAfter", value: .optional(span.delistedAfter?.description)),
                            JSONMember(
                                key: "listedNames",
                                value: .array(
                                    span.listedNames.map {
                                        .object(["from": .string($0.from.description), "name": .string($0.name)])
                                    })),
                        ])
                    })),
            JSONMember(key: "names", value: .array(regime.names.map(JSONValue.string))),
        ])
    }

    private static func json(_ entry: Timeline.Entry) -> JSONValue {
        .object([
            JSONMember(key: "sequence", value: .int(entry.sequence)),
            JSONMember(key: "id", value: .string(entry.event.id.rawValue)),
            JSONMember(key: "type", value: .string(entry.event.kind.rawValue)),
            JSONMember(key: "regime", value: .string(entry.event.regime.rawValue)),
            JSONMember(key: "effective", value: .string(entry.event.effective.description)),
            JSONMember(key: "published", value: .string(entry.event.published.description)),
            JSONMember(key: "summary", value: .string(entry.summary)),
            JSONMember(key: "escalatedFrom", value: .array(entry.escalatedFrom.map { .string($0.rawValue) })),
            JSONMember(key: "fixedBy", value: .array(entry.fixedBy.map { .string($0.rawValue) })),
            JSONMember(
                key: "source",
                value: .object([
                    "citation": .string(entry.event.source.citation), "title": .optional(entry.event.source.title),
                    "url": .optional(entry.event.source.url),
                ])),
        ])
    }

    private static let headers = ["effective", "published", "regime", "event", "what", "citation"]

    static func summaryLine(_ regime: Timeline.RegimeSummary) -> String {
        let spans = regime.spans.map { span in
            let renames = span.listedNames.dropFirst().map { " (renamed '\($0.name)' on \($0.from))" }.joined()
            let from = span.listedAfter.map { "between \($0) and \(span.from)" } ?? span.from.description
            let to =
                span.delistedAfter.map { "between \($0) and \(span.to?.description ?? "open")" }
                ?? span.to?.description ?? "open"
            return "\(from) to \(to)" + renames
        }.joined(separator: ", ")
        return
            "\(regime.regime): \(spans); \(regime.inForceNow ? "in force now" : "not in force now"); names: "
            + "\(regime.names.joined(separator: "; "))"
    }

    static func row(_ entry: Timeline.Entry) -> [String] {
        var kind = entry.event.kind.rawValue
        if !entry.escalatedFrom.isEmpty {
            kind += " (escalation from \(entry.escalatedFrom.map(\.rawValue).joined(separator: ", ")))"
        }
        var summary = entry.summary
        if !entry.fixedBy.isEmpty {
            summary += " [changed later by \(entry.fixedBy.map(\.rawValue).joined(separator: ", "))]"
        }
        return [
            entry.event.effective.description, entry.event.published.description, entry.event.regime.rawValue, kind,
            summary, entry.event.source.citation,
        ]
    }

    public static func markdown(_ timeline: Timeline) -> String {
        var text = "# Timeline of \(MarkdownText.inline(timeline.party.rawValue))\n\n"
        text += timeline.regimes.map { "- " + MarkdownText.inline(summaryLine($0)) }.joined(separator: "\n") + "\n\n"
        return text + MarkdownText.table(headers, timeline.entries.map(row)) + "\n"
    }

    public static func table(_ timeline: Timeline) -> String {
        var lines = ["party \(timeline.party)"] + timeline.regimes.map { "  " + summaryLine($0) } + [""]
        var table = TextTable(headers)
        timeline.entries.map(row).forEach { table.add($0) }
        lines.append(table.render(maximumWidth: 70))
        return lines.joined(separator: "\n") + "\n"
    }
}
