/// How the tokens of a query and of a listed name were paired, and how much of each name the
/// pairs cover: the evidence a score is computed from (and explained with).
struct TokenPairing {
    /// Why two tokens (or a token and a run of tokens) were paired.
    enum Kind: String, Sendable {
        case exact, similar, prefix, sound, consonants, ocr, joined, initials
    }

    /// One pairing: token positions on each side, their similarity and why.
    struct Pair: Sendable {
        var query: [Int]
        var candidate: [Int]
        var similarity: Double
        var kind: Kind
    }

    let query: PreparedName
    let candidate: PreparedName
    var usedQ: [Bool]
    var usedC: [Bool]
    var pairs: [Pair] = []
    var matchedQ = 0.0
    var matchedC = 0.0
    var weightQ = 0.0
    var weightC = 0.0

    init(_ query: PreparedName, _ candidate: PreparedName) {
        self.query = query
        self.candidate = candidate
        usedQ = [Bool](repeating: false, count: query.tokens.count)
        usedC = [Bool](repeating: false, count: candidate.tokens.count)
    }

    /// Records a pairing and the weight it covers on each side.
    mutating func pair(query q: [Int], candidate c: [Int], similarity: Double, kind: Kind) {
        for i in q {
            usedQ[i] = true
            matchedQ += query.weight(i) * similarity
            weightQ += query.weight(i)
        }
        for j in c {
            usedC[j] = true
            matchedC += candidate.weight(j) * similarity
            weightC += candidate.weight(j)
        }
        pairs.append(Pair(query: q, candidate: c, similarity: similarity, kind: kind))
    }

    /// Pairs tokens one to one, most similar first, at `threshold` or above (`longThreshold` when
    /// both tokens have six letters or more).
    mutating func pairGreedily(threshold: Double, longThreshold: Double? = nil) {
        var found: [(similarity: Double, kind: Kind, i: Int, j: Int)] = []
        found.reserveCapacity(query.tokens.count * candidate.tokens.count)
        for i in query.tokens.indices where !usedQ[i] && query.weight(i) > 0 {
            for j in candidate.tokens.indices where !usedC[j] && candidate.weight(j) > 0 {
                let (similarity, kind) = TokenSimilarity.compare(query, i, candidate, j)
                let long = min(query.tokens[i].count, candidate.tokens[j].count) >= 6
                if similarity >= (long ? longThreshold ?? threshold : threshold) {
                    found.append((similarity, kind, i, j))
                }
            }
        }
        found.sort { $0.similarity != $1.similarity ? $0.similarity > $1.similarity : ($0.i, $0.j) < ($1.i, $1.j) }
        for pair in found where !usedQ[pair.i] && !usedC[pair.j] {
            self.pair(query: [pair.i], candidate: [pair.j], similarity: pair.similarity, kind: pair.kind)
        }
    }

    /// Pairs a token with the two or three consecutive tokens of the other name it joins
    /// ("alrahim" with "al rahim", "abdal" with "abd al"), on either side.
    mutating func pairJoinedWords() {
        for i in query.tokens.indices where !usedQ[i] && query.roles[i].weighs && query.tokens[i].count >= 4 {
            if let run = Self.run(joining: query.tokens[i], in: candidate, used: usedC) {
                pair(query: [i], candidate: run, similarity: 0.95, kind: .joined)
            }
        }
        for j in candidate.tokens.indices where !usedC[j] && candidate.roles[j].weighs && candidate.tokens[j].count >= 4
        {
            if let run = Self.run(joining: candidate.tokens[j], in: query, used: usedQ) {
                pair(query: run, candidate: [j], similarity: 0.95, kind: .joined)
            }
        }
    }

    /// Two or three consecutive unused tokens of `name` that spell `token` when joined.
    private static func run(joining token: [UInt32], in name: PreparedName, used: [Bool]) -> [Int]? {
        guard !name.tokens.contains(token) else { return nil }
        for start in name.tokens.indices where !used[start] {
            var joined = name.tokens[start]
            var end = start
            while joined.count < token.count, end + 1 < name.tokens.count, end - start < 2, !used[end + 1] {
                end += 1
                joined += name.tokens[end]
            }
            if end > start, joined == token { return Array(start...end) }
        }
        return nil
    }

    /// Pairs a token of two to six letters with the words it abbreviates ("am" with "ali
    /// mohammad", "sh" with "suhayl hasan", "as" with "anton sergeevich"): consecutive unpaired
    /// distinctive words of the other name whose first letters spell it.
    mutating func pairInitials() {
        for i in query.tokens.indices where !usedQ[i] && Self.mayAbbreviate(query.roles[i]) {
            if let run = Self.words(abbreviatedBy: query.tokens[i], in: candidate, used: usedC) {
                pair(query: [i], candidate: run, similarity: 0.85, kind: .initials)
            }
        }
        for j in candidate.tokens.indices where !usedC[j] && Self.mayAbbreviate(candidate.roles[j]) {
            if let run = Self.words(abbreviatedBy: candidate.tokens[j], in: query, used: usedQ) {
                pair(query: run, candidate: [j], similarity: 0.85, kind: .initials)
            }
        }
    }

    /// Initials read as a word are distinctive ("am") or, by chance, a legal form ("as", "ab").
    private static func mayAbbreviate(_ role: NameVocabulary.Role) -> Bool {
        role == .distinctive || role == .legalForm
    }

    private static func words(abbreviatedBy token: [UInt32], in name: PreparedName, used: [Bool]) -> [Int]? {
        guard (2...6).contains(token.count), token.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) else { return nil }
        let open = name.tokens.indices.filter {
            !used[$0] && name.roles[$0] == .distinctive && name.tokens[$0].count >= 2
        }
        guard open.count >= token.count else { return nil }
        for start in 0...(open.count - token.count) {
            let window = Array(open[start..<(start + token.count)])
            if zip(window, token).allSatisfy({ name.tokens[$0.0].first == $0.1 }) { return window }
        }
        return nil
    }

    /// Whether a token of `name` is a word a pairing must account for (not a legal form, title or stop word).
    func counts(_ name: PreparedName, _ index: Int) -> Bool {
        name.roles[index].weighs && name.roles[index] != .stopWord
    }

    /// The unpaired tokens of `name` (weighted ones), by role.
    func leftover(_ name: PreparedName, _ used: [Bool]) -> Set<NameVocabulary.Role> {
        Set(name.roles.indices.filter { !used[$0] && name.weight($0) > 0 }.map { name.roles[$0] })
    }
}
