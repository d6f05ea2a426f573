public import SanctionsCore
public import SanctionsImport
public import SanctionsScreening
package import SanctionsStore

/// The self-contained HTML timeline report of one or more parties: the chart on a shared axis,
/// a summary per regime, and every event with a link to its source.
public enum TimelineReport {
    public static func html(_ timelines: [Timeline], regimes: [Regime], now: LedgerTime) -> String {
        let chart = TimelineChart(timelines: timelines, now: now, regimes: regimes)
        let title = "Sanctions timeline: " + timelines.map(\.party.rawValue).joined(separator: ", ")
        var body =
            "<h1>\(HTMLPage.escape(title))</h1>\n<p class=\"lede\">Every designation of each party, by regime, from "
            + "its listing to its delisting (or today, \(now.dayString)). Hover over a bar or marker for its "
            + "notice.</p>\n"
        body += "<figure>\(chart.svg())\n<figcaption>\(chart.legend())</figcaption></figure>\n"
        for timeline in timelines {
            body += "<h2>\(HTMLPage.escape(timeline.party.rawValue))</h2>\n"
            body += HTMLPage.table(
                ["regime", "from", "to", "status now", "names"],
                timeline.regimes.map { regime in
                    [
                        regime.regime.rawValue, regime.first?.description ?? "",
                        regime.spans.map { $0.to?.description ?? "open" }.joined(separator: ", "),
                        regime.inForceNow ? "in force" : "not in force", regime.names.joined(separator: "; "),
                    ]
                })
            body += "<h3>Events</h3>\n"
            body += HTMLPage.table(
                ["effective", "published", "regime", "event", "what", "source"],
                timeline.entries.map { entry in
                    var kind = HTMLPage.escape(entry.event.kind.rawValue)
                    if !entry.escalatedFrom.isEmpty {
                        kind +=
                            " <strong>(escalation from "
                            + "\(HTMLPage.escape(entry.escalatedFrom.map(\.rawValue).joined(separator: ", "))))</strong>"
                    }
                    var what = HTMLPage.escape(entry.summary)
                    if !entry.fixedBy.isEmpty {
                        what +=
                            " <em>(changed later by "
                            + "\(HTMLPage.escape(entry.fixedBy.map(\.rawValue).joined(separator: ", "))))</em>"
                    }
                    return [
                        HTMLPage.escape(entry.event.effective.description),
                        HTMLPage.escape(entry.event.published.description),
                        HTMLPage.escape(entry.event.regime.rawValue),
                        kind, what, HTMLPage.citation(entry.event.source),
                    ]
                }, rawColumns: [0, 1, 2, 3, 4, 5])
        }
        body +=
            "<p class=\"method\">Generated \(now) by SanctionsLedger from the ledger's projections (as known "
            + "now).</p>\n"
        return HTMLPage.page(title: title, body: body)
    }
}
