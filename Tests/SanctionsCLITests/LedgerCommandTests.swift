import ArgumentParser
import Foundation
import SanctionsBenchmarks
import SanctionsCore
import SanctionsLedger
import SanctionsTestSupport
import Testing

@testable import sanctions

@Suite struct LedgerCommandTests {
    @Test func parsesGlobalAndCommandOptions() throws {
        let command = try SanctionsCommand.parseAsRoot([
            "events", "--db", "/tmp/x.sqlite", "--party", "hangzhou-hikvision", "--format", "json",
        ])
        let events = try #require(command as? SanctionsCommand.Events)
        #expect(events.ledger.db == "/tmp/x.sqlite")
        #expect(events.party == "hangzhou-hikvision")
        #expect(events.format == .json)
    }

    @Test func refusesAnUnknownEventTypeFilter() {
        #expect {
            try SanctionsCommand.parseAsRoot(["events", "--type", "sanctioned"])
        } throws: { error in
            let message = SanctionsCommand.message(for: error)
            return message.contains("'sanctioned'") && message.contains("--type") && message.contains("listed")
        }
    }

    @Test func initImportVerifyAndEventsWorkEndToEnd() throws {
        let folder = try TemporaryLedger.makeFolder()
        let db = folder.appendingPathComponent("cli.sqlite").path
        var cli = CLIRunner()
        cli.seedFromTemplate = false  // init itself builds the ledger here
        // init builds the ledger from the embedded Events/
        let initResult = try cli.run(["init", "--db", db])
        #expect(initResult.status == 0, "\(initResult.stderr)")
        #expect(initResult.stdout.contains("events appended from the embedded Events/"))
        // events filters by party
        let events = try cli.run(["events", "--db", db, "--party", "hangzhou-hikvision"])
        #expect(events.status == 0)
        #expect(
            events.stdout.split(separator: "\n").contains {
                $0.contains("84FR54002-hangzhou-hikvision") && $0.contains(" listed ") && $0.contains("84 FR 54002")
            })
        #expect(events.stdout.contains("EO14032-annex-hangzhou-hikvision"))
        // verify passes
        let verify = try cli.run(["verify", "--db", db])
        #expect(verify.status == 0)
        #expect(verify.stdout.hasPrefix("intact: "))
    }

    @Test func appendHonoursTheExpectedSequence() throws {
        let folder = try TemporaryLedger.makeFolder()
        let db = folder.appendingPathComponent("cli.sqlite").path
        let cli = CLIRunner()
        #expect(try cli.run(["init", "--db", db, "--empty"]).status == 0)
        let head = try cli.eventCount(db)  // the embedded rules
        let event =
            #"{"id":"x1","type":"listed","party":"acme","regime":"bis-entity-list","effective":"2020-01-01","published":"2020-01-02","source":{"citation":"TEST"},"name":"Acme"}"#
        let first = try cli.run(["append", "--db", db, "--expect-sequence", String(head)], stdin: event)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout == "appended event 'x1' as sequence \(head + 1)\n")
        let stale = try cli.run(
            ["append", "--db", db, "--expect-sequence", String(head)],
            stdin: event.replacingOccurrences(of: "x1", with: "x2"))
        #expect(stale.status == 5)
        #expect(
            stale.stderr.contains(
                "write conflict: expected the ledger's last sequence to be \(head), but it is \(head + 1)"))
        let broken = try cli.run(["append", "--db", db], stdin: "{\"id\": ")
        #expect(broken.status == 2)
        #expect(broken.stderr.hasPrefix("error: <stdin>:1: malformed JSON"))
    }

    @Test func verifyExitsOneAndNamesTheBrokenLink() throws {
        let folder = try TemporaryLedger.makeFolder()
        let db = folder.appendingPathComponent("cli.sqlite").path
        let cli = CLIRunner()
        #expect(try cli.run(["init", "--db", db]).status == 0)
        let tamper = Process()
        tamper.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        tamper.arguments = [
            "sqlite3", db,
            "DROP TRIGGER event_no_update; UPDATE event SET canonical = replace(canonical, 'Hikvision', 'Hikvisiom') WHERE id = '84FR54002-hangzhou-hikvision';",
        ]
        try tamper.run()
        tamper.waitUntilExit()
        #expect(tamper.terminationStatus == 0)
        let verify = try cli.run(["verify", "--db", db])
        #expect(verify.status == 1)
        #expect(verify.stdout.hasPrefix("BROKEN at sequence "))
        #expect(verify.stdout.contains("hash does not match the stored event"))
    }
}

/// `import-snapshot --format ofac-xml` through the real binary: the ZIP OFAC publishes, dated by its own dataAsOf.
@Suite struct EnhancedXMLCommandTests {
    static let zip = HostileOutputTests.root.appendingPathComponent(
        "Tests/SanctionsImportTests/Fixtures/ofac-cons-enhanced-2025-01-cut/CONS_ENHANCED.ZIP"
    ).path

    @Test func importsTheZippedPublicationAndRefusesAMissingDate() throws {
        let db = try TemporaryLedger.makeFolder().appendingPathComponent("xml.sqlite").path
        let cli = CLIRunner()
        // The default ledger holds the consolidated list's own history up to 2025-12: the cut of
        // 2025-01-10 goes into a ledger of the curated notices only.
        #expect(try cli.run(["init", "--db", db, "--curated-only"]).status == 0)
        let dry = try cli.run(["import-snapshot", "--db", db, Self.zip, "--format", "ofac-xml", "--dry-run"])
        #expect(dry.status == 0, "\(dry.stderr)")
        #expect(
            dry.stdout.contains(
                "4 entries on ofac-cap, ofac-fse, ofac-ns-cmic, ofac-ns-mbs, ofac-ns-plc, ofac-ssi in OFAC consolidated (non-SDN) list (CONS_ENHANCED.ZIP:CONS_ENHANCED.XML) of 2025-01-10"
            ))
        // The cut holds 4 of the 443 entities: the 11 curated NS-CMIC parties it lacks are delisted
        // (too few for the mass-removal guard, which starts above 25).
        #expect(dry.stdout.contains("would append 22 events"))  // and one observation per consolidated regime
        #expect(dry.stdout.contains("observed: 6"))
        #expect(dry.stdout.contains("delisted: 11"))
        let real = try cli.run(["import-snapshot", "--db", db, Self.zip, "--format", "ofac-xml"])
        #expect(real.stdout.contains("appended 22 events"))
        let screen = try cli.run([
            "screen", "--db", db, "深圳市大疆创新科技有限公司", "--on", "2025-02-01", "--type", "securities-purchase",
        ])
        #expect(screen.status == 4)
        #expect(screen.stdout.contains("PROHIBITED") && screen.stdout.contains("CONS_ENHANCED.XML) of 2025-01-10"))
        // The CSV formats have no date of their own.
        let undated = try cli.run(["import-snapshot", "--db", db, "Tests", "--format", "ofac-csv"])
        #expect(undated.status == 64)
        #expect(undated.stderr.contains("--published is required for --format ofac-csv"))
    }
}
