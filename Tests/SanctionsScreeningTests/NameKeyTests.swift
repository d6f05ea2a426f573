import SanctionsCore
import SanctionsScreening
import Testing

@Suite struct NameKeyTests {
    @Test(arguments: [
        ("Hangzhou Hikvision Digital Technology Co., Ltd.", "hangzhou hikvision digital technology co ltd"),
        ("  XINJIANG   PUBLIC-SECURITY bureau ", "xinjiang public security bureau"),
        ("CHEN, Quanguo", "chen quanguo"),
    ])
    func foldsCaseAndPunctuation(name: String, key: String) {
        #expect(NameKey.make(name) == key)
    }
}
