import Foundation
public import SanctionsCore
public import SanctionsImport
public import SanctionsScreening
package import SanctionsStore

/// The transaction audit report of a rescreen: a summary (counts by verdict, hits over time), each
/// transaction that is not permitted with the matched name, score, rule and notice, and the method
/// that makes the run reproducible. Rendered as Markdown or as one self-contained HTML page.
public struct AuditReport: Sendable {
    /// What the report needs to know about the run to be reproducible.
    public struct Method: Sendable {
        public var ledgerPath: String
        public var sequence: Int
        public var hash: String
        public var threshold: Double
        public var reviewFloor: Double
        public var normalizerVersion: Int
        /// The name matcher the run used.
        public var algorithm: MatchingAlgorithm
        public var knownAt: LedgerTime?
        public var runAt: LedgerTime
        public var input: String

        public init(
            ledgerPath: String, sequence: Int, hash: String, threshold: Double, reviewFloor: Double,
            normalizerVersion: Int, algorithm: MatchingAlgorithm,
            knownAt: LedgerTime?, runAt: LedgerTime, input: String
        ) {
            self.algorithm = algorithm
            self.ledgerPath = ledgerPath
            self.sequence = sequence
            self.hash = hash
            self.threshold = threshold
            self.reviewFloor = reviewFloor
            self.normalizerVersion = normalizerVersion
            self.knownAt = knownAt
            self.runAt = runAt
            self.input = input
        }
    }

    /// One transaction that is not permitted, with the sources of its matches.
    public struct Row: Sendable {
        public var transaction: Transaction
        public var result: ScreeningResult
        public var sources: [[Source]]
    }

    /// The most transactions listed in detail (the summary counts all).
    public static let limit = 10_000
    public private(set) var rows: [Row] = []
    public private(set) var omitted = 0
    /// How many screenings found each list at each coverage level (or stale) on their dates.
    public private(set) var coverage: [RegimeID: [String: Int]] = [:]

    public init() {}

    /// Counts the coverage of `result` and keeps it when it is not permitted.
    public mutating func add(_ transaction: Transaction, _ result: ScreeningResult, sources: [EventID: Source]) {
        for assessment in result.coverage {
            coverage[assessment.regime, default: [:]][assessment.level.rawValue, default: 0] += 1
            if assessment.stale { coverage[assessment.regime, default: [:]]["stale", default: 0] += 1 }
        }
        guard result.verdict != .permitted else { return }
        guard rows.count < Self.limit else { omitted += 1; return }
        rows.append(
            Row(
                transaction: transaction, result: result,
                sources: result.matches.map { Citations.sources($0.events, sources) }))
    }

    private func reproduce(_ method: Method) -> String {
        "sanctions rescreen \(method.input) --db \(method.ledgerPath) --threshold \(method.threshold)"
            + " --algorithm \(method.algorithm.name)"
            + (method.knownAt.map { " --known-at \($0)" } ?? "")
    }

    private func describe(_ transaction: Transaction) -> String {
        var text = "\(transaction.date) \(transaction.type.rawValue)"
        if let country = transaction.country { text += ", \(country)" }
        if let eccn = transaction.eccn { text += ", ECCN \(eccn)" }
        if let amount = transaction.amount { text += ", \(amount) \(transaction.currency ?? "")" }
        return text + " (line \(transaction.line))"
    }

    // MARK: - Markdown

