import Foundation
import SanctionsBenchmarks
import SanctionsCore
import SanctionsImport
import SanctionsLedger
import SanctionsScreening
import SanctionsStore
import SanctionsTestSupport
import Testing

@Suite struct EventFileImportTests {
    static let regimes =
        #"{"regimes":[{"id":"bis-entity-list","name":"Entity List","authority":"BIS","description":"test","severity":2}]}"#

    static func notice(_ events: String, published: String = "2019-10-09") -> String {
        """
        {
          "notice": {"citation": "84 FR 54002", "authority": "BIS", "published": "\(published)", "effective": "2019-10-09"},
          "events": [
        \(events)
          ]
        }
        """
    }

    static let goodEvent =
        #"    {"id": "e1", "type": "listed", "party": "hikvision", "regime": "bis-entity-list", "name": "Hikvision"}"#

    /// A fixture folder with a regimes file and the given notice files.
    static func folder(_ files: [String: String]) throws -> FileFixture {
        let fixture = try FileFixture()
        try fixture.write("regimes.json", regimes)
        for (name, text) in files { try fixture.write(name, text) }
        return fixture
    }

    @Test func importsAFolderAndInheritsTheNoticeFields() throws {
        let fixture = try Self.folder(["n.json": Self.notice(Self.goodEvent)])
        let ledger = try TemporaryLedger.make()
        let report = try ledger.importFiles([fixture.folder.path])
        #expect(report.appended == 1)
        let stored = try #require(try ledger.database.storedEvents(EventFilter()).first)
        #expect(stored.event.source.citation == "84 FR 54002")
        #expect(stored.event.effective.description == "2019-10-09")
        #expect(try ledger.importFiles([fixture.folder.path]).appended == 0)
    }

