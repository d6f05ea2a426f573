import Foundation
import SanctionsCore
import SanctionsLedger
import SanctionsSync
import SanctionsTestSupport
import Testing

/// `sync` against a server on loopback serving fixture files: the first sync imports, a second with
/// nothing new appends nothing, a changed file is imported dated in the window since the last
/// check, and a truncated, damaged or failed download writes nothing.
@Suite(.serialized) struct SyncTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("SanctionsImportTests/Fixtures")

    let server: FixtureServer
    let sdn: [UInt8]
    let csl: [UInt8]

    init() throws {
        server = FixtureServer()
        try server.start()
        sdn = Array(try Data(contentsOf: Self.fixtures.appendingPathComponent("sdn-2021-08-18/sdn.csv")))
        csl = Array(try Data(contentsOf: Self.fixtures.appendingPathComponent("csl-2022-05-cut/consolidated.csv")))
        server.serve("SDN.CSV", sdn, etag: "\"sdn-1\"")
        server.serve("consolidated.csv", csl, etag: "\"csl-1\"")
    }

    var sources: SyncSources {
        SyncSources(sources: [
            .init(name: "ofac-sdn", format: .ofacCSV, files: [("sdn.csv", server.url("SDN.CSV"))]),
            .init(name: "csl", format: .csl, files: [("consolidated.csv", server.url("consolidated.csv"))]),
        ])
    }

    func time(_ text: String) -> LedgerTime { try! LedgerTime.parse(text) }  // swiftlint:disable:this force_try

    @Test func theFirstSyncImportsASecondAppendsNothingAndAChangeIsDatedSinceTheLastCheck() throws {
        defer { server.stop() }
        let ledger = try TemporaryLedger.makeCuratedNoticesOnly()
        let first = try ledger.sync(
            sources, scratch: try TemporaryLedger.makeFolder(), now: time("2026-11-30T06:00:00Z"))
        #expect(first.headAfter.sequence > first.headBefore.sequence)
        let sdnPublication = try #require(try ledger.publications(list: "ofac-sdn").last)
        #expect(sdnPublication.observation.sha256 == ChainHash.hex(ChainHash.sha256(sdn)))
        #expect(sdnPublication.instant == time("2026-11-30T06:00:00Z"))
        let listing = try #require(
            try ledger.events(EventFilter(kind: .listed)).last { $0.event.id.rawValue.hasPrefix("ofac-sdn:") })
        #expect(listing.event.source.url == server.url("SDN.CSV"))

        // Nothing new: conditional requests, 304, nothing appended
        let second = try ledger.sync(
            sources, scratch: try TemporaryLedger.makeFolder(), now: time("2026-11-30T12:00:00Z"))
        #expect(second.headAfter == second.headBefore)
        #expect(second.sources.allSatisfy { if case .unchanged = $0.status { true } else { false } })
        let lastTwo = server.recorded().suffix(2)
        #expect(lastTwo.allSatisfy { $0.conditional })

        // A new SDN file (one entry gone): imported, its change dated in (last check, now]
        let lines = String(decoding: sdn, as: UTF8.self).split(omittingEmptySubsequences: false) {
            $0 == "\n" || $0 == "\r\n"
        }
        let shorter = Array((lines.prefix(1) + lines.dropFirst(2)).joined(separator: "\r\n").utf8)
        server.serve("SDN.CSV", shorter, etag: "\"sdn-2\"")
        let third = try ledger.sync(
            sources, scratch: try TemporaryLedger.makeFolder(), now: time("2026-12-01T06:00:00Z"))
        #expect(
            third.headAfter.sequence > third.headBefore.sequence,
            "\(third.sources.map { "\($0.name) \($0.status) \($0.files)" })")
        let delisting = try #require(try ledger.events(EventFilter(kind: .delisted)).last?.event)
        // A stated day, the window's first (2026-11-30), but after the publication seen that morning
        #expect(delisting.effective == time("2026-11-30T06:00:01Z"))
        #expect(delisting.effectiveAfter == nil)
        #expect(try ledger.publications(list: "ofac-sdn").last?.observedAfter == time("2026-11-30T12:00:00Z"))
        guard case .unchanged = third.sources.first(where: { $0.name == "csl" })?.status else {
            Issue.record("the CSL did not change")
            return
        }
    }

    @Test(arguments: [FixtureServer.Fault.truncate, .wrongDigest, .serverError])
    func aBadDownloadWritesNothing(fault: FixtureServer.Fault) throws {
        defer { server.stop() }
        // The SDN file arrives intact; the CSL does not: neither is imported.
        server.serve("consolidated.csv", csl, etag: "\"csl-1\"", fault: fault)
        let ledger = try TemporaryLedger.makeCuratedNoticesOnly()
        let before = try LedgerFingerprint(ledger)
        #expect {
            try ledger.sync(sources, scratch: try TemporaryLedger.makeFolder(), now: time("2026-11-30T06:00:00Z"))
        } throws: { error in
            let text = "\(error)"
            switch fault {
            case .truncate: return text.contains("truncated") || text.contains("broke off")
            case .wrongDigest: return text.contains("the download is damaged")
            case .serverError: return text.contains("the server answered 500")
            }
        }
        #expect(try LedgerFingerprint(ledger) == before)
    }

    @Test func filesFetchedByOtherMeansAreTakenFromAFolder() throws {
        defer { server.stop() }
        let folder = try TemporaryLedger.makeFolder()
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("ofac-sdn"), withIntermediateDirectories: true)
        try Data(sdn).write(to: folder.appendingPathComponent("ofac-sdn/sdn.csv"))
        try Data(csl).write(to: folder.appendingPathComponent("consolidated.csv"))
        let ledger = try TemporaryLedger.makeCuratedNoticesOnly()
        let report = try ledger.sync(
            sources, from: folder.path, scratch: try TemporaryLedger.makeFolder(), now: time("2026-11-30T06:00:00Z"))
        #expect(report.sources.count == 2)
        #expect(report.sources.allSatisfy { if case .imported = $0.status { true } else { false } })
        #expect(server.recorded().isEmpty)
        // The same files again: nothing new
        let again = try ledger.sync(
            sources, from: folder.path, scratch: try TemporaryLedger.makeFolder(), now: time("2026-11-30T07:00:00Z"))
        #expect(again.headAfter == again.headBefore)
    }

    @Test func aSourcesFileNamesTheAddressesAndIsCheckedField() throws {
        defer { server.stop() }
        let fixture = try FileFixture()
        let good = try fixture.write(
            "sources.json",
            #"{"sources": [{"name": "csl", "format": "csl", "files": [{"name": "consolidated.csv", "url": "https://example.org/c.csv"}]}]}"#
        )
        #expect(try SyncSources.read(good).sources.first?.files.first?.url == "https://example.org/c.csv")
        let bad = try fixture.write(
            "bad.json",
            #"{"sources": [{"name": "csl", "format": "csv", "files": [{"name": "c.csv", "url": "https://example.org/c.csv"}]}]}"#
        )
        #expect { try SyncSources.read(bad) } throws: {
            "\($0)".contains("bad.json") && "\($0)".contains("'csv' is not one of")
        }
        let hostile = try fixture.write(
            "hostile.json",
            #"{"sources": [{"name": "csl", "format": "csl", "files": [{"name": "../x", "url": "file:///etc/passwd"}]}]}"#
        )
        #expect { try SyncSources.read(hostile) } throws: { "\($0)".contains("is not an http(s) address") }
    }
}