    public func markdown(summary: RescreenSummary, method: Method) -> String {
        let table = MarkdownText.table
        var text = "# Transaction audit report\n\n"
        text +=
            "Input \(MarkdownText.code(method.input)), screened \(method.runAt) against the ledger at sequence "
            + "\(method.sequence).\n\n## Summary\n\n"
        text += table(
            ["verdict", "transactions"],
            Outcome.allCases.reversed().map { [$0.rawValue, String(summary.byVerdict[$0] ?? 0)] })
        text +=
            "\n\n\(summary.transactions) transactions, \(summary.distinctCounterparties) distinct counterparties, "
            + "\(summary.badRowCount) bad rows.\n\n"
        if !summary.byRegime.isEmpty {
            text +=
                "### Matches that restrict, by regime\n\n"
                + table(["regime", "matches"], summary.regimesByCount.map { [$0.regime.rawValue, String($0.count)] })
                + "\n\n"
        }
        let top = summary.topParties(10)
        if !top.isEmpty {
            text +=
                "### Parties matched most often\n\n"
                + table(
                    ["party", "listed name", "transactions"],
                    top.map { [$0.party.rawValue, $0.name, String($0.count)] }) + "\n\n"
        }
        text +=
            "### Hits over time\n\n"
            + table(
                ["year", "prohibited", "license-required", "review", "unknown", "permitted"],
                summary.hitsByYear.keys.sorted().map { year in
                    let counts = summary.hitsByYear[year] ?? [:]
                    return [String(year)]
                        + [Outcome.prohibited, .licenseRequired, .review, .unknown, .permitted].map {
                            String(counts[$0] ?? 0)
                        }
                }) + "\n\n" + markdownCoverage() + "## Transactions that are not permitted\n\n"
        if rows.isEmpty { text += "None.\n\n" }
        for row in rows { text += markdown(row) }
        if omitted > 0 {
            text += "\(omitted) further transactions that are not permitted are counted above but not listed.\n\n"
        }
        return text + markdownMethod(method)
    }

    /// The rows of the coverage table: per list, how many screenings found it at each level.
    private var coverageRows: [[String]] {
        coverage.keys.sorted().map { regime in
            let counts = coverage[regime] ?? [:]
            return [regime.rawValue] + ["full", "partial", "none", "stale"].map { String(counts[$0] ?? 0) }
        }
    }

    private static let coverageNote =
        "Every screening consults the lists whose rules could restrict its transaction type on its date. Full: "
        + "publications at most 4 days apart; partial: further apart, dated listings reaching back before the "
        + "first publication, or after the last one; none: before any evidence, so a screening with no match is "
        + "`unknown`, never `permitted`. `sanctions coverage` shows the periods."

    private func markdownCoverage() -> String {
        guard !coverage.isEmpty else { return "" }
        return "### Coverage of the lists consulted\n\n\(Self.coverageNote)\n\n"
            + MarkdownText.table(["list", "full", "partial", "none", "stale"], coverageRows) + "\n\n"
    }

    private func markdown(_ row: Row) -> String {
        var text = "### \(MarkdownText.inline(row.transaction.id)): \(row.result.verdict.rawValue)\n\n"
        text +=
            "**\(MarkdownText.inline(row.transaction.counterparty))**, "
            + "\(MarkdownText.inline(describe(row.transaction)))\n\n"
        if !row.result.caveats.isEmpty {
            text +=
                "Coverage on that date: "
                + MarkdownText.inline(
                    row.result.caveats.map { "\($0.regime) \($0.level.rawValue): \($0.reason)" }.joined(separator: "; ")
                )
                + "\n\n"
        }
        if row.result.matches.isEmpty { return text + "No listed name matches.\n\n" }
        let rows = zip(row.result.matches, row.sources).map { match, sources in
            [
                match.outcome.rawValue, match.regime.rawValue, "\(match.matchedName) (\(match.nameKind.rawValue))",
                String(format: "%.3f", match.score), match.listedName,
                match.note + (match.policy.map { "; policy: \($0)" } ?? ""),
                sources.map(\.citation).joined(separator: "; "),
            ]
        }
        return text
            + MarkdownText.table(["outcome", "regime", "matched name", "score", "listed as", "rule", "sources"], rows)
            + "\n\n"
    }

