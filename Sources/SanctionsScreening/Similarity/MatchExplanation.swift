/// Why a name scored what it did against a listed name: which words were paired and how, which
/// were left unpaired (and cost the score), which were ignored, and which rule capped the score.
///
/// It is computed again from the two names by ``NameScorer/explain(_:_:)``, with the same steps
/// as ``NameScorer/score(_:_:)``, so its `score` is the score the verdict reports.
public struct MatchExplanation: Sendable, Hashable {
    /// Words of the query and of the listed name paired with each other.
    public struct Pair: Sendable, Hashable {
        /// The query's words (several when they are one listed word split, or initials' words).
        public var query: [String]
        /// The listed name's words.
        public var listed: [String]
        /// Why they pair: `exact`, `similar` (spelling), `prefix` (an abbreviation), `sound`,
        /// `consonants` (vowels dropped), `ocr` (a scanner's misreading), `joined` (a word written
        /// as two or three) or `initials`.
        public var kind: String
        /// Their similarity, 0...1.
        public var similarity: Double
    }

    /// Which name a word belongs to.
    public enum Side: String, Sendable, Hashable {
        case query, listed
    }

    /// A word left out of every pair.
    public struct Word: Sendable, Hashable {
        public var side: Side
        public var word: String
        /// `distinctive`, `descriptor`, `place`, `legal form`, `title` or `stop word`.
        public var role: String

        public init(side: Side, word: String, role: String) {
            self.side = side
            self.word = word
            self.role = role
        }
    }

    /// The matcher that compared the names.
    public var algorithm: MatchingAlgorithm
    /// The query as compared (normalised; one of its names when it holds several).
    public var query: String
    /// The listed name as compared (normalised).
    public var listed: String
    public var pairs: [Pair]
    /// Words that weigh but were not paired: each lowers the score.
    public var unpaired: [Word]
    /// Words that do not count: legal forms on both sides, and titles the query adds.
    public var ignored: [Word]
    /// The rules that decided or capped the score, in words.
    public var rules: [String]
    /// The score these steps give (the match's score).
    public var score: Double
}

extension NameVocabulary.Role {
    /// The role's name in explanations.
    var explanationName: String {
        switch self {
        case .distinctive: "distinctive"
        case .generic: "descriptor"
        case .place: "place"
        case .legalForm: "legal form"
        case .stopWord: "stop word"
        case .title: "title"
        }
    }
}
