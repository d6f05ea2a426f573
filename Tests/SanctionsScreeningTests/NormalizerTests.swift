import SanctionsCore
import SanctionsScreening
import Testing

@Suite struct NormalizerTests {
    @Test(arguments: [
        ("Hangzhou Hikvision Digital Technology Co., Ltd.", "hangzhou hikvision digital technology co ltd"),
        ("НІКVІЅІОN", "hikvision"),  // Cyrillic look-alikes
        ("Hik\u{200B}vi\u{200D}sion\u{FEFF}", "hikvision"),  // zero-width characters
        ("\u{202E}noisivkiH", "noisivkih"),  // right-to-left override dropped
        ("ＨＩＫＶＩＳＩＯＮ", "hikvision"),  // full-width letters (NFKC)
        // C1 mojibake
        ("Gui\u{0092}an New District Huawei Investment Co., Ltd.", "guian new district huawei investment co ltd"),
        ("Xi'an Huawei", "xian huawei"),
        ("Huawei Technologies Coöperatief U.A.", "huawei technologies cooperatief ua"),
        ("Société Générale S.A.", "societe generale sa"),
        ("Straße & Söhne GmbH", "strasse and sohne gmbh"),
        ("Сбербанк России", "sberbank rossii"),  // Cyrillic words transliterated
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

    /// Inputs the fuzzer (Tests/Fuzz) found: normalising a normalised name must change nothing,
    /// or a name stored normalised would not match itself as a query.
    @Test(arguments: [
        "\u{051D}\u{0406}\u{11B9}>\u{0406}\u{0406}\u{041E}N\u{200B}"  // Cyrillic we, Ukrainian I, Hangul jamo, ZWSP
    ])
    func normalisingTwiceChangesNothing(raw: String) {
        let once = NameNormalizer.normalize(raw)
        let twice = NameNormalizer.normalize(once.text)
        #expect(twice.text == once.text, "\(once.tokens) became \(twice.tokens)")
        #expect(twice.roles == once.roles)
    }
}
