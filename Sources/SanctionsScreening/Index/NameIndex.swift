/// A candidate index over many names: character trigrams of every token, so that a query is scored
/// only against the names that share enough of its trigrams, never against the whole list.
///
/// For example:
/// ```swift
/// let index = NameIndex(names: [(0, "Hangzhou Hikvision Digital Technology Co., Ltd.")])
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
    /// The most candidates scored per query.
    public var candidateLimit = 200

    /// Builds the index from already normalised names (position = entry number).
    public init(normalized: [NormalizedName], scorer: NameScorer = NameScorer()) {
        self.scorer = scorer
        names = normalized.map(PreparedName.init)
        var postings: [UInt64: [Int32]] = [:]
        for (entry, name) in names.enumerated() {
            var grams = Set<UInt64>()
            for (token, role) in zip(name.tokens, name.roles) where role == .distinctive || (name.onlyGeneric && role != .legalForm) {
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
            let gram = UInt64(padded[start] & 0x1FFFFF) << 42 | UInt64(padded[start + 1] & 0x1FFFFF) << 21 | UInt64(padded[start + 2] & 0x1FFFFF)
            grams.insert(gram)
        }
    }

    /// The names scoring at least `minimumScore` against `query`, best first.
    public func search(_ query: String, minimumScore: Double) -> [Hit] {
        var statistics = SearchStatistics()
        return search(PreparedName(NameNormalizer.normalize(query)), minimumScore: minimumScore, statistics: &statistics)
    }

    /// The names scoring at least `minimumScore` against a prepared query, best first.
    public func search(_ query: PreparedName, minimumScore: Double, statistics: inout SearchStatistics) -> [Hit] {
        var grams = Set<UInt64>()
        for (token, role) in zip(query.tokens, query.roles) where role == .distinctive || (query.onlyGeneric && role != .legalForm) {
            Self.grams(of: token, into: &grams)
        }
        Self.grams(of: query.joinedDistinctive, into: &grams)
        guard !grams.isEmpty else { return [] }
        // Rare grams first; very common ones are skipped once enough rare ones are in.
        let lists = grams.compactMap { postings[$0] }.sorted { $0.count < $1.count }
        let common = max(64, names.count / 20)
        var counts: [Int32: UInt16] = [:]
        counts.reserveCapacity(512)
        var used = 0
        for (position, list) in lists.enumerated() {
            if position >= 3, list.count > common { break }
            for entry in list { counts[entry, default: 0] += 1 }
            used += 1
        }
        // A candidate shares enough of the grams that were counted (very common ones were skipped).
        let needed = UInt16(max(1, Int(Double(used) * 0.4)))
        var candidates = counts.filter { $0.value >= needed }.map { ($0.key, $0.value) }
        if candidates.count > candidateLimit {
            candidates.sort { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
            candidates.removeLast(candidates.count - candidateLimit)
        }
        statistics.candidatesScored += candidates.count
        statistics.queries += 1
        var hits: [Hit] = []
        for (entry, _) in candidates {
            let score = scorer.score(query, names[Int(entry)])
            if score >= minimumScore { hits.append(Hit(entry: Int(entry), score: score)) }
        }
        hits.sort { $0.score != $1.score ? $0.score > $1.score : $0.entry < $1.entry }
        return hits
    }
}
