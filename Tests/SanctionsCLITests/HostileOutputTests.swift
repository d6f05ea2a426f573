import Foundation
import SanctionsBenchmarks
import SanctionsCore
import SanctionsLedger
import SanctionsTestSupport
import Testing

/// Hostile strings in inputs stay inert in outputs: CSV injection neutralised, HTML escaped.
@Suite struct HostileOutputTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let hostile = root.appendingPathComponent("Tests/SanctionsLedgerTests/Fixtures/hostile/transactions.csv")
        .path

    @Test func formulaLikeCounterpartiesAreNeutralisedInCSVOutput() throws {
        let db = try TemporaryLedger.makeFolder().appendingPathComponent("l.sqlite").path
        let result = try CLIRunner().run(["rescreen", Self.hostile, "--db", db])
        #expect(result.status == 4, "\(result.stderr)")  // h5 is Hikvision behind a right-to-left override
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "id,date,counterparty,type,verdict,party,regime,matched_name,score,citation")
        #expect(lines.contains { $0.hasPrefix("h1,2020-01-01,'=cmd|' /C calc'!A0,payment,permitted") })
        #expect(lines.contains { $0.hasPrefix("h2,2020-01-01,\"'+SUM(1,2)\",payment") })
        #expect(lines.contains { $0.hasPrefix("h3,2020-01-01,'-2+3,payment") })
        #expect(lines.contains { $0.hasPrefix("h4,2020-01-01,\"'@HYPERLINK(\"\"http://evil\"\")\",payment") })
        #expect(lines.contains { $0.hasPrefix("h5,") && $0.contains(",license-required,hangzhou-hikvision") })
        #expect(result.stderr.contains("bad row: "))
        #expect(result.stderr.contains("3 bad rows"))
    }

    @Test func scriptTagsAreEscapedInTheHTMLReport() throws {
        let folder = try TemporaryLedger.makeFolder()
        let out = folder.appendingPathComponent("a.html").path
        _ = try CLIRunner().run([
            "rescreen", Self.hostile, "--db", folder.appendingPathComponent("l.sqlite").path, "--format", "html",
            "--out", out,
        ])
        let html = try String(contentsOfFile: out, encoding: .utf8)
        #expect(!html.contains("<script"))
        #expect(html.contains("&#x202E;"))
    }
}
