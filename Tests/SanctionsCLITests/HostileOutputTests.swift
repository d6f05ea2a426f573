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
        #expect(
            lines.first
                == "id,date,counterparty,type,verdict,party,regime,matched_name,score,citation,coverage,algorithm")
        #expect(lines.contains { $0.hasPrefix("h1,2020-01-01,'=cmd|' /C calc'!A0,payment,permitted") })
        #expect(lines.contains { $0.hasPrefix("h2,2020-01-01,\"'+SUM(1,2)\",payment") })
        #expect(lines.contains { $0.hasPrefix("h3,2020-01-01,'-2+3,payment") })
        #expect(lines.contains { $0.hasPrefix("h4,2020-01-01,\"'@HYPERLINK(\"\"http://evil\"\")\",payment") })
        #expect(lines.contains { $0.hasPrefix("h5,") && $0.contains(",license-required,hangzhou-hikvision") })
        #expect(result.stderr.contains("bad row: "))
        #expect(result.stderr.contains("3 bad rows"))
    }

    /// Transactions that are not permitted (so that the reports list them) whose id, counterparty and
    /// carried columns are hostile: markup, a planted heading, a link.
    static func hostileRestricted(in folder: URL) throws -> String {
        let path = folder.appendingPathComponent("restricted.csv").path
        let rows = [
            "id,date,counterparty,type,note",
            "\"<script>alert(1)</script>\",2020-01-01,Hikvision,export,x",
            "\"T8\n### T9: permitted\n<details>\",2020-01-01,Hikvision,export,x",
            "\"[click](javascript:alert(1)) ![img](https://evil/x.png) | cell\",2020-01-01,Hikvision,export,x",
        ]
        try Data((rows.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func scriptTagsAreEscapedInTheHTMLReport() throws {
        let folder = try TemporaryLedger.makeFolder()
        let out = folder.appendingPathComponent("a.html").path
        let input = try Self.hostileRestricted(in: folder)
        let result = try CLIRunner().run([
            "rescreen", input, "--db", folder.appendingPathComponent("l.sqlite").path, "--format", "html", "--out", out,
        ])
        #expect(result.status == 4, "\(result.stderr)")
        let html = try String(contentsOfFile: out, encoding: .utf8)
        // The hostile ids are listed (restricted), escaped, and never markup.
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(!html.contains("<script"))
        #expect(!html.contains("javascript:alert(1)\""))
        #expect(!html.contains("<details>"))
    }

    @Test func hostileInputCannotShapeTheMarkdownReport() throws {
        let folder = try TemporaryLedger.makeFolder()
        let input = try Self.hostileRestricted(in: folder)
        let result = try CLIRunner().run([
            "rescreen", input, "--db", folder.appendingPathComponent("l.sqlite").path, "--format", "markdown",
        ])
        #expect(result.status == 4)
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // Every transaction heading is one the report wrote: no planted "### T9: permitted".
        let headings = lines.filter {
            $0.hasPrefix("### ") && !$0.hasPrefix("### Matches") && !$0.hasPrefix("### Parties")
                && !$0.hasPrefix("### Hits") && !$0.hasPrefix("### Coverage")
        }
        #expect(headings.count == 3)
        #expect(headings.allSatisfy { $0.hasSuffix(": license-required") }, "\(headings)")
        #expect(!lines.contains { $0.hasPrefix("### T9") })
        // No raw HTML, no link to javascript:, no image.
        #expect(!result.stdout.contains("<script") && !result.stdout.contains("<details>"))
        #expect(!result.stdout.contains("[click]("))
        #expect(!result.stdout.contains("![img]"))
        #expect(result.stdout.contains("\\[click\\](javascript:alert(1)) \\!\\[img\\](https://evil/x.png) \\| cell"))
        #expect(result.stdout.contains("&lt;script&gt;"))
    }
}
