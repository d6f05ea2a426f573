public import SanctionsCore
public import SanctionsImport
public import SanctionsScreening
package import SanctionsStore

/// The change digest of a period: what changed in the lists, grouped by regime and by the notice
/// behind each change, as Markdown or one self-contained HTML page.
public struct ChangeDigest {
    public var diff: ListDiff
    public var sources: [EventID: Source]
    public var regimes: [Regime]

    public init(diff: ListDiff, sources: [EventID: Source], regimes: [Regime]) {
        self.diff = diff
        self.sources = sources
        self.regimes = regimes
    }

    /// Changes grouped by regime, then by notice (the source of the change's first event), in order.
    public var groups: [(regime: RegimeID, notices: [(source: Source?, changes: [ListDiff.Change])])] {
        let byRegime = Dictionary(grouping: diff.changes, by: \.regime)
        return byRegime.keys.sorted().map { regime in
            var order: [String] = []
            var byNotice: [String: (Source?, [ListDiff.Change])] = [:]
            for change in byRegime[regime] ?? [] {
                let source = change.events.first.flatMap { sources[$0] }
                let key = source?.citation ?? "(no event)"
                if byNotice[key] == nil { order.append(key) }
                byNotice[key, default: (source, [])].1.append(change)
            }
            return (regime, order.map { (byNotice[$0]!.0, byNotice[$0]!.1) })
        }
    }

    private var title: String { "Changes to the lists from \(diff.from.on) to \(diff.to.on)" }
    private func regimeName(_ id: RegimeID) -> String { regimes.first { $0.id == id }?.name ?? id.rawValue }

    public func markdown() -> String {
        var text = "# \(title)\n\n"
        if let knownAt = diff.to.knownAt { text += "As known on \(knownAt).\n\n" }
        text += "\(diff.changes.count) changes" + (diff.changes.isEmpty ? ".\n" : ":\n") + "\n"
        for group in groups {
            text +=
                "## \(MarkdownText.inline(regimeName(group.regime))) (\(MarkdownText.code(group.regime.rawValue)))\n\n"
            for notice in group.notices {
                let citation = MarkdownText.link(notice.source?.citation ?? "(no event)", url: notice.source?.url)
                text += "### " + citation + (notice.source?.title.map { ": " + MarkdownText.inline($0) } ?? "") + "\n\n"
                for change in notice.changes {
                    text +=
                        "- \(change.effective?.description ?? "?") **\(change.kind.rawValue)** "
                        + "\(MarkdownText.inline(change.name)) "
                        + "(\(MarkdownText.code(change.party.rawValue))): \(MarkdownText.inline(change.detail))\n"
                }
                text += "\n"
            }
        }
        return text
    }

    public func html() -> String {
        var body =
            "<h1>\(HTMLPage.escape(title))</h1>\n<p class=\"lede\">\(diff.changes.count) changes"
            + (diff.to.knownAt.map { ", as known on \($0)" } ?? "")
            + ", grouped by regime and by the notice behind them.</p>\n"
        body +=
            "<div class=\"cards\">"
            + ListDiff.Kind.allCases.map { kind in
                "<div class=\"card\">\(HTMLPage.escape(kind.rawValue))<span "
                    + "class=\"n\">\(diff.changes.filter { $0.kind == kind }.count)</span></div>"
            }.joined() + "</div>\n"
        for group in groups {
            body +=
                "<h2>\(HTMLPage.escape(regimeName(group.regime))) "
                + "<code>\(HTMLPage.escape(group.regime.rawValue))</code></h2>\n"
            for notice in group.notices {
                body +=
                    "<h3>\(HTMLPage.citation(notice.source))"
                    + (notice.source?.title.map { ": " + HTMLPage.escape($0) } ?? "") + "</h3>\n"
                body += HTMLPage.table(
                    ["effective", "change", "name", "party", "detail"],
                    notice.changes.map {
                        [$0.effective?.description ?? "", $0.kind.rawValue, $0.name, $0.party.rawValue, $0.detail]
                    })
            }
        }
        return HTMLPage.page(title: title, body: body)
    }
}
