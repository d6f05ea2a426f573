/// Token-aware fuzzy similarity of two names, in 0...1.
///
/// Tokens are paired greedily by their similarity (Jaro-Winkler, with exact, initial, abbreviation
/// and sound-key matches), whatever their order. Each side's coverage is the weight of its paired
/// tokens (times their similarity) over its own weight plus penalties for tokens left unpaired:
/// an unpaired distinctive token costs its full weight; an unpaired descriptor or place costs
/// little when the other side simply omits it, and more when the other side has a different one
/// of the same kind (a conflict). The score is the mean of both coverages, or the similarity of
/// the distinctive tokens joined together when that is higher (split or joined words).
///
/// For example: "Hikvision" vs "Hangzhou Hikvision Digital Technology Co., Ltd." scores about
/// 0.93; "Dahua Electronics Corporation" vs "Dahua Technology" about 0.77.
public struct NameScorer: Sendable {
    /// The score at and above which a match is certain (the product's default threshold, tuned
    /// with `sanctions eval` on the real OFAC lists).
    public static let certainMatch = 0.90

    /// The least token similarity that pairs two tokens.
    public var pairing = 0.80
    /// The least similarity that pairs two tokens of six letters or more, from `name-tokens-v2`
    /// on: a long word with three letters changed is another word ("KRVVORGWHKQ" is not "KRIVORUCHKO").
    public var longPairing = 0.86
    /// Penalty for a descriptor or place the other name omits.
    public var omission = 0.05
    /// Penalty for a descriptor or place where the other name has a different one.
    public var conflict = 0.35
    /// How much the listed name's coverage counts (the query's counts `1 - listedWeight`).
    public var listedWeight = 0.5

    public init() {}

    /// How much more an unpaired distinctive word costs when the other name also leaves one
    /// unpaired (a conflict: "HAMAMI, Brahim" against "FULVEJ, Brahim"), from `name-tokens-v2` on.
    public var distinctiveConflict = 2.0

    /// Scores `query` against `candidate` (both prepared with the same algorithm).
    public func score(_ query: PreparedName, _ candidate: PreparedName) -> Double {
        assess(query, candidate).score
    }

    /// The rules of a scoring that changed the score from the plain coverage of the pairs.
    struct AppliedRules: OptionSet {
        let rawValue: UInt8
        /// Each name leaves a distinctive word unpaired: both count double.
        static let conflicting = AppliedRules(rawValue: 1)
        /// The query is cut short: the cut-off listed words count as paired, a possible match at most.
        static let cutOff = AppliedRules(rawValue: 2)
        /// The listed name has distinctive words the query leaves out: a possible match at most.
        static let contained = AppliedRules(rawValue: 4)
        /// A one-word listed name inside a longer query: a possible match at most.
        static let oneWordListed = AppliedRules(rawValue: 8)
        /// The distinctive words joined compared better than word by word.
        static let joined = AppliedRules(rawValue: 16)
    }

    /// A score with the pairing and the rules it came from.
    struct Assessment {
        var score: Double
        var pairing: TokenPairing
        var rules: AppliedRules
    }

    /// Scores `query` against `candidate`, keeping the evidence (see ``explain(_:_:)``).
    func assess(_ query: PreparedName, _ candidate: PreparedName) -> Assessment {
        var pairing = TokenPairing(query, candidate)
        guard !query.tokens.isEmpty, !candidate.tokens.isEmpty else {
            return Assessment(score: 0, pairing: pairing, rules: [])
        }
        let improved = query.algorithm >= .tokensV2
        if improved { pairing.pairJoinedWords() }
        pairing.pairGreedily(threshold: self.pairing, longThreshold: improved ? longPairing : nil)
        if improved { pairing.pairInitials() }
        var rules: AppliedRules = []
        func joined(_ tokenScore: Double) -> Assessment {
            let score = joinedScore(query, candidate, tokenScore: tokenScore)
            if score > tokenScore { rules.insert(.joined) }
            return Assessment(score: score, pairing: pairing, rules: rules)
        }
        if pairing.matchedQ == 0 { return joined(0) }
        let leftQ = pairing.leftover(query, pairing.usedQ)
        let leftC = pairing.leftover(candidate, pairing.usedC)
        let conflicting = improved && leftQ.contains(.distinctive) && leftC.contains(.distinctive)
        if conflicting { rules.insert(.conflicting) }
        func coverage(_ usedQ: [Bool], _ usedC: [Bool], listedDistinctive: Double = 1) -> Double {
            let penaltyQ = penalty(query, usedQ, otherLeft: leftC, conflicting: conflicting, isQuery: true)
            let penaltyC = penalty(
                candidate, usedC, otherLeft: leftQ, conflicting: conflicting, isQuery: false,
                distinctiveCost: listedDistinctive)
            return (1 - listedWeight) * pairing.matchedQ / (pairing.weightQ + penaltyQ) + listedWeight
                * pairing.matchedC / (pairing.weightC + penaltyC)
        }
        var tokenScore = coverage(pairing.usedQ, pairing.usedC)
        if improved {
            // Possible, never certain: a query cut short, or one that leaves out words of the listed name.
            var possible = tokenScore
            var rule: AppliedRules = []
            if let cut = Self.cutOff(pairing) {
                possible = coverage(pairing.usedQ.indices.map { pairing.usedQ[$0] || $0 == cut.queryToken }, cut.used)
                rule = .cutOff
            } else if Self.isContained(pairing) {
                possible = coverage(pairing.usedQ, pairing.usedC, listedDistinctive: omittedWord)
                rule = .contained
            }
            if possible > tokenScore { rules.insert(rule) }
            tokenScore = max(tokenScore, min(possible, Self.certainMatch - 0.01))
        }
        // A one-word listed name found inside a longer name ("TATA" in "Tata Consultancy Services",
        // "Schneider GmbH" in "Schneider Electric SE") is one word of evidence: possible, never certain.
        if candidate.weightedTokens == 1, query.weightedTokens >= 2, tokenScore > Self.certainMatch - 0.01 {
            tokenScore = Self.certainMatch - 0.01
            rules.insert(.oneWordListed)
        }
        return joined(tokenScore)
    }