    private func markdownMethod(_ method: Method) -> String {
        let head = "\(method.sequence):\(method.hash)"
        var text =
            "## Method\n\n- Ledger: \(MarkdownText.code(method.ledgerPath)), last sequence \(method.sequence), head "
            + "hash `\(method.hash)`\n"
        text +=
            "- Certain-match threshold \(method.threshold), review floor \(method.reviewFloor), name matcher "
            + "\(method.algorithm.name), name normaliser version \(method.normalizerVersion)\n"
        text += "- Knowledge: " + (method.knownAt.map { "as known at \($0)" } ?? "everything the ledger holds") + "\n"
        text +=
            "- Each transaction is screened on its own date against the designations, names and rules in force that "
            + "day.\n"
        text +=
            "- Head token: `\(head)` (keep it: `sanctions verify --expect \(head)` fails if the log no longer holds "
            + "this head)\n"
        text +=
            "- To reproduce: \(MarkdownText.code(reproduce(method) + " --format markdown")) on a ledger that holds "
            + "this head.\n"
        return text
    }

    // MARK: - HTML

    /// An SVG bar chart of verdicts per year.
    static func hitsChart(_ summary: RescreenSummary) -> String {
        let years = summary.hitsByYear.keys.sorted()
        guard !years.isEmpty else { return "" }
        let outcomes: [(Outcome, String)] = [
            (.prohibited, "#b3261e"), (.licenseRequired, "#c26a00"), (.review, "#7b5ea7"),
        ]
        let maximum = max(
            1, years.map { year in outcomes.reduce(0) { $0 + (summary.hitsByYear[year]?[$1.0] ?? 0) } }.max() ?? 1)
        let width = 900.0
        let height = 220.0
        let slot = (width - 60) / Double(years.count)
        var svg =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" "
            + "aria-label=\"Transactions that are not permitted, by year\">\n"
        for (index, year) in years.enumerated() {
            var y = height - 24
            let x = 50 + Double(index) * slot + slot * 0.15
            for (outcome, color) in outcomes {
                let count = summary.hitsByYear[year]?[outcome] ?? 0
                guard count > 0 else { continue }
                let barHeight = (height - 50) * Double(count) / Double(maximum)
                y -= barHeight
                svg +=
                    "<rect class=\"hits \(outcome.rawValue)\" data-year=\"\(year)\" data-count=\"\(count)\" "
                    + "x=\"\(String(format: "%.1f", x))\" y=\"\(String(format: "%.1f", y))\" "
                    + "width=\"\(String(format: "%.1f", slot * 0.7))\" "
                    + "height=\"\(String(format: "%.1f", barHeight))\" fill=\"\(color)\"><title>\(year): "
                    + "\(count) \(outcome.rawValue)</title></rect>\n"
            }
            svg += "<text x=\"\(String(format: "%.1f", x))\" y=\"\(Int(height - 6))\">\(year)</text>\n"
        }
        svg += "<text x=\"4\" y=\"16\">max \(maximum)</text></svg>"
        return svg
    }

    /// One transaction that is not permitted, as an HTML section: its matches and their sources.
    private func html(_ row: Row) -> String {
        var section =
            "<section class=\"transaction\" "
            + "data-id=\"\(HTMLPage.escape(row.transaction.id))\"><h3>\(HTMLPage.escape(row.transaction.id)) "
            + "\(HTMLPage.verdict(row.result.verdict))</h3>\n"
        section +=
            "<p><strong>\(HTMLPage.escape(row.transaction.counterparty))</strong>, "
            + "\(HTMLPage.escape(describe(row.transaction)))</p>\n"
        if !row.result.caveats.isEmpty {
            section +=
                "<p class=\"coverage\">Coverage on that date: "
                + HTMLPage.escape(
                    row.result.caveats.map { "\($0.regime) \($0.level.rawValue): \($0.reason)" }.joined(
                        separator: "; ")) + "</p>\n"
        }
        section +=
            HTMLPage.table(
                ["outcome", "regime", "matched name", "score", "listed as", "rule", "sources"],
                zip(row.result.matches, row.sources).map { match, sources in
                    [
                        HTMLPage.verdict(match.outcome), HTMLPage.escape(match.regime.rawValue),
                        HTMLPage.escape("\(match.matchedName) (\(match.nameKind.rawValue))"),
                        String(format: "%.3f", match.score), HTMLPage.escape(match.listedName),
                        HTMLPage.escape(match.note + (match.policy.map { "; policy: \($0)" } ?? "")),
                        sources.map(HTMLPage.citation).joined(separator: "<br>"),
                    ]
                }, rawColumns: Set(0...6)) + "</section>\n"
        return section
    }

