import Foundation
import SanctionsCore
import SanctionsImport
import SanctionsLedger
import SanctionsStore
import Testing

/// Parsing fixtures cut from the real OFAC files (data/ofac-sdn-2021-07): CRLF endings, the final
/// Ctrl-Z, `-0- ` nulls, remarks continued in sdn_comments.csv.
@Suite struct OFACCSVParserTests {
    static func fixture(_ folder: String) -> String {
        Bundle.module.url(forResource: "Fixtures", withExtension: nil)!.appendingPathComponent(folder).path
    }

    static let parsed: [OFACEntry] = try! OFACCSVParser.parse(OFACCSVParser.readFolder(fixture("ofac-2021-07")))
        .entries  // swiftlint:disable:this force_try

    func entry(_ number: String) throws -> OFACEntry {
        try #require(Self.parsed.first { $0.number == number })
    }

    @Test func readsEveryEntryWithTypeAndProgrammes() throws {
        #expect(Self.parsed.map(\.number) == ["4243", "7160", "12300", "29159", "29220", "29299"])
        #expect(try entry("29220").type == .individual)
        #expect(try entry("29220").name == "CHEN, Quanguo")
        #expect(try entry("29159").type == .entity)
        #expect(try entry("29159").programs == ["GLOMAG"])
        #expect(try entry("4243").type == .vessel)
        #expect(try entry("4243").vessel["flag"] != nil)
    }

    @Test func attachesAliasesAndAddresses() throws {
        let bureau = try entry("29159")
        #expect(
            bureau.aliases.map(\.name) == [
                "XINJIANG BUREAU OF PUBLIC SECURITY", "PUBLIC SECURITY DEPARTMENT OF XINJIANG UYGAR AUTONOMOUS REGION",
                "PUBLIC SECURITY DEPARTMENT OF XUAR", "PUBLIC SECURITY DEPARTMENT OF THE AUTONOMOUS REGION",
            ])
        #expect(bureau.aliases.allSatisfy { $0.kind == .aka && !$0.weak })
        #expect(bureau.addresses == ["Xinjiang, China"])
        #expect(bureau.country == "China")
        #expect(bureau.remarks == nil)
    }

    @Test func joinsRemarksContinuedInTheCommentsFile() throws {
        let remarks = try #require(try entry("12300").remarks)
        let bytes = Array(
            try Data(contentsOf: URL(fileURLWithPath: Self.fixture("ofac-2021-07") + "/sdn_comments.csv")))
        var comments = CSVReader(bytes: bytes, file: "sdn_comments.csv")
        let row = try #require(try comments.readAll().first { $0.fields.first == "12300" })
        let continued = row.fields.dropFirst().joined(separator: ",")
        #expect(remarks.hasPrefix("DOB 1"))
        // The primary file's 1,000 characters, then the continuation, joined as they are.
        #expect(remarks.count == 1000 + continued.count)
        #expect(remarks.hasSuffix(continued))
    }

    @Test func findsWeakAliasesInRemarks() {
        #expect(
            OFACCSVParser.weakAliases(in: "DOB 1960; a.k.a. 'ABU HAFS'; a.k.a. 'AL-MAURITANI'.") == [
                "ABU HAFS", "AL-MAURITANI",
            ])
        #expect(OFACCSVParser.programs("SDGT] [IFSR") == ["SDGT", "IFSR"])
    }

    static let badInputs: [(name: String, sdn: String, alt: String?, expected: String)] = [
        (
            "wrong column count", "1,\"A\",-0- ,\"SDGT\"\r\n", nil,
            "sdn.csv:1: expected 12 columns (ent_num, SDN_Name, SDN_Type, Program, Title, Call_Sign, Vess_type, Tonnage, GRT, Vess_flag, Vess_owner, Remarks), found 4"
        ),
        (
            "broken quoting", "1,\"A\"B,-0- ,\"SDGT\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n", nil,
            "sdn.csv:1: unexpected text after a closing quote (broken quoting)"
        ),
        (
            "truncated", "1,\"A\",-0- ,\"SDGT\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,\"DOB 19", nil,
            "sdn.csv:1: a quoted field is never closed (the file is truncated or its quoting is broken)"
        ),
        (
            "duplicate entry",
            "1,\"A\",-0- ,\"SDGT\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n1,\"B\",-0- ,\"SDGT\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n",
            nil, "sdn.csv:2: field 'ent_num': duplicate entry number 1"
        ),
        (
            "alias of a missing entry", "1,\"A\",-0- ,\"SDGT\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n",
            "2,10,\"aka\",\"X\",-0- \r\n",
            "alt.csv:1: field 'ent_num': alias points to entry '2', which the primary file does not have"
        ),
        (
            "not UTF-8", "1,\"A\u{FFFD}\",-0- ,\"SDGT\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n", nil,
            "sdn.csv:1: byte 0xc9 is not valid UTF-8"
        ),
    ]

    @Test(arguments: badInputs.indices)
    func badInputIsAClearErrorWithFileAndLine(index: Int) {
        let bad = Self.badInputs[index]
        var bytes = Array(bad.sdn.utf8)
        if bad.name == "not UTF-8", let position = bytes.firstIndex(of: 0xEF) {
            bytes.replaceSubrange(position..<position + 3, with: [0xC9])
        }
        let files = OFACCSVParser.Files(primary: ("sdn.csv", bytes), alt: bad.alt.map { ("alt.csv", Array($0.utf8)) })
        #expect {
            try OFACCSVParser.parse(files)
        } throws: { error in
            let rendered = "\(error)"
            if rendered != bad.expected { Issue.record("got: \(rendered)") }
            return rendered == bad.expected
        }
    }

    @Test func skipBadRowsCountsAndListsThem() throws {
        let text =
            "1,\"A\",-0- ,\"SDGT\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n2,\"B\"\r\n3,\"C\",-0- ,\"SDGT\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n"
        let result = try OFACCSVParser.parse(.init(primary: ("sdn.csv", Array(text.utf8))), badRows: .skip)
        #expect(result.entries.map(\.number) == ["1", "3"])
        #expect(result.skipped.map(\.line) == [2])
    }

    @Test func parsesTheCMICDatesInRemarks() {
        let dates = OFACSnapshotBuilder.cmicDates(
            "Effective Date (CMIC) 14 Feb 2022; Purchase/Sales For Divestment Date (CMIC) 16 Dec 2022; Listing Date (CMIC) 16 Dec 2021."
        )
        #expect(dates.listing?.description == "2021-12-16")
        #expect(dates.effective?.description == "2022-02-14")
        #expect(dates.divestment?.description == "2022-12-16")
    }
}
