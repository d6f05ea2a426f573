import SanctionsScreening
import Testing

@Suite struct NormalizerTests {
    @Test(arguments: [
        ("Hangzhou Hikvision Digital Technology Co., Ltd.", "hangzhou hikvision digital technology co ltd"),
        ("НІКVІЅІОN", "hikvision"),                            // Cyrillic look-alikes
        ("Hik\u{200B}vi\u{200D}sion\u{FEFF}", "hikvision"),   // zero-width characters
        ("\u{202E}noisivkiH", "noisivkih"),                    // right-to-left override dropped
        ("ＨＩＫＶＩＳＩＯＮ", "hikvision"),                      // full-width letters (NFKC)
        ("Gui\u{0092}an New District Huawei Investment Co., Ltd.", "guian new district huawei investment co ltd"),  // C1 mojibake
        ("Xi'an Huawei", "xian huawei"),
        ("Huawei Technologies Coöperatief U.A.", "huawei technologies cooperatief ua"),
        ("Société Générale S.A.", "societe generale sa"),
        ("Straße & Söhne GmbH", "strasse and sohne gmbh"),
        ("Сбербанк России", "sberbank rossii"),                // Cyrillic words transliterated
        ("CHEN, Quanguo", "chen quanguo"),
        ("  DA-JIANG   innovations ", "da jiang innovations"),
    ])
    func normalisesNamesAndQueriesAlike(raw: String, expected: String) {
        #expect(NameNormalizer.normalize(raw).text == expected)
    }

    @Test func classifiesTokens() {
        let name = NameNormalizer.normalize("Hangzhou Hikvision Digital Technology Co., Ltd.")
        #expect(name.roles == [.place, .distinctive, .generic, .generic, .legalForm, .legalForm])
    }
}
