/// A candidate index over many names: character trigrams of every token, so that a query is scored
/// only against the names that share enough of its trigrams, never against the whole list.
///
/// For example:
/// ```swift
/// let index = NameIndex(names: ["Hangzhou Hikvision Digital Technology Co., Ltd."])
/// index.search("Hikvision", minimumScore: 0.8).first?.score  // about 0.93
/// ```
public struct NameIndex: Sendable {
    /// One result of a search.
    public struct Hit: Sendable, Hashable {
        /// The position of the name in the index (as given when building it).
        public var entry: Int
        public var score: Double
    }

    /// Figures about one search, for benchmarks.
    public struct SearchStatistics: Sendable {
        public var candidatesScored = 0
        public var queries = 0

        public init() {}
    }

    public let names: [PreparedName]
    /// The matcher version the names were prepared for (queries must be prepared the same way).
    public let algorithm: MatchingAlgorithm
    private var postings: [UInt64: [Int32]] = [:]
    /// Trigrams of the sound keys of distinctive tokens (consonants by sound class), to find names
    /// from queries written without vowels (`name-tokens-v2` on).
    private var consonantPostings: [UInt64: [Int32]] = [:]
    private let scorer: NameScorer

    /// Builds the index from already normalised names (position = entry number).
    public init(
        normalized: [NormalizedName], algorithm: MatchingAlgorithm = .current, scorer: NameScorer = NameScorer()
    ) {
        self.scorer = scorer
        self.algorithm = algorithm
        names = normalized.map { PreparedName($0, algorithm: algorithm) }
        var postings: [UInt64: [Int32]] = [:]
        var consonantPostings: [UInt64: [Int32]] = [:]
        for (entry, name) in names.enumerated() {
            var grams = Self.grams(of: name)
            if algorithm >= .tokensV2 { Self.particleGrams(of: name, into: &grams) }
            for gram in grams { postings[gram, default: []].append(Int32(entry)) }
            guard algorithm >= .tokensV2 else { continue }
            for gram in Self.consonantGrams(of: name) { consonantPostings[gram, default: []].append(Int32(entry)) }
        }
        self.postings = postings
        self.consonantPostings = consonantPostings
    }

    /// Builds the index from raw names (normalising each).
    public init(names raw: [String], algorithm: MatchingAlgorithm = .current, scorer: NameScorer = NameScorer()) {
        self.init(normalized: raw.map(NameNormalizer.normalize), algorithm: algorithm, scorer: scorer)
    }

    /// Whether a token is looked up: distinctive ones, or every weighted one in a name without any.
    static func indexed(_ name: PreparedName, _ index: Int) -> Bool {
        name.roles[index] == .distinctive || (name.onlyGeneric && name.roles[index].weighs)
    }

    /// The trigrams a name is found by: of its looked-up tokens, and of its distinctive tokens joined.
    static func grams(of name: PreparedName) -> Set<UInt64> {
        var grams = Set<UInt64>()
        for index in name.tokens.indices where indexed(name, index) {
            Self.grams(of: name.tokens[index], into: &grams)
        }
        Self.grams(of: name.joinedDistinctive, into: &grams)
        return grams
    }

    /// Trigrams of each particle or title joined to the word after it ("al shaykh" → "alshaykh",
    /// "de cuba" → "decuba"), so that a query that writes them as one word finds the name.
    static func particleGrams(of name: PreparedName, into grams: inout Set<UInt64>) {
        for index in name.tokens.indices.dropLast()
        where name.roles[index] == .stopWord || name.roles[index] == .title {
            Self.grams(of: name.tokens[index] + name.tokens[index + 1], into: &grams)
        }
    }

    /// Trigrams of the consonant skeletons of a name's looked-up tokens (the form words written
    /// without vowels are compared in: "bhmn" finds "bahman").
    static func consonantGrams(of name: PreparedName) -> Set<UInt64> {
        var grams = Set<UInt64>()
        for index in name.tokens.indices where indexed(name, index) {
            let skeleton = TokenSimilarity.skeleton(name.tokens[index])
            if skeleton.count >= 2 { Self.grams(of: skeleton, into: &grams) }
        }
        return grams
    }

    static func grams(of token: [UInt32], into grams: inout Set<UInt64>) {
        guard !token.isEmpty else { return }
        let padded: [UInt32] = [0x5E] + token + [0x24]
        if padded.count < 3 { return }
        for start in 0...(padded.count - 3) {
            grams.insert(gram(padded[start], padded[start + 1], padded[start + 2]))
        }
    }

