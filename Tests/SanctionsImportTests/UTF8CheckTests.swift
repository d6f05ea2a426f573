import SanctionsCore
import SanctionsImport
import SanctionsLedger
import SanctionsStore
import Testing

@Suite struct UTF8CheckTests {
    @Test(arguments: [
        ([0x61, 0x62], nil as Int?), ([0xC3, 0xA9], nil), ([0xF0, 0x9F, 0x98, 0x80], nil),
        ([0x61, 0xC9, 0x62], 1), ([0xC0, 0xAF], 0), ([0xED, 0xA0, 0x80], 0), ([0x61, 0xE2, 0x82], 1),
        ([0xF5, 0x80, 0x80, 0x80], 0),
    ])
    func findsTheFirstInvalidByte(bytes: [UInt8], expected: Int?) {
        #expect(UTF8Check.firstInvalidOffset(bytes) == expected)
    }

    @Test func positionsAreOneBased() {
        let bytes = Array("ab\ncd\nef".utf8)
        #expect(UTF8Check.position(of: 7, in: bytes) == (line: 3, column: 2))
    }
}
