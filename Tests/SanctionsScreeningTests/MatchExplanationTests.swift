import SanctionsScreening
import Testing

/// The explanation of a match (issue 15): which words paired and how, what was left out or
/// ignored, which rule capped the score; and always the score the matcher gives.
@Suite struct MatchExplanationTests {
    let scorer = NameScorer()

    func explain(_ query: String, _ listed: String, _ algorithm: MatchingAlgorithm = .current) -> MatchExplanation {
        scorer.explain(
            PreparedName(NameNormalizer.normalize(query), algorithm: algorithm),
            PreparedName(NameNormalizer.normalize(listed), algorithm: algorithm))
    }

    func pair(_ explanation: MatchExplanation, _ query: String) -> MatchExplanation.Pair? {
        explanation.pairs.first { $0.query.joined(separator: " ") == query }
    }

    static let names = [
        "Hangzhou Hikvision Digital Technology Co., Ltd.", "Hikvision Digital Tech Co Ltd", "RAHIMI, Ali Mohammad",
        "Dr. Ali M. Rahimi", "MHMMD RHM", "MOHAMMAD RAHIM", "AL-RAHIM Trading", "ALRAHIM TRADING",
        "Golden Mountain Trading Company", "Golden Mountain Trad", "Al Rahim Trading Establishment", "Al Rahim Tra",
        "A. M. Rahimi", "Ali Mohammad Rahimi", "Tata Consultancy Services", "TATA", "Sense Time",
        "SenseTime Group Limited", "G. M. Trading", "Gulf Marine Trading", "HAMAMI, Brahim", "FULVEJ, Brahim",
        "Huawei Technologies Co., Ltd.", "Huawei Technologies Japan K.K.", "OOO 'SMT-K'", "OOO ?SMT'K?",
        "Col. Muammar Qaddafi", "Muammar GADHAFI", "DE LA CRUZ, Juan", "Juan Delacruz", "B0GDAN0V", "Bogdanov",
    ]

    @Test(arguments: MatchingAlgorithm.allCases)
    func theExplanationGivesTheScoreTheMatcherGives(algorithm: MatchingAlgorithm) {
        for query in Self.names {
            for listed in Self.names {
                let prepared = (
                    PreparedName(NameNormalizer.normalize(query), algorithm: algorithm),
                    PreparedName(NameNormalizer.normalize(listed), algorithm: algorithm)
                )
                let explanation = scorer.explain(prepared.0, prepared.1)
                #expect(explanation.score == scorer.score(prepared.0, prepared.1), "\(query) vs \(listed)")
                #expect(explanation.algorithm == algorithm)
                // Every word of both names is accounted for once: paired, unpaired or ignored.
                let queryWords =
                    explanation.pairs.flatMap(\.query)
                    + (explanation.unpaired + explanation.ignored).filter {
                        $0.side == .query
                    }.map(\.word)
                let listedWords =
                    explanation.pairs.flatMap(\.listed)
                    + (explanation.unpaired + explanation.ignored).filter {
                        $0.side == .listed
                    }.map(\.word)
                #expect(queryWords.sorted() == prepared.0.normalized.tokens.sorted(), "\(query) vs \(listed)")
                #expect(listedWords.sorted() == prepared.1.normalized.tokens.sorted(), "\(query) vs \(listed)")
            }
        }
    }

    @Test func initialsAndTitlesAreNamed() {
        let why = explain("Dr. Ali M. Rahimi", "RAHIMI, Ali Mohammad")
        #expect(pair(why, "ali")?.listed == ["ali"])
        #expect(pair(why, "ali")?.kind == "exact")
        #expect(pair(why, "m")?.listed == ["mohammad"])
        #expect(pair(why, "rahimi")?.kind == "exact")
        #expect(why.ignored.contains(MatchExplanation.Word(side: .query, word: "dr", role: "title")))
        #expect(why.unpaired.isEmpty)
        let initials = explain("A. M. Rahimi", "Ali Mohammad Rahimi")
        #expect(initials.pairs.contains { $0.kind == "initials" && $0.listed == ["ali", "mohammad"] }, "\(initials)")
    }

    @Test func vowelsDroppedJoinedParticlesAndMisreadLettersAreNamed() {
        #expect(explain("MHMMD RHM", "MOHAMMAD RAHIM").pairs.map(\.kind) == ["consonants", "consonants"])
        let joined = explain("ALRAHIM TRADING", "AL-RAHIM Trading")
        #expect(joined.pairs.contains { $0.kind == "joined" && $0.listed == ["al", "rahim"] }, "\(joined)")
        #expect(explain("B0GDAN0V", "Bogdanov").pairs.first?.kind == "ocr")
    }

    @Test func theRulesThatCapAScoreAreNamed() {
        let cut = explain("Al Rahim Tra", "Al Rahim Trading Establishment")
        #expect(cut.rules.contains { $0.contains("'tra', the start of a listed word: text cut short") }, "\(cut)")
        #expect(cut.score < NameScorer.certainMatch)
        let oneWord = explain("Tata Consultancy Services", "TATA")
        #expect(oneWord.rules.contains { $0.contains("one-word listed name") }, "\(oneWord)")
        let conflict = explain("HAMAMI, Brahim", "FULVEJ, Brahim")
        #expect(conflict.rules.contains { $0.contains("a conflict") }, "\(conflict)")
        #expect(conflict.unpaired.map(\.word).sorted() == ["fulvej", "hamami"])
        let sibling = explain("Huawei Technologies Co., Ltd.", "Huawei Technologies Japan K.K.")
        #expect(sibling.unpaired.contains(MatchExplanation.Word(side: .listed, word: "japan", role: "place")))
    }

    @Test func theFirstMatcherHasNoneOfTheSecondsRules() {
        let why = explain("Dr. Ali M. Rahimi", "RAHIMI, Ali Mohammad", .tokensV1)
        #expect(why.algorithm == .tokensV1)
        #expect(!why.ignored.contains { $0.role == "title" })
        #expect(why.rules.isEmpty)
    }
}