    /// Three scalars packed into one key.
    static func gram(_ a: UInt32, _ b: UInt32, _ c: UInt32) -> UInt64 {
        UInt64(a & 0x1FFFFF) << 42 | UInt64(b & 0x1FFFFF) << 21 | UInt64(c & 0x1FFFFF)
    }

    /// Why `query` scores what it does against the name at `entry` (the score ``search(_:minimumScore:statistics:)`` gives).
    public func explain(_ query: PreparedName, entry: Int) -> MatchExplanation {
        scorer.explain(query, names[entry])
    }

    /// The names scoring at least `minimumScore` against `query`, best first.
    public func search(_ query: String, minimumScore: Double) -> [Hit] {
        var statistics = SearchStatistics()
        return search(
            PreparedName(NameNormalizer.normalize(query), algorithm: algorithm), minimumScore: minimumScore,
            statistics: &statistics)
    }

    /// The names of `postings` (`count` names in all) that hold at least `share` of the `basis`
    /// first-counted grams (default: all of `grams`), and at least `atLeast` of them (or all);
    /// with `heads`, a name must also hold one of the heads, or `withoutHeadShare` of the basis.
    static func candidates(
        sharing grams: Set<UInt64>, basis: Int? = nil, heads: Set<UInt64> = [], withoutHeadShare: Double = 0,
        postings: [UInt64: [Int32]], count: Int, share: Double, atLeast: Int
    ) -> [Int32] {
        guard !grams.isEmpty else { return [] }
        let basis = basis ?? grams.count
        let needed = min(basis, max(atLeast, Int(Double(basis) * share)))
        let withoutHead = max(needed, Int((Double(basis) * withoutHeadShare).rounded(.up)))
        var counts = [UInt16](repeating: 0, count: count)
        var headed = heads.isEmpty ? [] : [Bool](repeating: false, count: count)
        var reached: [Int32] = []
        for gram in grams {
            guard let list = postings[gram] else { continue }
            let head = heads.contains(gram)
            for entry in list {
                counts[Int(entry)] += 1
                if head { headed[Int(entry)] = true }
                if counts[Int(entry)] == needed { reached.append(entry) }
            }
        }
        return heads.isEmpty ? reached : reached.filter { headed[Int($0)] || Int(counts[Int($0)]) >= withoutHead }
    }

    /// The share of the query's trigrams a name must have to be scored (from `name-tokens-v2` on,
    /// two at least: "engy" is not looked up by "^en" alone).
    public static let sharedGramShare = 0.4
    /// The share of a query's consonant trigrams a name must have to be scored by its consonants.
    public static let sharedConsonantShare = 0.6

    /// The names scoring at least `minimumScore` against a prepared query, best first.
    ///
    /// A name is scored when it shares at least 40% of the query's trigrams (of its distinctive
    /// tokens, and of them joined). That test looks at the query and the one name only, and every
    /// name that passes it is scored: no candidate is cut by rank, so the result depends only on
    /// the query and the names, never on what else the index holds, on the order of its rows or
    /// of hashing, or on threads. Ties in score are ordered by the normalised name, then by the
    /// entry, so callers that need a content order only have to break ties among equal texts.
    public func search(_ query: PreparedName, minimumScore: Double, statistics: inout SearchStatistics) -> [Hit] {
        let improved = algorithm >= .tokensV2
        var candidates =
            improved
            ? QueryGrams(query) { Self.indexed(query, $0) }.candidates(postings: postings, count: names.count)
            : Self.candidates(
                sharing: Self.grams(of: query), postings: postings, count: names.count, share: Self.sharedGramShare,
                atLeast: 1)
        // A query with a word written without vowels is also looked up by its consonants.
        if improved, query.vowelless.contains(true) {
            let more = Self.candidates(
                sharing: Self.consonantGrams(of: query), postings: consonantPostings, count: names.count,
                share: Self.sharedConsonantShare, atLeast: 3)
            candidates = Array(Set(candidates).union(more)).sorted()
        }
        statistics.candidatesScored += candidates.count
        statistics.queries += 1
        var hits: [Hit] = []
        for entry in candidates {
            let score = scorer.score(query, names[Int(entry)])
            if score >= minimumScore { hits.append(Hit(entry: Int(entry), score: score)) }
        }
        hits.sort { lhs, rhs in
            if lhs.score != rhs.score { return lhs.score > rhs.score }
            let left = names[lhs.entry].normalized.text
            let right = names[rhs.entry].normalized.text
            return left != right ? left < right : lhs.entry < rhs.entry
        }
        return hits
    }
}
