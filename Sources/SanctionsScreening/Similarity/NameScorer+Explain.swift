extension NameScorer {
    /// Scores `query` against `candidate` as ``score(_:_:)`` does, and says why: the words paired
    /// and how, the words left unpaired, the words ignored, and the rules that capped the score.
    ///
    /// For example:
    /// ```swift
    /// let query = PreparedName(NameNormalizer.normalize("Dr. Ali M. Rahimi"))
    /// let listed = PreparedName(NameNormalizer.normalize("RAHIMI, Ali Mohammad"))
    /// let why = NameScorer().explain(query, listed)
    /// // why.pairs: "ali"–"ali" exact, "m"–"mohammad" prefix, "rahimi"–"rahimi" exact;
    /// // why.ignored: the query's title "dr"
    /// ```
    public func explain(_ query: PreparedName, _ candidate: PreparedName) -> MatchExplanation {
        let assessment = assess(query, candidate)
        let pairing = assessment.pairing
        func words(_ name: PreparedName, _ indexes: [Int]) -> [String] { indexes.map { name.normalized.tokens[$0] } }
        let pairs = pairing.pairs.map {
            MatchExplanation.Pair(
                query: words(query, $0.query), listed: words(candidate, $0.candidate), kind: $0.kind.rawValue,
                similarity: $0.similarity)
        }
        var unpaired: [MatchExplanation.Word] = []
        var ignored: [MatchExplanation.Word] = []
        for (side, name, used) in [
            (MatchExplanation.Side.query, query, pairing.usedQ), (.listed, candidate, pairing.usedC),
        ] {
            for index in name.tokens.indices where !used[index] {
                let word = MatchExplanation.Word(
                    side: side, word: name.normalized.tokens[index], role: name.roles[index].explanationName)
                let free = name.roles[index] == .legalForm || (side == .query && name.roles[index] == .title)
                if free { ignored.append(word) } else { unpaired.append(word) }
            }
        }
        return MatchExplanation(
            algorithm: query.algorithm, query: query.normalized.text, listed: candidate.normalized.text, pairs: pairs,
            unpaired: unpaired, ignored: ignored, rules: ruleNotes(assessment), score: assessment.score)
    }

    /// The rules an assessment applied, in words.
    private func ruleNotes(_ assessment: Assessment) -> [String] {
        let pairing = assessment.pairing
        var notes: [String] = []
        if assessment.rules.contains(.conflicting) {
            notes.append("each name has a distinctive word the other lacks: both count double (a conflict)")
        }
        if assessment.rules.contains(.cutOff), let cut = Self.cutOff(pairing) {
            let last = pairing.query.normalized.tokens[cut.queryToken]
            notes.append(
                "the query ends in '\(last)', the start of a listed word: text cut short; the listed words after it "
                    + "count as paired, for a possible match at most")
        }
        if assessment.rules.contains(.contained) {
            notes.append(
                "every word of the query is in the listed name, which has more distinctive words: they cost less, "
                    + "for a possible match at most")
        }
        if assessment.rules.contains(.oneWordListed) {
            notes.append(
                "a one-word listed name inside a longer name is one word of evidence: a possible match at most")
        }
        if assessment.rules.contains(.joined) {
            notes.append(
                "the distinctive words compared joined ('\(Self.text(pairing.query.joinedDistinctive))' and "
                    + "'\(Self.text(pairing.candidate.joinedDistinctive))'): the names split words differently")
        }
        return notes
    }

    /// A string from the Unicode scalar values a prepared name keeps.
    private static func text(_ scalars: [UInt32]) -> String {
        String(String.UnicodeScalarView(scalars.compactMap(Unicode.Scalar.init)))
    }
}
