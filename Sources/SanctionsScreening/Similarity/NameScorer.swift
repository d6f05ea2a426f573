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
    /// Penalty for a descriptor or place the other name omits.
    public var omission = 0.05
    /// Penalty for a descriptor or place where the other name has a different one.
    public var conflict = 0.35
    /// How much the listed name's coverage counts (the query's counts `1 - listedWeight`).
    public var listedWeight = 0.5

    public init() {}

    /// Similarity of two tokens.
    static func tokenSimilarity(_ a: [UInt32], _ b: [UInt32], _ phoneticA: [UInt8], _ phoneticB: [UInt8]) -> Double {
        if a == b { return 1 }
        if a.count == 1 || b.count == 1 { return a.first == b.first ? 0.85 : 0 }
        // Two- and three-letter tokens are acronyms: "HM" is not "HMN", "HUA" is not "Huawei".
        if min(a.count, b.count) <= 3 { return 0 }
        // Short tokens: one letter off is a different word more often than a typo ("maria"/"marie").
        let shortLimit = min(a.count, b.count) <= 5 ? 0.86 : 1.0
        let shorter = a.count <= b.count ? a : b
        let longer = a.count <= b.count ? b : a
        if shorter.count >= 4, shorter.count * 2 >= longer.count, longer.starts(with: shorter) { return 0.88 }
        var similarity = JaroWinkler.similarity(a, b)
        // Below 0.9, Jaro-Winkler says "different word" more often than "typo": count the gap twice.
        if similarity < 0.9 { similarity = max(0, 2 * similarity - 0.9) }
        if phoneticA.count >= 2, phoneticA == phoneticB, similarity > 0.5 { similarity = max(similarity, 0.9) }
        return min(similarity, shortLimit)
    }

    /// Scores `query` against `candidate`.
    public func score(_ query: PreparedName, _ candidate: PreparedName) -> Double {
        let q = query.tokens.count
        let c = candidate.tokens.count
        guard q > 0, c > 0 else { return 0 }
        // All pairs above the pairing threshold, best first.
        var pairs: [(similarity: Double, i: Int, j: Int)] = []
        pairs.reserveCapacity(q * c)
        for i in 0..<q where query.weight(i) > 0 {
            for j in 0..<c where candidate.weight(j) > 0 {
                let similarity = Self.tokenSimilarity(
                    query.tokens[i], candidate.tokens[j], query.phonetic[i], candidate.phonetic[j])
                if similarity >= pairing { pairs.append((similarity, i, j)) }
            }
        }
        pairs.sort { $0.similarity != $1.similarity ? $0.similarity > $1.similarity : ($0.i, $0.j) < ($1.i, $1.j) }
        var usedQ = [Bool](repeating: false, count: q)
        var usedC = [Bool](repeating: false, count: c)
        var matchedQ = 0.0
        var matchedC = 0.0
        var weightQ = 0.0
        var weightC = 0.0
        for pair in pairs where !usedQ[pair.i] && !usedC[pair.j] {
            usedQ[pair.i] = true
            usedC[pair.j] = true
            let wq = query.weight(pair.i)
            let wc = candidate.weight(pair.j)
            matchedQ += wq * pair.similarity
            matchedC += wc * pair.similarity
            weightQ += wq
            weightC += wc
        }
        if matchedQ == 0 { return joinedScore(query, candidate, tokenScore: 0) }
        // Unpaired tokens: which roles does each side leave over?
        func leftover(_ name: PreparedName, _ used: [Bool]) -> Set<NameVocabulary.Role> {
            Set(name.roles.indices.filter { !used[$0] && name.weight($0) > 0 }.map { name.roles[$0] })
        }
        let leftQ = leftover(query, usedQ)
        let leftC = leftover(candidate, usedC)
        func penalty(_ name: PreparedName, _ used: [Bool], otherLeft: Set<NameVocabulary.Role>) -> Double {
            var total = 0.0
            for index in name.roles.indices where !used[index] {
                let role = name.roles[index]
                switch role {
                case .distinctive: total += name.weight(index)
                case .generic, .place:
                    total += name.onlyGeneric ? name.weight(index) : (otherLeft.contains(role) ? conflict : omission)
                case .stopWord: total += 0.02
                case .legalForm: break
                }
            }
            return total
        }
        let coverageQ = matchedQ / (weightQ + penalty(query, usedQ, otherLeft: leftC))
        let coverageC = matchedC / (weightC + penalty(candidate, usedC, otherLeft: leftQ))
        var tokenScore = (1 - listedWeight) * coverageQ + listedWeight * coverageC
        // A one-word listed name found inside a longer name ("TATA" in "Tata Consultancy Services",
        // "Schneider GmbH" in "Schneider Electric SE") is one word of evidence: possible, never certain.
        if candidate.weightedTokens == 1, query.weightedTokens >= 2 {
            tokenScore = min(tokenScore, Self.certainMatch - 0.01)
        }
        return joinedScore(query, candidate, tokenScore: tokenScore)
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
