import Foundation
import SanctionsBenchmarks
import SanctionsCore
import SanctionsLedger
import SanctionsTestSupport
import Testing

/// Each HTML report, produced by the real binary, loads in a real headless browser (Debian's
/// chromium, installed by .ci/run) with its SVG in the rendered DOM, and renders to a PNG. Without
/// a browser the test fails (CI must not pass by skipping it), unless SANCTIONS_SKIP_BROWSER_TESTS=1
/// says the skip is wanted (a machine without chromium).
@Suite(.serialized) struct ReportBrowserTests {
    static func chromium() -> String? {
        for path in ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
        where FileManager.default.isExecutableFile(atPath: path) {
            return path
        }
        return nil
    }

    func run(_ executable: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    static let reports: [(name: String, arguments: [String], svgs: Int)] = [
        (
            "timeline",
            ["timeline", "hangzhou-hikvision", "dahua-technology", "megvii", "sensetime", "--format", "html"], 1
        ),
        (
            "audit",
            [
                "rescreen", HostileOutputTests.root.appendingPathComponent("Examples/shipments.csv").path, "--format",
                "html",
            ], 1
        ),
        ("digest", ["diff", "--from", "2021-11-01", "--to", "2021-12-31", "--format", "html"], 0),
    ]

    static var skipWanted: Bool { ProcessInfo.processInfo.environment["SANCTIONS_SKIP_BROWSER_TESTS"] == "1" }

    @Test(
        .disabled(if: skipWanted, "skipped on request (SANCTIONS_SKIP_BROWSER_TESTS=1)"),
        arguments: reports.indices)
    func theReportLoadsInAHeadlessBrowserWithItsChart(index: Int) throws {
        let report = Self.reports[index]
        let browser = try #require(
            Self.chromium(), "chromium is not installed (.ci/run installs it: apt-get install chromium)")
        let folder = try TemporaryLedger.makeFolder()
        let db = folder.appendingPathComponent("l.sqlite").path
        let html = folder.appendingPathComponent("\(report.name).html").path
        let result = try CLIRunner().run(report.arguments + ["--db", db, "--out", html])
        #expect([0, 4].contains(result.status), "\(result.stderr)")
        let flags = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--window-size=1200,1600"]
        let dom = try run(browser, flags + ["--dump-dom", "file://\(html)"])
        #expect(dom.status == 0)
        #expect(dom.output.contains("</html>"))
        #expect(dom.output.components(separatedBy: "<svg").count - 1 == report.svgs)
        if report.svgs > 0 { #expect(dom.output.contains("<rect")) }
        let png = folder.appendingPathComponent("\(report.name).png").path
        let screenshot = try run(browser, flags + ["--screenshot=\(png)", "file://\(html)"])
        #expect(screenshot.status == 0)
        let bytes = try #require(FileManager.default.contents(atPath: png))
        #expect(bytes.count > 10_000)
        #expect(Array(bytes.prefix(4)) == [0x89, 0x50, 0x4E, 0x47])
    }
}
