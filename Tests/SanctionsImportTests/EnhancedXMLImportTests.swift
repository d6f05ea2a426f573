import Foundation
import SanctionsCore
import SanctionsImport
import SanctionsLedger
import SanctionsStore
import SanctionsTestSupport
import Testing

/// OFAC's Enhanced XML consolidated list of 2025-01-10 (CONS_ENHANCED.XML, cut to four real
/// entities: DJI on the NS-CMIC list, ZAHHAR on the PLC list with weak aliases and only a region,
/// KAYAKIRAN on the FSE list, Bank of Kunlun on the menu-based list with two f.k.a. names).
@Suite struct EnhancedXMLImportTests {
    static let folder = OFACCSVParserTests.fixture("ofac-cons-enhanced-2025-01-cut")
    static let xml = folder + "/CONS_ENHANCED.XML"

    func parsed() throws -> [String: OFACEntry] {
        let result = try OFACEnhancedXMLParser.parse(
            Array(try Data(contentsOf: URL(fileURLWithPath: Self.xml))), file: Self.xml)
        #expect(result.dataAsOf == (try LedgerTime.parse("2025-01-10")))
        return Dictionary(uniqueKeysWithValues: result.entries.map { ($0.number, $0) })
    }

    @Test func entitiesAreReadLikeTheLegacyFiles() throws {
        let entries = try parsed()
        #expect(entries.keys.sorted() == ["15268", "26182", "33111", "9647"])
        let dji = try #require(entries["33111"])
        #expect(dji.name == "SZ DJI TECHNOLOGY CO., LTD.")
        #expect(dji.type == .entity)
        #expect(dji.programs == ["CMIC-EO13959"])
        #expect(dji.aliases.map(\.name) == ["深圳市大疆创新科技有限公司"])  // the Chinese translation of the name
        #expect(
            dji.addresses == [
                "14 F, West Block of Skyworth Semiconductor Design Building, No. 18 Gaoxin South 4th Road, Nanshan District, Shenzhen, Guangdong 518057, China"
            ])
        #expect(dji.remarks?.contains("Listing Date (CMIC) 16 Dec 2021") == true)
        #expect(dji.remarks?.contains("Unified Social Credit Code (USCC) 914403007954257495 (China)") == true)
        let zahhar = try #require(entries["9647"])
        #expect(zahhar.type == .individual)
        #expect(zahhar.aliases.filter(\.weak).map(\.name) == ["ZAHAR, Mahmoud", "AL-ZAHAR, Mahmoud"])
        #expect(zahhar.aliases.filter { !$0.weak }.map(\.name) == ["AL ZAHAR, Mahmoud Khaled"])
        #expect(zahhar.country == "Region: Gaza")
        #expect(zahhar.remarks?.hasPrefix("DOB 1945; POB Gaza Strip") == true)
        let kunlun = try #require(entries["15268"])
        #expect(
            kunlun.aliases.filter { $0.kind == .fka }.map(\.name) == [
                "KARAMAY URBAN CREDIT COOPERATIVES", "KARAMAY CITY COMMERCIAL BANK CO LTD.",
            ])
    }

    @Test func importingLinksByEntryNumberAndReadsTheCMICDates() throws {
        let ledger = try TemporaryLedger.makeCuratedNoticesOnly()
        let snapshot = try ledger.readOFACEnhancedXMLSnapshot(
            path: Self.xml, source: "ofac-consolidated", published: nil, effective: nil)
        #expect(snapshot.published == (try LedgerTime.parse("2025-01-10")))
        #expect(snapshot.citation == "OFAC consolidated (non-SDN) list (CONS_ENHANCED.XML) of 2025-01-10")
        let report = try ledger.importSnapshot(snapshot)
        // DJI is curated (NS-CMIC since 2021-12-16): amended and given its Chinese name, not listed again.
        #expect(report.byKind[.listed] == 3)
        #expect(report.byKind[.amended] == 1)
        #expect(report.byKind[.aliasAdded] == 1)
        let on = AsOf(on: try .parse("2025-02-01"))
        let dji = try #require(try ledger.list(asOf: on, regime: RegimeID("ofac-ns-cmic"), party: PartyID("dji")).first)
        #expect(dji.segment.details.milestones?["purchase-prohibited"] == (try LedgerTime.parse("2022-02-14")))
        #expect(dji.segment.details.milestones?["divestment-ends"] == (try LedgerTime.parse("2022-12-16")))
        #expect(dji.aliases.contains { $0.name == "深圳市大疆创新科技有限公司" })
        #expect(try ledger.list(asOf: on, regime: RegimeID("ofac-fse")).map(\.listedName) == ["KAYAKIRAN, Evren"])
        #expect(
            try ledger.list(asOf: on, regime: RegimeID("ofac-ns-plc")).map(\.listedName) == ["ZAHHAR, Mahmoud Khaled"])
        // The same publication again, this time from the ZIP OFAC publishes: nothing to append.
        let zipped = try ledger.readOFACEnhancedXMLSnapshot(
            path: Self.folder + "/CONS_ENHANCED.ZIP", source: "ofac-consolidated", published: nil, effective: nil)
        #expect(zipped.entries.map(\.details) == snapshot.entries.map(\.details))
        #expect(try ledger.importSnapshot(zipped).appended == 0)
        #expect(try ledger.database.verifyChain().isIntact)
    }

    /// Ways a publication can be damaged, with the message each must produce.
    enum Damage: String, CaseIterable, Sendable {
        case truncated, cutAfterAnEntity, unknownType, duplicateID, notOFAC, entityExpansion, processingInstruction,
            emptyProcessingInstruction

        func apply(_ text: String) -> String {
            switch self {
            case .truncated: String(text.prefix(text.count / 2))
            // well-formed so far: libxml2 alone would accept it
            case .cutAfterAnEntity: String(text[..<text.range(of: "</entity>")!.upperBound])
            case .unknownType:
                text.replacingOccurrences(of: ">Individual</entityType>", with: ">Partnership</entityType>")
            case .duplicateID: text.replacingOccurrences(of: "<entity id=\"15268\">", with: "<entity id=\"33111\">")
            case .notOFAC: "<?xml version=\"1.0\"?>\n<rss><channel/></rss>\n"
            case .processingInstruction:
                text.replacingOccurrences(of: "<entities>", with: "<entities><?php system('x') ?>")
            // The fuzzer's find: FoundationXML crashes (strlen of NULL) on a processing instruction without data.
            case .emptyProcessingInstruction: "<?xmsio8?>\n<sanctionsData!m>\n  <entities>\n   <entity id=\"11\">\n"
            case .entityExpansion:
                text.replacingOccurrences(
                    of: "<sanctionsData ",
                    with:
                        "<!DOCTYPE sanctionsData [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]>\n<sanctionsData "
                )
            }
        }

        var message: String {
            switch self {
            case .truncated, .cutAfterAnEntity: "truncated"
            case .unknownType: "field 'entityType': entity 9647 has the unknown entityType 'Partnership'"
            case .duplicateID: "field 'entity/@id': duplicate entity id 33111"
            case .notOFAC: "not an OFAC Enhanced XML publication"
            case .entityExpansion: "a DTD or entity declaration"
            case .processingInstruction, .emptyProcessingInstruction: "a processing instruction"
            }
        }
    }

    @Test(arguments: Damage.allCases)
    func badPublicationsAreRefusedWithTheirLineAndWriteNothing(damage: Damage) throws {
        let name = damage.rawValue
        let message = damage.message
        let ledger = try TemporaryLedger.makeCuratedNoticesOnly()
        let before = try LedgerFingerprint(ledger)
        let fixture = try FileFixture()
        let path = try fixture.write("\(name).xml", damage.apply(try String(contentsOfFile: Self.xml, encoding: .utf8)))
        #expect {
            try ledger.importSnapshot(
                try ledger.readOFACEnhancedXMLSnapshot(
                    path: path, source: "ofac-consolidated", published: nil, effective: nil))
        } throws: { error in
            let text = "\(error)"
            return text.hasPrefix(path + ":") && text.contains(message)
        }
        #expect(try LedgerFingerprint(ledger) == before)
    }

    @Test func aDamagedArchiveIsRefusedClearly() throws {
        let fixture = try FileFixture()
        let zip = Array(try Data(contentsOf: URL(fileURLWithPath: Self.folder + "/CONS_ENHANCED.ZIP")))
        let path = try fixture.write("CONS_ENHANCED.ZIP", bytes: Array(zip.prefix(zip.count / 2)))
        #expect { try OFACEnhancedXMLParser.read(path) } throws: {
            "\($0)" == path + ": not a readable zip archive; it may be damaged or truncated"
        }
    }

    /// Fuzzer finds (Tests/Fuzz): inputs that crashed the XML stack, now read or refused cleanly.
    @Test(arguments: ["enhanced-xml-abort-in-callback.xml"])
    func inputsThatCrashedTheXMLStackAreHandled(name: String) throws {
        let path = OFACCSVParserTests.fixture("fuzz-regressions") + "/" + name
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(throws: InputError.self) { try OFACEnhancedXMLParser.parse(bytes, file: path) }
    }
}