    public func html(summary: RescreenSummary, method: Method) -> String {
        var body =
            "<h1>Transaction audit report</h1>\n<p class=\"lede\">Input "
            + "<code>\(HTMLPage.escape(method.input))</code>, screened \(method.runAt) against the ledger at "
            + "sequence \(method.sequence). Each transaction is screened on its own date against the "
            + "designations, names and rules in force that day.</p>\n"
        body +=
            "<h2>Summary</h2>\n<div class=\"cards\">"
            + Outcome.allCases.reversed().map { outcome in
                "<div class=\"card\">\(HTMLPage.verdict(outcome))<span class=\"n\" "
                    + "data-verdict=\"\(outcome.rawValue)\">\(summary.byVerdict[outcome] ?? 0)</span></div>"
            }.joined() + "</div>\n"
        body +=
            "<p>\(summary.transactions) transactions, \(summary.distinctCounterparties) distinct counterparties, "
            + "\(summary.badRowCount) bad rows.</p>\n"
        body +=
            "<figure>\(Self.hitsChart(summary))<figcaption>Transactions that are not permitted, by year of the "
            + "transaction (prohibited, licence required, review).</figcaption></figure>\n"
        if !summary.byRegime.isEmpty {
            body +=
                "<h3>Matches that restrict, by regime</h3>\n"
                + HTMLPage.table(
                    ["regime", "matches"], summary.regimesByCount.map { [$0.regime.rawValue, String($0.count)] })
        }
        let top = summary.topParties(10)
        if !top.isEmpty {
            body +=
                "<h3>Parties matched most often</h3>\n"
                + HTMLPage.table(
                    ["party", "listed name", "transactions"],
                    top.map { [$0.party.rawValue, $0.name, String($0.count)] })
        }
        if !coverage.isEmpty {
            body +=
                "<h3>Coverage of the lists consulted</h3>\n<p>\(HTMLPage.escape(Self.coverageNote))</p>\n"
                + HTMLPage.table(["list", "full", "partial", "none", "stale"], coverageRows)
        }
        body += "<h2>Transactions that are not permitted</h2>\n"
        if rows.isEmpty { body += "<p>None.</p>\n" }
        for row in rows { body += html(row) }
        if omitted > 0 {
            body += "<p>\(omitted) further transactions that are not permitted are counted above but not listed.</p>\n"
        }
        body +=
            "<h2>Method</h2>\n<ul class=\"method\"><li>Ledger <code>\(HTMLPage.escape(method.ledgerPath))</code>, "
            + "last sequence \(method.sequence), head hash <code>\(method.hash)</code></li>"
        body +=
            "<li>Certain-match threshold \(method.threshold), review floor \(method.reviewFloor), name matcher "
            + "\(method.algorithm.name), name normaliser version \(method.normalizerVersion)</li>"
        body +=
            "<li>Knowledge: " + (method.knownAt.map { "as known at \($0)" } ?? "everything the ledger holds") + "</li>"
        body +=
            "<li>Head token <code>\(method.sequence):\(method.hash)</code> (keep it: <code>sanctions verify "
            + "--expect</code> with it fails if the log no longer holds this head)</li>"
        body +=
            "<li>To reproduce: <code>\(HTMLPage.escape(reproduce(method))) --format html</code> on a ledger whose "
            + "<code>verify</code> prints the same head hash at sequence \(method.sequence).</li></ul>\n"
        return HTMLPage.page(title: "Transaction audit report: \(method.input)", body: body)
    }
}