    /// Each bad file, the rendered error it must produce (path relative to the fixture folder), and nothing written.
    static let badFiles: [(name: String, content: String, expected: String)] = [
        (
            "malformed.json", "{\n  \"notice\": {\n    \"citation\": \"x\",\n  }\n}",
            "malformed.json:4: malformed JSON: expected a member name in quotes (column 3)"
        ),
        (
            "truncated.json", notice(goodEvent).dropLast(20).description,
            "truncated.json:4: malformed JSON: unexpected end of input after member name 'name' (the file is truncated) (column 93)"
        ),
        (
            "unknown-type.json",
            notice(#"    {"id": "e2", "type": "sanctioned", "party": "p", "regime": "bis-entity-list", "name": "N"}"#),
            "unknown-type.json:4: field 'events[0].type': unknown event type 'sanctioned' (known: listed, delisted, alias-added, alias-removed, amended, escalated, rule-changed, corrected, retracted, observed)"
        ),
        (
            "unknown-regime.json",
            notice(#"    {"id": "e3", "type": "listed", "party": "p", "regime": "eu-list", "name": "N"}"#),
            "unknown-regime.json:4: field 'event 'e3'.regime': unknown regime 'eu-list' (declared: bis-entity-list, ofac-ns-cmic, ofac-sdn)"
        ),
        (
            "missing-name.json",
            notice(#"    {"id": "e4", "type": "listed", "party": "p", "regime": "bis-entity-list"}"#),
            "missing-name.json:4: field 'events[0].name': required field is missing"
        ),
        (
            "empty-name.json",
            notice(
                #"    {"id": "e5", "type": "listed", "party": "p", "regime": "bis-entity-list", "name": " \u200b "}"#),
            "empty-name.json:4: field 'events[0].name': must not be empty"
        ),
        (
            "bad-date.json",
            notice(
                #"    {"id": "e6", "type": "listed", "party": "p", "regime": "bis-entity-list", "name": "N", "effective": "2019-02-30"}"#
            ),
            "bad-date.json:4: field 'events[0].effective': '2019-02-30' is not a valid date: day 30 does not exist in that month"
        ),
        (
            "future.json", notice(goodEvent, published: "2030-01-01"),
            "future.json:4: field 'event 'e1'.published': published 2030-01-01 is after today (2026-01-01): the public cannot have known it yet"
        ),
        (
            "ancient.json", notice(goodEvent, published: "1899-01-01"),
            "ancient.json:4: field 'event 'e1'.published': published 1899-01-01 is before 1900-01-01"
        ),
        (
            "typo.json",
            notice(
                #"    {"id": "e7", "type": "listed", "party": "p", "regime": "bis-entity-list", "name": "N", "aliasses": ["X"]}"#
            ),
            "typo.json:4: field 'events[0].aliasses': unknown field (not part of this record type)"
        ),
        (
            "delist-unknown.json",
            notice(#"    {"id": "e8", "type": "delisted", "party": "nobody", "regime": "bis-entity-list"}"#),
            "delist-unknown.json:4: field 'event 'e8'': delists 'nobody', which is not designated on bis-entity-list on 2019-10-09"
        ),
        (
            "bad-party.json",
            notice(
                #"    {"id": "e9", "type": "listed", "party": "Not A Slug", "regime": "bis-entity-list", "name": "N"}"#),
            "bad-party.json:4: field 'events[0].party': 'Not A Slug' is not a valid party slug (lowercase letters, digits, '-', '.', '_')"
        ),
        (
            "nul.json",
            notice(
                #"    {"id": "e10", "type": "listed", "party": "p", "regime": "bis-entity-list", "name": "N\u0000"}"#),
            "nul.json:4: field 'events[0].name': text contains a NUL character"
        ),
    ]

    @Test(arguments: badFiles.indices)
    func badInputIsRefusedWithFileLineAndFieldAndWritesNothing(index: Int) throws {
        // Given a ledger with one good import and a folder with a good file and one bad file
        let bad = Self.badFiles[index]
        let ledger = try TemporaryLedger.make()
        try ledger.importFiles([
            try Self.folder([
                "a.json": Self.notice(
                    #"    {"id": "seed", "type": "listed", "party": "seed", "regime": "bis-entity-list", "name": "Seed"}"#
                )
            ]).folder.path
        ])
        let before = try LedgerFingerprint(ledger)
        let fixture = try Self.folder(["good.json": Self.notice(Self.goodEvent), bad.name: bad.content])
        // When the folder is imported
        // Then the error names the file, line and field, and the ledger is exactly as it was
        #expect {
            try ledger.importFiles([fixture.folder.path])
        } throws: { error in
            let rendered = "\(error)".replacingOccurrences(of: fixture.folder.path + "/", with: "")
            if rendered != bad.expected { Issue.record("got: \(rendered)") }
            return rendered == bad.expected
        }
        #expect(try LedgerFingerprint(ledger) == before)
        // And a later good import works
        #expect(
            try ledger.importFiles([try Self.folder(["good.json": Self.notice(Self.goodEvent)]).folder.path]).appended
                == 1)
    }

    @Test func aFileThatIsNotUTF8IsRefusedWithItsLine() throws {
        let fixture = try Self.folder([:])
        var bytes = Array(Self.notice(Self.goodEvent).utf8)
        let position = try #require(bytes.firstIndex(of: UInt8(ascii: "H")))
        bytes[position] = 0xC9  // "É" in Latin-1
        try fixture.write("latin1.json", bytes: bytes)
        let ledger = try TemporaryLedger.make()
        #expect {
            try ledger.importFiles([fixture.folder.path])
        } throws: { error in
            let error = error as? InputError
            return error?.code == .notUTF8 && error?.line == 4 && error?.file?.hasSuffix("latin1.json") == true
        }
        #expect(try ledger.database.head().sequence == 0)
        // declared by the test ledger itself, not by the failed import
        #expect(try ledger.database.regimes().isEmpty == false)
    }

    @Test func aConflictingIDInASecondImportNamesTheFileOfTheNewEvent() throws {
        let ledger = try TemporaryLedger.make()
        try ledger.importFiles([try Self.folder(["a.json": Self.notice(Self.goodEvent)]).folder.path])
        let fixture = try Self.folder([
            "b.json": Self.notice(
                #"    {"id": "e1", "type": "listed", "party": "hikvision", "regime": "bis-entity-list", "name": "Hikvision Renamed"}"#
            )
        ])
        #expect {
            try ledger.importFiles([fixture.folder.path])
        } throws: { error in
            "\(error)".hasSuffix(
                "b.json:4: field 'event 'e1'.id': event id 'e1' is already in the ledger with different content (events are immutable: append a 'corrected' event instead)"
            )
        }
    }

    @Test func aMissingPathIsReported() throws {
        let ledger = try TemporaryLedger.make()
        #expect { try ledger.importFiles(["/nonexistent/events"]) } throws: {
            "\($0)" == "/nonexistent/events: no such file or folder"
        }
    }
}
