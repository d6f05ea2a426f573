import Foundation
import SanctionsBenchmarks
import SanctionsCore
import SanctionsLedger
import SanctionsTestSupport
import Testing

/// The binary is self-contained (issue 21): copied alone to another folder, as an install to
/// `/usr/local/bin` does, it builds the default ledger and answers, with no resource bundle beside it.
@Suite struct InstalledBinaryTests {
    @Test func aCopiedBinaryBuildsTheDefaultLedgerAndScreens() throws {
        let folder = try TemporaryLedger.makeFolder()
        let installed = folder.appendingPathComponent("bin/sanctions")
        try FileManager.default.createDirectory(
            at: installed.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: CLIRunner.binary, to: installed)
        let db = folder.appendingPathComponent("ledger.sqlite").path
        var runner = CLIRunner()
        runner.binary = installed
        runner.seedFromTemplate = false  // the installed binary builds the ledger from what it embeds
        let built = try runner.run(["init", "--db", db])
        #expect(built.status == 0, "\(built.stderr)")
        #expect(built.stdout.contains("events appended from the embedded Events/"))
        let screened = try runner.run(["screen", "Hikvision", "--on", "2020-01-01", "--db", db])
        #expect(screened.status == 4)
        #expect(screened.stdout.contains("LICENSE-REQUIRED"))
        #expect(try runner.run(["verify", "--db", db]).status == 0)
    }
}
