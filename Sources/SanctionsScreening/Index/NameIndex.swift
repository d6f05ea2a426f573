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
    private var postings: [UInt64: [Int32]] = [:]
    private let scorer: NameScorer

    /// Builds the index from already normalised names (position = entry number).
    public init(normalized: [NormalizedName], scorer: NameScorer = NameScorer()) {
        self.scorer = scorer
        names = normalized.map(PreparedName.init)
        var postings: [UInt64: [Int32]] = [:]
        for (entry, name) in names.enumerated() {
            var grams = Set<UInt64>()
            for (token, role) in zip(name.tokens, name.roles)
            where role == .distinctive || (name.onlyGeneric && role != .legalForm) {
                Self.grams(of: token, into: &grams)
            }
            Self.grams(of: name.joinedDistinctive, into: &grams)
            for gram in grams { postings[gram, default: []].append(Int32(entry)) }
        }
        self.postings = postings
    }

    /// Builds the index from raw names (normalising each).
    public init(names raw: [String], scorer: NameScorer = NameScorer()) {
        self.init(normalized: raw.map(NameNormalizer.normalize), scorer: scorer)
    }

    static func grams(of token: [UInt32], into grams: inout Set<UInt64>) {
        guard !token.isEmpty else { return }
        let padded: [UInt32] = [0x5E] + token + [0x24]
        if padded.count < 3 { return }
        for start in 0...(padded.count - 3) {
            let gram =
                UInt64(padded[start] & 0x1FFFFF) << 42 | UInt64(padded[start + 1] & 0x1FFFFF) << 21
                | UInt64(padded[start + 2] & 0x1FFFFF)
            grams.insert(gram)
        }
    }

    /// The names scoring at least `minimumScore` against `query`, best first.
    public func search(_ query: String, minimumScore: Double) -> [Hit] {
        var statistics = SearchStatistics()
        return search(
            PreparedName(NameNormalizer.normalize(query)), minimumScore: minimumScore, statistics: &statistics)
    }

    /// The share of the query's trigrams a name must have to be scored.
    public static let sharedGramShare = 0.4

    /// The names scoring at least `minimumScore` against a prepared query, best first.
    ///
    /// A name is scored when it shares at least 40% of the query's trigrams (of its distinctive
    /// tokens, and of them joined). That test looks at the query and the one name only, and every
    /// name that passes it is scored: no candidate is cut by rank, so the result depends only on
    /// the query and the names, never on what else the index holds, on the order of its rows or
    /// of hashing, or on threads. Ties in score are ordered by the normalised name, then by the
    /// entry, so callers that need a content order only have to break ties among equal texts.
    public func search(_ query: PreparedName, minimumScore: Double, statistics: inout SearchStatistics) -> [Hit] {
        var grams = Set<UInt64>()
        for (token, role) in zip(query.tokens, query.roles)
        where role == .distinctive || (query.onlyGeneric && role != .legalForm) {
            Self.grams(of: token, into: &grams)
        }
        Self.grams(of: query.joinedDistinctive, into: &grams)
        guard !grams.isEmpty else { return [] }
        let needed = UInt16(max(1, Int(Double(grams.count) * Self.sharedGramShare)))
        var counts = [UInt16](repeating: 0, count: names.count)
        var candidates: [Int32] = []
        for gram in grams {
            guard let list = postings[gram] else { continue }
            for entry in list {
                counts[Int(entry)] += 1
                if counts[Int(entry)] == needed { candidates.append(entry) }
            }
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