    /// What a distinctive word of the listed name costs when the query leaves it out and has
    /// nothing in its place ("Miracle Limited" for "Miracle Transportation Limited"), from
    /// `name-tokens-v2` on: such a query is a possible match.
    public var omittedWord = 0.6

    /// What unpaired tokens cost one side's coverage.
    private func penalty(
        _ name: PreparedName, _ used: [Bool], otherLeft: Set<NameVocabulary.Role>, conflicting: Bool, isQuery: Bool,
        distinctiveCost: Double = 1
    ) -> Double {
        var total = 0.0
        for index in name.roles.indices where !used[index] {
            switch name.roles[index] {
            case .distinctive: total += distinctiveCost * (conflicting ? distinctiveConflict : 1)
            case .generic, .place:
                let role = name.roles[index]
                total += name.onlyGeneric ? name.weight(index) : (otherLeft.contains(role) ? conflict : omission)
            case .stopWord: total += 0.02
            case .title: total += isQuery ? 0 : name.weight(index)
            case .legalForm: break
            }
        }
        return total
    }

    /// Whether every weighted word of the query is paired (one distinctive at least) and the
    /// listed name leaves out no more distinctive words than the query pairs.
    static func isContained(_ pairing: TokenPairing) -> Bool {
        let query = pairing.query
        let candidate = pairing.candidate
        guard query.tokens.indices.allSatisfy({ pairing.usedQ[$0] || !pairing.counts(query, $0) }) else { return false }
        let paired = query.tokens.indices.filter { pairing.usedQ[$0] && query.roles[$0] == .distinctive }.count
        let omitted = candidate.tokens.indices.filter { !pairing.usedC[$0] && candidate.roles[$0] == .distinctive }
            .count
        return paired >= 1 && omitted >= 1 && omitted <= paired
    }

    /// A query cut short ("Golden Mountain Trad" for "Golden Mountain Trading Company"): its last
    /// token begins the listed token it is paired with (or, unpaired, the listed token after the
    /// last paired one), every other query word is paired, and no listed token after it is.
    /// Returns the query's last token and the listed tokens counted as used (the cut-off ones
    /// added); nil when the query was not cut from this name.
    static func cutOff(_ pairing: TokenPairing) -> (queryToken: Int, used: [Bool])? {
        let query = pairing.query
        let candidate = pairing.candidate
        let last = query.tokens.count - 1
        guard query.tokens.indices.allSatisfy({ pairing.usedQ[$0] || !pairing.counts(query, $0) || $0 == last }) else {
            return nil
        }
        let paired = pairing.pairs.first { $0.query.contains(last) }?.candidate.max()
        guard let end = paired ?? pairing.usedC.lastIndex(of: true).map({ $0 + 1 }), end < candidate.tokens.count,
            candidate.tokens[end].starts(with: query.tokens[last]),
            candidate.tokens[end] != query.tokens[last] || query.weightedTokens >= 2
        else { return nil }
        let cut = Array((paired == nil ? end : end + 1)..<candidate.tokens.count)
        // Cut inside a legal form ("MIKAM HOLDINGS LI") or before words of weight.
        guard cut.allSatisfy({ !pairing.usedC[$0] }), paired == nil || cut.contains(where: { candidate.weight($0) > 0 })
        else { return nil }
        var used = pairing.usedC
        for index in cut { used[index] = true }
        return (last, used)
    }

    /// The similarity of the joined distinctive tokens, when the names split words differently
    /// ("Sense Time" / "SenseTime"): counts only when the joined forms are nearly the same string.
    private func joinedScore(_ query: PreparedName, _ candidate: PreparedName, tokenScore: Double) -> Double {
        let a = query.joinedDistinctive
        let b = candidate.joinedDistinctive
        // The same letters split differently by punctuation ("SMT'K", "SMT-K", "SMT?K"): the same name.
        if a.count >= 4, a == b, query.roles.count(of: .distinctive) != candidate.roles.count(of: .distinctive) {
            return max(tokenScore, 0.97)
        }
        guard a.count >= 5, b.count >= 5, tokenScore < 0.97, min(a.count, b.count) * 10 >= max(a.count, b.count) * 8
        else { return tokenScore }
        let distinctiveQ = query.roles.count(of: .distinctive)
        let distinctiveC = candidate.roles.count(of: .distinctive)
        guard distinctiveQ != distinctiveC else { return tokenScore }
        let joined = JaroWinkler.similarity(a, b)
        return joined >= 0.94 ? max(tokenScore, joined * 0.97) : tokenScore
    }
}

extension Array where Element == NameVocabulary.Role {
    func count(of role: NameVocabulary.Role) -> Int { reduce(0) { $1 == role ? $0 + 1 : $0 } }
}
