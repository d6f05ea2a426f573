import SanctionsLedger

/// Renders a ``Timeline`` as a table, JSON or Markdown.
struct TimelineRenderer {
    var timeline: SanctionsLedger.Timeline

    func summaryLine(_ regime: SanctionsLedger.Timeline.RegimeSummary) -> String {
        let spans = regime.spans.map { "\($0.from) to \($0.to?.description ?? "open")" }.joined(separator: ", ")
        return "\(regime.regime): \(spans); \(regime.inForceNow ? "in force now" : "not in force now"); names: \(regime.names.joined(separator: "; "))"
    }

    func entryRow(_ entry: SanctionsLedger.Timeline.Entry) -> [String] {
        var kind = entry.event.kind.rawValue
        if !entry.escalatedFrom.isEmpty { kind += " (escalation from \(entry.escalatedFrom.map(\.rawValue).joined(separator: ", ")))" }
        var summary = entry.summary
        if !entry.fixedBy.isEmpty { summary += " [changed later by \(entry.fixedBy.map(\.rawValue).joined(separator: ", "))]" }
        return [entry.event.effective.description, entry.event.published.description, entry.event.regime.rawValue, kind, summary, entry.event.source.citation]
    }

    func render(_ format: OutputFormat) -> String {
        let headers = ["effective", "published", "regime", "event", "what", "citation"]
        switch format {
        case .json:
            return JSONOutput.render(.object([
                JSONMember(key: "party", value: .string(timeline.party.rawValue)),
                JSONMember(key: "regimes", value: .array(timeline.regimes.map { regime in
                    .object([
                        JSONMember(key: "regime", value: .string(regime.regime.rawValue)),
                        JSONMember(key: "from", value: .optional(regime.first?.description)),
                        JSONMember(key: "to", value: .optional(regime.last?.description)),
                        JSONMember(key: "inForceNow", value: .bool(regime.inForceNow)),
                        JSONMember(key: "spans", value: .array(regime.spans.map { .object(["from": .string($0.from.description), "to": .optional($0.to?.description), "listedName": .string($0.listedName)]) })),
                        JSONMember(key: "names", value: .array(regime.names.map(JSONValue.string))),
                    ])
                })),
                JSONMember(key: "events", value: .array(timeline.entries.map { entry in
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
                        JSONMember(key: "source", value: ViewJSON.source(entry.event.source)),
                    ])
                })),
            ]))
        case .markdown:
            var text = "# Timeline of \(timeline.party)\n\n"
            text += timeline.regimes.map { "- " + summaryLine($0) }.joined(separator: "\n") + "\n\n"
            text += MarkdownOutput.table(headers, timeline.entries.map(entryRow))
            return text
        default:
            var lines = ["party \(timeline.party)"] + timeline.regimes.map { "  " + summaryLine($0) } + [""]
            var table = TextTable(headers)
            timeline.entries.map(entryRow).forEach { table.add($0) }
            lines.append(table.render(maximumWidth: 70))
            return lines.joined(separator: "\n")
        }
    }
}
