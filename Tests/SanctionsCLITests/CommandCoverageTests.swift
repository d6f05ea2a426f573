import Foundation
import SanctionsLedger
import SanctionsTestSupport
import Testing

/// Every command and every exit code through the real binary (issue 23): what each prints,
/// writes and exits with, on small ledgers made for the purpose.
@Suite struct CommandCoverageTests {
    let folder: URL
    let db: String
    let cli = CLIRunner()

    init() throws {
        folder = try TemporaryLedger.makeFolder()
        db = folder.appendingPathComponent("ledger.sqlite").path
    }

    func write(_ name: String, _ text: String) throws -> String {
        let path = folder.appendingPathComponent(name).path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// A notice file of events on the SDN list and the Entity List (the default ledger's rules apply).
    func notice(_ name: String, published: String, _ events: [String]) throws -> String {
        try write(
            name,
            """
            {"notice": {"citation": "TEST \(name)", "authority": "TEST", "published": "\(published)", "effective": "\(published)"},
             "events": [\(events.joined(separator: ",\n"))]}
            """)
    }

    func listed(_ id: String, _ party: String, _ regime: String, _ name: String) -> String {
        #"{"id": "\#(id)", "type": "listed", "party": "\#(party)", "regime": "\#(regime)", "name": "\#(name)"}"#
    }

    func delisted(_ id: String, _ party: String, _ regime: String) -> String {
        #"{"id": "\#(id)", "type": "delisted", "party": "\#(party)", "regime": "\#(regime)"}"#
    }

    // MARK: - lookback, by sequence and by date, every kind of change

    @Test func lookbackReportsEveryKindOfChangeWithItsCause() throws {
        #expect(try cli.run(["init", "--db", db]).status == 0)
        let before = try notice(
            "before.json", published: "2022-01-10",
            [
                listed("a1", "t-alpha", "bis-entity-list", "Alpha Optics Holdings"),
                listed("b1", "t-beta", "ofac-sdn", "Zyqorbel Vantrix Lines"),
                listed("c1", "t-gamma", "ofac-sdn", "Gamma Petrochem Trading"),
            ])
        #expect(try cli.run(["import", "--db", db, before]).status == 0)
        let head = try #require(
            Int(
                try cli.run(["stats", "--db", db, "--format", "json"]).stdout.split(separator: "\"lastSequence\": ")
                    .last?.prefix { $0.isNumber } ?? ""))
        let after = try notice(
            "after.json", published: "2022-03-01",
            [
                listed("a2", "t-alpha", "ofac-sdn", "Alpha Optics Holdings"),  // escalated: licence -> prohibited
                delisted("b2", "t-beta", "ofac-sdn"),  // cleared
                delisted("c2", "t-gamma", "ofac-sdn"),
                listed("c3", "t-gamma", "bis-entity-list", "Gamma Petrochem Trading"),  // relaxed
                listed("d1", "t-delta", "ofac-sdn", "Delta Orbital Systems"),  // newly hit
            ])
        #expect(try cli.run(["import", "--db", db, after]).status == 0)
        let transactions = try write(
            "tx.csv",
            """
            id,date,counterparty,type
            T1,2022-06-01,Alpha Optics Holdings,export
            T2,2022-06-01,Zyqorbel Vantrix Lines,export
            T3,2022-06-01,Gamma Petrochem Trading,export
            T4,2022-06-01,Delta Orbital Systems,export
            T5,2022-06-01,Unrelated Bakery,export
            T6,2015-01-01,Delta Orbital Systems,export
            """)
        let bySequence = try cli.run([
            "lookback", transactions, "--db", db, "--after-sequence", String(head), "--format", "csv",
        ])
        #expect(bySequence.status == 4, "\(bySequence.stderr)")
        let rows = bySequence.stdout.split(separator: "\n").map(String.init)
        #expect(
            rows.contains {
                $0.hasPrefix("T1,2022-06-01,Alpha Optics Holdings,export,license-required,prohibited,escalated,")
                    && $0.contains("a2")
            })
        #expect(
            rows.contains {
                $0.hasPrefix("T2,2022-06-01,Zyqorbel Vantrix Lines,export,prohibited,permitted,cleared,")
                    && $0.contains("b2")
            })
        #expect(
            rows.contains {
                $0.hasPrefix("T3,2022-06-01,Gamma Petrochem Trading,export,prohibited,license-required,relaxed,")
            })
        #expect(
            rows.contains {
                $0.hasPrefix("T4,2022-06-01,Delta Orbital Systems,export,permitted,prohibited,newly-hit,")
                    && $0.contains("TEST after.json")
            })
        #expect(!rows.contains { $0.hasPrefix("T5,") || $0.hasPrefix("T6,") })
        #expect(
            bySequence.stderr.contains(
                "6 transactions compared, 4 changed (newly-hit 1, escalated 1, relaxed 1, cleared 1)"),
            "\(bySequence.stderr)")
        // By date: the same four, as known before the second notice was published.
        let byDate = try cli.run(["lookback", transactions, "--db", db, "--since", "2022-02-01", "--format", "json"])
        #expect(byDate.stdout.components(separatedBy: "\"change\"").count - 1 == 4)
        // A window of days before today keeps none of these (all are years old): nothing changed, exit 0.
        let windowed = try cli.run(["lookback", transactions, "--db", db, "--since", "2022-02-01", "--window", "30"])
        #expect(windowed.status == 0)
        #expect(windowed.stderr.contains("0 transactions compared"))
    }

    // MARK: - screen and rescreen: exit codes, names file, strict, threads

    @Test func screenExitCodesFollowTheWorstVerdict() throws {
        #expect(try cli.run(["init", "--db", db]).status == 0)
        #expect(try cli.run(["screen", "Unrelated Bakery", "--on", "2022-01-01", "--db", db]).status == 0)
        let review = try cli.run([
            "screen", "Xinjiang Public Bureau", "--on", "2022-01-01", "--type", "payment", "--db", db,
        ])
        #expect(review.status == 3)
        #expect(review.stdout.contains("REVIEW for payment"))
        #expect(try cli.run(["screen", "Hikvision", "--on", "2022-01-01", "--db", db]).status == 4)
        // A names file, one per line: the worst verdict decides.
        let names = try write("names.txt", "Unrelated Bakery\nXinjiang Public Bureau\n")
        let fromFile = try cli.run([
            "screen", "--names-file", names, "--on", "2022-01-01", "--type", "payment", "--db", db, "--format", "json",
        ])
        #expect(fromFile.status == 3)
        #expect(fromFile.stdout.components(separatedBy: "\"verdict\"").count - 1 == 2)
        // No name at all is a usage error.
        #expect(try cli.run(["screen", "--names-file", try write("empty.txt", ""), "--db", db]).status == 64)
    }

    @Test func rescreenIsTheSameOnOneThreadAndOnTwoAndStrictStopsAtABadRow() throws {
        #expect(try cli.run(["init", "--db", db]).status == 0)
        let shipments = HostileOutputTests.root.appendingPathComponent("Examples/shipments.csv").path
        let one = try cli.run(["rescreen", shipments, "--db", db, "--threads", "1", "--format", "json"])
        let two = try cli.run(["rescreen", shipments, "--db", db, "--threads", "2", "--format", "json"])
        #expect(one.status == 4)
        #expect(one.stdout == two.stdout)
        let bad = try write(
            "bad.csv",
            "id,date,counterparty,type\nt1,2020-01-01,Zyqorbel Vantrix Bakery,export\nt2,2020-02-30,Zyqorbel Vantrix Bakery,export\n"
        )
        let lenient = try cli.run(["rescreen", bad, "--db", db])
        #expect(lenient.status == 0)
        #expect(lenient.stderr.contains("bad row: \(bad):3: field 'date'"))
        let strict = try cli.run(["rescreen", bad, "--db", db, "--strict"])
        #expect(strict.status == 2)
        #expect(strict.stdout.isEmpty)
    }

    /// `--algorithm` chooses the matcher (issue 15); every output names the one that answered, so an
    /// answer made with an older matcher can be reproduced exactly.
    @Test func theMatcherIsChosenByNameAndNamedInEveryOutput() throws {
        #expect(try cli.run(["init", "--db", db]).status == 0)
        // A title is free to the second matcher only: the first sees "Dr." as a word of the name.
        let query = ["screen", "Dr. Hikvision", "--on", "2022-01-01", "--db", db, "--format", "json"]
        let second = try cli.run(query)
        #expect(second.status == 4)
        #expect(second.stdout.contains("\"algorithm\": \"name-tokens-v2\""))
        #expect(second.stdout.contains("\"role\": \"title\""), "the explanation names the title it ignored")
        let first = try cli.run(query + ["--algorithm", "name-tokens-v1"])
        #expect(first.status == 0)
        #expect(first.stdout.contains("\"algorithm\": \"name-tokens-v1\""))
        let unknown = try cli.run(query + ["--algorithm", "name-tokens-v9"])
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("'name-tokens-v1' and 'name-tokens-v2'"), "\(unknown.stderr)")
        // Rescreen: a column in CSV, and the method of the audit report with the command that reproduces it.
        let shipments = try write(
            "shipments.csv",
            "id,date,counterparty,type\nt1,2022-01-01,Dr. Hikvision,export\nt2,2022-01-01,Hikvision,export\n"
                + "t3,2022-01-01,Unrelated Bakery,export\n")
        let csv = try cli.run(["rescreen", shipments, "--db", db, "--algorithm", "name-tokens-v1"]).stdout
        let rows = csv.split(separator: "\n")
        #expect(rows.first?.hasSuffix(",coverage,algorithm") == true)
        #expect(rows.count == 4 && rows.dropFirst().allSatisfy { $0.hasSuffix(",name-tokens-v1") }, "\(csv)")
        #expect(rows.contains { $0.hasPrefix("t1,2022-01-01,Dr. Hikvision,export,permitted,") })
        let report = try cli.run([
            "rescreen", shipments, "--db", db, "--algorithm", "name-tokens-v1", "--format", "markdown",
        ]).stdout
        #expect(report.contains("name matcher name-tokens-v1"))
        #expect(report.contains("--algorithm name-tokens-v1"))
    }

    // MARK: - the ledger's own clock

    @Test func recordedAtAndAsOfSequenceShowWhatTheLedgerSaidThen() throws {
        #expect(try cli.run(["init", "--db", db, "--empty"]).status == 0)
        let rules = try cli.eventCount(db)  // the embedded rules an empty ledger starts with
        let first = try notice("first.json", published: "2020-01-01", [listed("x1", "t-x", "ofac-sdn", "Xylo Metals")])
        #expect(try cli.run(["import", "--db", db, first]).status == 0)
        let events = try cli.run(["events", "--db", db, "--format", "json"]).stdout
        let firstRecorded = try #require(
            events.components(separatedBy: "\"recorded\": \"").dropFirst().last?.prefix(20))
        Thread.sleep(forTimeInterval: 1.2)
        let second = try notice(
            "second.json", published: "2020-01-01", [listed("y1", "t-y", "ofac-sdn", "Yonder Freight")])
        #expect(try cli.run(["import", "--db", db, second]).status == 0)
        func parties(_ extra: [String]) throws -> [String] {
            try cli.run(["list", "--db", db, "--on", "2021-01-01", "--format", "csv"] + extra).stdout.split(
                separator: "\n"
            ).dropFirst().map { String($0.prefix { $0 != "," }) }
        }
        #expect(try parties([]) == ["t-x", "t-y"])
        #expect(try parties(["--recorded-at", String(firstRecorded)]) == ["t-x"])
        #expect(try parties(["--as-of-sequence", String(rules + 1)]) == ["t-x"])
        #expect(try parties(["--as-of-sequence", String(rules)]).isEmpty)
        #expect(
            try cli.run(["list", "--db", db, "--as-of-sequence", "1", "--recorded-at", String(firstRecorded)]).status
                == 64)
    }

    // MARK: - verify, rebuild, stats, events, list, timeline

    @Test func theLedgerCommandsAnswerAndRefuseUnknownNames() throws {
        #expect(try cli.run(["init", "--db", db]).status == 0)
        let rebuild = try cli.run(["rebuild", "--db", db])
        #expect(rebuild.status == 0)
        let events = try cli.run(["stats", "--db", db, "--format", "json"]).stdout
        let count = try #require(events.split(separator: "\"events\": ").dropFirst().first?.prefix { $0.isNumber })
        #expect(rebuild.stdout.hasPrefix("rebuilt from \(count) events"), "\(rebuild.stdout)")
        let stats = try cli.run(["stats", "--db", db])
        let head = try #require(
            stats.stdout.split(separator: "\n").first { $0.hasPrefix("head:") }?.split(separator: " ").dropFirst().first
            { !$0.isEmpty })
        #expect(try cli.run(["verify", "--db", db, "--expect", String(head)]).status == 0)
        #expect(
            try cli.run(["verify", "--db", db, "--expect", "999:" + String(repeating: "0", count: 64)]).status == 1)
        #expect(try cli.run(["verify", "--db", db, "--expect", "bogus"]).status == 2)
        for format in ["table", "json", "csv"] {
            #expect(
                try cli.run(["list", "--db", db, "--on", "2022-01-01", "--party", "dji", "--format", format]).stdout
                    .contains("DJI"))
        }
        let unknownRegime = try cli.run(["list", "--db", db, "--regime", "no-such-list"])
        #expect(unknownRegime.status == 2)
        #expect(unknownRegime.stderr.contains("unknown regime 'no-such-list' (declared: bis-dpl"))
        let unknownParty = try cli.run(["events", "--db", db, "--party", "zzqx-nobody"])
        #expect(unknownParty.status == 2)
        #expect(unknownParty.stderr.contains("no party is or was listed as 'zzqx-nobody'"))
        // Several parties as one JSON array, a party found by a listed name.
        let timelines = try cli.run(["timeline", "dji", "SenseTime Group Limited", "--db", db, "--format", "json"])
        #expect(timelines.status == 0)
        #expect(timelines.stdout.hasPrefix("[\n"))
        #expect(try JSONSerialization.jsonObject(with: Data(timelines.stdout.utf8)) is [Any])
        #expect(try cli.run(["timeline", "--db", db]).status == 64)
    }

    // MARK: - snapshot series: import, verify, resume

    @Test func aSeriesImportsVerifiesAndResumesAfterAnInterruption() throws {
        #expect(try cli.run(["init", "--db", db, "--empty"]).status == 0)
        let publications = try SharedData.dailySnapshots().prefix(3)
        let series = folder.appendingPathComponent("series")
        try FileManager.default.createDirectory(at: series, withIntermediateDirectories: true)
        for publication in publications {
            try FileManager.default.createSymbolicLink(
                at: series.appendingPathComponent(publication.file.lastPathComponent),
                withDestinationURL: publication.file)
        }
        // An import that got through the first publication only (as an interrupted one does)
        let first = folder.appendingPathComponent("first")
        try FileManager.default.createDirectory(at: first, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            at: first.appendingPathComponent(publications[publications.startIndex].file.lastPathComponent),
            withDestinationURL: publications[publications.startIndex].file)
        #expect(try cli.run(["import-snapshots", first.path, "--db", db]).status == 0)
        // Rerun on the whole series: the first is skipped, the rest imported, then checked.
        let resumed = try cli.run(["import-snapshots", series.path, "--db", db, "--verify"])
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(resumed.stdout.contains("imported 2 publications, skipped 1 already imported"), "\(resumed.stdout)")
        #expect(resumed.stdout.contains("checked 3 publications"))
        #expect(resumed.stdout.contains(": 0 mismatches"))
        // A publication the ledger does not reproduce is a mismatch: exit 1.
        let wrong = folder.appendingPathComponent("wrong")
        try FileManager.default.createDirectory(at: wrong, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            at: wrong.appendingPathComponent("sdn-2021-12-17T184921Z.csv.gz"),
            withDestinationURL: publications[publications.startIndex].file)
        let mismatch = try cli.run(["verify-snapshots", wrong.path, "--db", db])
        #expect(mismatch.status == 1)
        #expect(mismatch.stderr.contains("mismatch at 2021-12-17T18:49:21Z"))
    }

    @Test func aManifestThatContradictsTheFileNameIsRefused() throws {
        #expect(try cli.run(["init", "--db", db, "--empty"]).status == 0)
        let rules = try cli.eventCount(db)
        let publication = try #require(try SharedData.dailySnapshots().first)
        let series = folder.appendingPathComponent("series")
        try FileManager.default.createDirectory(at: series, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            at: series.appendingPathComponent(publication.file.lastPathComponent), withDestinationURL: publication.file)
        let manifest = try write(
            "MANIFEST.tsv", "file\tcommit_time_utc\n\(publication.file.lastPathComponent)\t2021-08-21T00:00:00Z\n")
        let result = try cli.run(["import-snapshots", series.path, "--manifest", manifest, "--db", db])
        #expect(result.status == 2)
        #expect(
            result.stderr.contains(
                "the manifest times the file at 2021-08-21T00:00:00Z, its name at 2021-08-18T09:39:01Z"),
            "\(result.stderr)")
        #expect(try cli.eventCount(db) == rules)
    }

    // MARK: - busy, conflicts, usage

    @Test func aBusyLedgerStillAnswersReadersAndRefusesAWriterWithExit5() throws {
        #expect(try cli.run(["init", "--db", db]).status == 0)
        // Given another process holding the write lock
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        holder.arguments = ["sqlite3", db]
        let input = Pipe()
        holder.standardInput = input
        holder.standardOutput = FileHandle.nullDevice
        try holder.run()
        input.fileHandleForWriting.write(
            Data("BEGIN IMMEDIATE;\nINSERT INTO ledgerMeta (key, value) VALUES ('held', 'yes');\n".utf8))
        Thread.sleep(forTimeInterval: 0.5)
        defer {
            try? input.fileHandleForWriting.close()
            holder.waitUntilExit()
        }
        // Then readers answer, and a writer gives up with exit 5 and says why
        #expect(try cli.run(["stats", "--db", db]).status == 0)
        #expect(try cli.run(["screen", "Hikvision", "--on", "2022-01-01", "--db", db]).status == 4)
        let event =
            #"{"id": "busy-1", "type": "listed", "party": "t-busy", "regime": "ofac-sdn", "effective": "2020-01-01", "published": "2020-01-01", "source": {"citation": "T"}, "name": "Busy Trading"}"#
        let writer = try cli.run(["append", "--db", db, "--busy-timeout", "1"], stdin: event)
        #expect(writer.status == 5)
        #expect(writer.stderr.contains("the ledger is busy"), "\(writer.stderr)")
        #expect(holder.isRunning)
    }

    @Test func anExpectedSequenceThatMovedIsAConflictAndUsageErrorsExit64() throws {
        #expect(try cli.run(["init", "--db", db]).status == 0)
        let event =
            #"{"id": "c-1", "type": "listed", "party": "t-c", "regime": "ofac-sdn", "effective": "2020-01-01", "published": "2020-01-01", "source": {"citation": "T"}, "name": "Conflict Co"}"#
        let last = try #require(
            try cli.run(["stats", "--db", db, "--format", "json"]).stdout.split(separator: "\"lastSequence\": ")
                .dropFirst().first?.prefix { $0.isNumber })
        let conflict = try cli.run(["append", "--db", db, "--expect-sequence", "1"], stdin: event)
        #expect(conflict.status == 5)
        #expect(
            conflict.stderr.contains("write conflict: expected the ledger's last sequence to be 1, but it is \(last)"))
        #expect(try cli.run(["append", "--db", db, "--expect-sequence", String(last)], stdin: event).status == 0)
        #expect(try cli.run(["list", "--db", db, "--format", "markdown"]).status == 64)
        #expect(try cli.run(["no-such-command"]).status == 64)
        #expect(try cli.run(["rescreen", "x.csv", "--threshold", "0.3", "--db", db]).status == 64)
    }
}
