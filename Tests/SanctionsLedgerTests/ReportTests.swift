import Foundation
import SanctionsBenchmarks
import SanctionsCore
import SanctionsImport
import SanctionsLedger
import SanctionsScreening
import SanctionsStore
import SanctionsTestSupport
import Testing

/// Golden tests on the structure of the HTML reports.
@Suite struct ReportTests {
    static let ledger: Ledger = try! TemporaryLedger.makeCurated()  // swiftlint:disable:this force_try
    static let now = EventFactory.day("2026-01-01")

    /// All matches of `pattern`'s first capture group in `text`.
    func captures(_ pattern: String, in text: String) throws -> [String] {
        let regex = try NSRegularExpression(pattern: pattern)
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap {
            Range($0.range(at: 1), in: text).map { String(text[$0]) }
        }
    }

    @Test func theTimelineChartHasOneLanePerRegimeAndOneBarPerInterval() throws {
        let timeline = try Self.ledger.timeline(PartyID("hangzhou-hikvision"), now: Self.now)
        let html = TimelineReport.html([timeline], regimes: try Self.ledger.database.regimes(), now: Self.now)
        #expect(
            try captures(#"<g class="lane" data-lane="([^"]+)""#, in: html) == [
                "hangzhou-hikvision|ndaa-889", "hangzhou-hikvision|bis-entity-list",
                "hangzhou-hikvision|ofac-cmic-eo13959", "hangzhou-hikvision|ofac-ns-cmic",
            ])
        let bars = try captures(#"<rect class="bar[^"]*" (data-from="[^"]+" data-to="[^"]+")"#, in: html)
        #expect(
            bars == [
                #"data-from="2019-08-13" data-to="open""#, #"data-from="2019-10-09" data-to="open""#,
                #"data-from="2020-11-12" data-to="2021-06-03""#, #"data-from="2021-06-03" data-to="open""#,
            ])
        // escalations are outlined: every listing after the first regime
        #expect(try captures(#"<rect class="bar( escalation)?""#, in: html).filter { !$0.isEmpty }.count == 3)
        #expect(
            html.contains(
                "<title>bis-entity-list: listed 2019-10-09 as &#39;Hangzhou Hikvision Digital Technology Co., Ltd.&#39; (84 FR 54002)"
            ))
        #expect(
            !html.contains("<script") && !html.contains("http://fonts") && html.contains("@media print")
                && html.contains("max-width: 640px"))
    }

    @Test func severalPartiesShareOneAxis() throws {
        let parties = ["hangzhou-hikvision", "dahua-technology", "megvii", "sensetime"].map(PartyID.init(rawValue:))
        let timelines = try parties.map { try Self.ledger.timeline($0, now: Self.now) }
        let html = TimelineReport.html(timelines, regimes: try Self.ledger.database.regimes(), now: Self.now)
        let lanes = try captures(#"<g class="lane" data-lane="([^"]+)""#, in: html)
        #expect(lanes.count == timelines.map(\.regimes.count).reduce(0, +))
        #expect(html.components(separatedBy: "<svg").count == 2)  // one chart
        // the alias added by the SenseTime rename is a marker on its Entity List lane
        #expect(html.contains(#"<circle class="marker alias-added" data-date="2020-06-05""#))
    }

    @Test func theAuditReportListsExactlyTheTransactionsThatAreNotPermitted() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        var reader = try TransactionFile(path: root.appendingPathComponent("Examples/shipments.csv").path).reader()
        var transactions: [Transaction] = []
        while let next = try reader.next() {
            if case .success(let transaction) = next { transactions.append(transaction) }
        }
        var rescreener = Rescreener(snapshot: try Self.ledger.screeningSnapshot())
        let results = rescreener.process(transactions)
        var report = AuditReport()
        var summary = RescreenSummary()
        let sources = try Self.ledger.sources(of: results.flatMap { $0.matches.flatMap(\.events) })
        for (transaction, result) in zip(transactions, results) {
            report.add(transaction, result, sources: sources)
            summary.add(result)
        }
        let method = AuditReport.Method(
            ledgerPath: "x", sequence: 352, hash: "h", threshold: 0.9, reviewFloor: 0.8, normalizerVersion: 1,
            algorithm: .current,
            knownAt: nil, runAt: Self.now, input: "shipments.csv")
        let html = report.html(summary: summary, method: method)
        let listed = try captures(#"<section class="transaction" data-id="([^"]+)""#, in: html)
        let expected = zip(transactions, results).filter { $0.1.verdict != .permitted }.map(\.0.id)
        #expect(listed == expected)
        // 14 prohibited, 25 licence required, 13 review, and 41 unknown (2018, before the first SDN
        // publication, and January 2019, before the first date the ledger knows the FSE list from)
        #expect(listed.count == 90)
        #expect(
            try captures(#"data-verdict="([a-z-]+)">"#, in: html) == [
                "prohibited", "license-required", "review", "unknown", "permitted",
            ])
        #expect(html.contains("<h3>Coverage of the lists consulted</h3>"))
        #expect(html.contains("head hash <code>h</code>"))
        let markdown = report.markdown(summary: summary, method: method)
        #expect(markdown.components(separatedBy: "\n### T").count - 1 == 90)
        #expect(markdown.contains("| ofac-sdn | "))
    }

    @Test func hostileNamesCannotBreakOutOfTheReport() {
        let escaped = HTMLPage.escape("<script>alert(1)</script>\u{202E}txt.exe \"quoted\" & 'single'")
        #expect(
            escaped == "&lt;script&gt;alert(1)&lt;/script&gt;&#x202E;txt.exe &quot;quoted&quot; &amp; &#39;single&#39;")
    }

    @Test func theChangeDigestGroupsByRegimeAndNotice() throws {
        let diff = try Self.ledger.diff(from: EventFactory.day("2021-12-01"), to: EventFactory.day("2021-12-31"))
        let sources = try Self.ledger.sources(of: diff.changes.flatMap(\.events))
        let digest = ChangeDigest(diff: diff, sources: sources, regimes: try Self.ledger.database.regimes())
        let groups = digest.groups
        #expect(groups.map(\.regime.rawValue) == ["bis-dpl", "bis-entity-list", "ofac-ns-cmic", "ofac-sdn"])
        let cmic = try #require(groups.first { $0.regime == RegimeID("ofac-ns-cmic") })
        #expect(
            cmic.notices.map { $0.source?.citation ?? "" } == [
                "OFAC NS-CMIC List update of 2021-12-10", "OFAC NS-CMIC List update of 2021-12-16",
            ])
        let entityList = try #require(groups.first { $0.regime == RegimeID("bis-entity-list") })
        let rule = try #require(entityList.notices.first { $0.source?.citation == "86 FR 71557" })
        #expect(rule.changes.count == 40)  // 37 listings and the three Huawei Marine aliases
        // The daily SDN scrape shows OFAC's December actions, e.g. the GLOMAG designations of 2021-12-10
        let sdn = try #require(groups.first { $0.regime == RegimeID("ofac-sdn") })
        #expect(sdn.notices.contains { $0.source?.citation.contains("2021-12-10") == true })
        let markdown = digest.markdown()
        #expect(markdown.contains("### [86 FR 71557](https://www.federalregister.gov/citation/86-FR-71557)"))
    }
}
