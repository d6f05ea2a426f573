public import SanctionsCore
public import SanctionsImport
public import SanctionsScreening
package import SanctionsStore

/// How certain a name match must be, and how weak it may be and still be shown for review.
public struct ScreeningOptions: Sendable, Hashable {
    /// The default certain-match threshold, tuned with `sanctions eval` on the real OFAC lists.
    public static let defaultThreshold = NameScorer.certainMatch

    /// Matches scoring at least this are certain: the rule's outcome applies as is.
    public var threshold: Double
    /// Matches scoring at least this (and below `threshold`) are possible: `review` when the rule
    /// would restrict the transaction. Weaker ones are not reported.
    public var reviewFloor: Double
    /// How many days after a list's newest publication a date is still current (later: stale).
    public var staleAfterDays: Int
    /// Whether a screening with nothing stricter than `permitted` is `unknown` when a list that
    /// could restrict the transaction has no coverage on its date. Only a test of folds and rules
    /// on a hand-built ledger without list publications turns it off.
    public var requireCoverage: Bool
    /// The name matcher's version (`--algorithm`; default the current one).
    public var algorithm: MatchingAlgorithm

    public init(
        threshold: Double = ScreeningOptions.defaultThreshold, reviewFloor: Double? = nil,
        staleAfterDays: Int = RegimeCoverage.defaultStaleAfterDays, requireCoverage: Bool = true,
        algorithm: MatchingAlgorithm = .current
    ) {
        self.algorithm = algorithm
        self.threshold = threshold
        self.reviewFloor = reviewFloor ?? max(0.5, threshold - 0.10)
        self.staleAfterDays = staleAfterDays
        self.requireCoverage = requireCoverage
    }
}

/// One listed name that a screened name matches, with the rule applied and the evidence.
public struct ScreeningMatch: Sendable, Hashable {
    public var party: PartyID
    public var regime: RegimeID
    /// The listed name or alias that matched.
    public var matchedName: String
    /// Whether the matched name is the primary name or an alias (and which kind).
    public var nameKind: NameKind
    /// The designation's primary listed name on that date.
    public var listedName: String
    /// Similarity of the query to `matchedName`, 0...1.
    public var score: Double
    /// Whether the score reaches the certain-match threshold.
    public var certain: Bool
    /// The outcome for this match: the rule's, or `review` for a possible match the rule would restrict.
    public var outcome: Outcome
    /// The rule's own outcome, had the match been certain.
    public var ruleOutcome: Outcome
    /// The licence review policy, when a licence is required.
    public var policy: String?
    /// Why the rule gives this outcome.
    public var note: String
    /// The events behind the match: listing, amendments, the name's event, the rule's.
    public var events: [EventID]
    /// The normalised forms compared.
    public var normalizedQuery: String
    public var normalizedName: String
    /// When the designation began.
    public var listedFrom: LedgerTime
    /// Set when the transaction's date lies in the window of a listing or delisting the ledger
    /// dates only by observation: the outcome is then `review` where the rule would restrict.
    public var uncertainty: DateUncertainty?
    /// Why the name scored what it did: the words paired and how, those left out or ignored, and
    /// the rules that capped the score.
    public var explanation: MatchExplanation?
}

/// The verdict for one screened name on one date for one transaction type.
public struct ScreeningResult: Sendable, Hashable {
    public var query: String
    public var date: LedgerTime
    public var type: TransactionType
    /// The strongest outcome of all matches (`permitted` when nothing matches), or `unknown` when
    /// nothing matches but a list that could restrict the transaction has no coverage on its date.
    public var verdict: Outcome
    /// Every match at or above the review floor, strongest outcome and best score first.
    public var matches: [ScreeningMatch]
    /// The lists consulted (every regime whose rule could restrict this transaction type on that
    /// date) and how well the ledger knows each then.
    public var coverage: [CoverageAssessment] = []
    /// The name matcher that found the matches (its name and version: `name-tokens-v2`).
    public var algorithm: MatchingAlgorithm

    /// The consulted lists whose coverage is not full, or that are stale: the verdict's caveats.
    public var caveats: [CoverageAssessment] { coverage.filter { $0.level != .full || $0.stale } }
}
