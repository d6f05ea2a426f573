public import SanctionsCore
public import SanctionsImport
public import SanctionsScreening
package import SanctionsStore

/// Everything screening needs, in memory: every listed name with its intervals, the candidate
/// index over them, the designations and the rules.
///
/// Built once; then *match once, filter by time*: ``candidates(for:)`` depends only on the name,
/// and ``verdict(query:candidates:date:type:knownAt:)`` only keeps the matches whose intervals
/// contain the transaction's date.
///
/// For example:
/// ```swift
/// // given: ledger: Ledger
/// let snapshot = try ledger.screeningSnapshot()
/// let result = snapshot.screen("Hikvision", on: try LedgerTime.parse("2019-10-09"), type: .export)
/// result.verdict // .licenseRequired
/// ```
public struct ScreeningSnapshot: Sendable {
    /// A name that matched, by position in ``names``.
    public struct Candidate: Sendable, Hashable {
        public var name: Int
        public var score: Double
    }

    public let options: ScreeningOptions
    /// Every name row (any valid time) of the knowledge view the snapshot was built for.
    public let names: [NameSegment]
    let index: NameIndex
    let designations: [String: [DesignationSegment]]
    let rules: [String: [RuleSegment]]
    /// The knowledge instant this snapshot reflects (nil: everything).
    public let knownAt: LedgerTime?
    /// How well the ledger knows each regime's list over time.
    public let coverage: [RegimeID: RegimeCoverage]
    /// The regimes with rules for each transaction type.
    let ruledRegimes: [TransactionType: [RegimeID]]

    /// Builds a snapshot from projection rows, keeping the rows visible at `knownAt` (nil: now).
    package init(
        rows: ProjectionRows, rules ruleRows: [RuleSegment], knownAt: LedgerTime? = nil,
        options: ScreeningOptions = ScreeningOptions(), coverage: [RegimeID: RegimeCoverage] = [:]
    ) {
        func visible(_ known: LedgerInterval) -> Bool {
            guard let knownAt else { return known.to == nil }
            return known.contains(knownAt.queryInstant)
        }
        var names: [NameSegment] = []
        var normalized: [NormalizedName] = []
        for (name, text) in zip(rows.names, rows.normalizedNames) where visible(name.known) {
            names.append(name)
            normalized.append(NormalizedName(storedText: text))
        }
        self.names = names
        self.index = NameIndex(normalized: normalized, algorithm: options.algorithm)
        self.designations = Dictionary(grouping: rows.designations.filter { visible($0.known) }) {
            $0.party.rawValue + "|" + $0.regime.rawValue
        }
        self.rules = Dictionary(grouping: ruleRows.filter { visible($0.known) }) {
            $0.regime.rawValue + "|" + $0.rule.transactionType.rawValue
        }
        self.knownAt = knownAt
        self.options = options
        self.coverage = coverage
        var ruled: [TransactionType: Set<RegimeID>] = [:]
        for rule in ruleRows where visible(rule.known) {
            ruled[rule.rule.transactionType, default: []].insert(rule.regime)
        }
        self.ruledRegimes = ruled.mapValues { $0.sorted() }
    }

    /// The matcher version this snapshot screens with.
    public var algorithm: MatchingAlgorithm { index.algorithm }

    /// `query` prepared for this snapshot's matcher.
    public func prepare(_ query: String) -> PreparedQuery { PreparedQuery(query, algorithm: index.algorithm) }

    /// Match once: every name, at any time, that `query` matches at or above the review floor.
    public func candidates(for query: String) -> [Candidate] {
        var statistics = NameIndex.SearchStatistics()
        return candidates(for: prepare(query), statistics: &statistics)
    }

    /// Match every name a query holds (the whole, and each of "X (Y)", "X a.k.a. Y", ...), keeping
    /// each listed name's best score.
    public func candidates(for query: PreparedQuery, statistics: inout NameIndex.SearchStatistics) -> [Candidate] {
        guard !query.parts.isEmpty else { return candidates(for: query.whole, statistics: &statistics) }
        var best: [Int: Double] = [:]
        for name in query.all {
            for candidate in candidates(for: name, statistics: &statistics)
            where candidate.score > best[candidate.name] ?? -1 {
                best[candidate.name] = candidate.score
            }
        }
        return best.keys.sorted().map { Candidate(name: $0, score: best[$0]!) }
    }

    /// Match once, with search statistics.
    public func candidates(for query: PreparedName, statistics: inout NameIndex.SearchStatistics) -> [Candidate] {
        index.search(query, minimumScore: options.reviewFloor, statistics: &statistics).map {
            Candidate(name: $0.entry, score: $0.score)
        }
    }

    /// Screens one name on one date: candidates, then the verdict.
    public func screen(_ query: String, on date: LedgerTime, type: TransactionType) -> ScreeningResult {
        let prepared = prepare(query)
        var statistics = NameIndex.SearchStatistics()
        return verdict(
            query: query, normalizedQuery: prepared.whole.normalized.text,
            candidates: candidates(for: prepared, statistics: &statistics), date: date, type: type)
    }

    /// Adds to each match (of the name at the same position of `entries`) its explanation.
    func explain(_ matches: inout [ScreeningMatch], entries: [Int], query: String) {
        guard !matches.isEmpty else { return }
        let prepared = prepare(query)
        for index in matches.indices {
            matches[index].explanation = explain(prepared, entry: entries[index], score: matches[index].score)
        }
    }

    /// The order of a verdict's matches: strongest outcome, then best score, then party and regime.
    static func reportOrder(_ lhs: ScreeningMatch, _ rhs: ScreeningMatch) -> Bool {
        (lhs.outcome, lhs.score) != (rhs.outcome, rhs.score)
            ? (lhs.outcome, lhs.score) > (rhs.outcome, rhs.score) : (lhs.party, lhs.regime) < (rhs.party, rhs.regime)
    }

    /// Why `query` matches the name at `entry` with `score`: the explanation of the name the
    /// query holds (the whole, or one of its parts) that gave that score.
    func explain(_ query: PreparedQuery, entry: Int, score: Double) -> MatchExplanation {
        let explanations = query.all.map { index.explain($0, entry: entry) }
        return explanations.first { $0.score == score } ?? explanations.max { $0.score < $1.score }!
    }

    /// Filter by time: the verdict from precomputed candidates, keeping the names and designations
    /// in force on `date` and the rules in force then.
    public func verdict(
        query: String, normalizedQuery: String, candidates: [Candidate], date: LedgerTime, type: TransactionType
    ) -> ScreeningResult {
        let instant = date.queryInstant
        var best: [String: (candidate: Candidate, name: NameSegment)] = [:]
        for candidate in candidates {
            let name = names[candidate.name]
            guard name.valid.contains(instant) else { continue }
            let key = name.party.rawValue + "|" + name.regime.rawValue
            if let current = best[key], !Self.isBetter(candidate, name, than: current.candidate, current.name) {
                continue
            }
            best[key] = (candidate, name)
        }
        // A query that is exactly a listed name of one party (on any date the ledger knows) names
        // that legal person: a near name of another party ("SenseTime Group Limited" against the
        // Entity List's "Sense Time") is then a possible match, not a certain one, unless that
        // party lists the same name with other punctuation (two lists' entries of one legal person:
        // the Entity List's "OOO ?SMT'K?" and the SDN list's "OOO 'SMT-K'").
        let exact = candidates.filter { $0.score >= 1 }
        let exactParties = Set(exact.map { names[$0.name].party })
        let exactSpellings = Set(exact.map { Self.spelling(index.names[$0.name].normalized.text) })
        var matches: [ScreeningMatch] = []
        var entries: [Int] = []
        for (key, hit) in best {
            guard let designation = designations[key]?.first(where: { $0.valid.contains(instant) }) else { continue }
            let rule = rule(regime: hit.name.regime, type: type, at: instant, for: designation.details)
            let evaluation = RuleEngine.evaluate(rule: rule, designation: designation, type: type, on: date)
            let others = exactParties.subtracting([hit.name.party])
            let namesAnother =
                hit.candidate.score < 1 && !others.isEmpty
                && !exactSpellings.contains(Self.spelling(index.names[hit.candidate.name].normalized.text))
            let certain = hit.candidate.score >= options.threshold && !namesAnother
            var outcome = certain || evaluation.outcome == .permitted ? evaluation.outcome : .review
            let why =
                namesAnother
                ? "possible match (the query is exactly the listed name of another party, "
                    + others.map(\.rawValue).sorted().joined(separator: ", ") + "): "
                : "possible match (score below \(options.threshold)): "
            var note = certain || evaluation.outcome == .permitted ? evaluation.note : why + evaluation.note
            if let uncertainty = designation.uncertainty {
                // Inside the window of a listing or delisting dated only by observation: a person has to look.
                if evaluation.outcome != .permitted { outcome = .review }
                note = "\(uncertainty): " + note
            }
            var seen = Set<EventID>()
            let events =
                ([designation.listingEvent] + designation.detailEvents + [hit.name.startEvent]
                + (evaluation.ruleEvent.map { [$0] } ?? []))
                .filter { seen.insert($0).inserted }
            matches.append(
                ScreeningMatch(
                    party: hit.name.party, regime: hit.name.regime, matchedName: hit.name.name, nameKind: hit.name.kind,
                    listedName: designation.details.name ?? hit.name.name, score: hit.candidate.score, certain: certain,
                    outcome: outcome,
                    ruleOutcome: evaluation.outcome, policy: evaluation.policy, note: note,
                    events: events, normalizedQuery: normalizedQuery,
                    normalizedName: index.names[hit.candidate.name].normalized.text,
                    listedFrom: designation.listedFrom, uncertainty: designation.uncertainty))
            entries.append(hit.candidate.name)
        }
        explain(&matches, entries: entries, query: query)
        matches.sort(by: Self.reportOrder)
        let consulted = coverage(on: date, type: type)
        var verdict = matches.map(\.outcome).max() ?? .permitted
        // A list the ledger does not cover on that date leaves the answer unknown, unless the name
        // certainly matches one of its designations (then the ledger knows this party's status there).
        let answered = Set(matches.filter(\.certain).map(\.regime))
        if verdict == .permitted, options.requireCoverage,
            consulted.contains(where: { $0.level == .none && !answered.contains($0.regime) })
        {
            verdict = .unknown
        }
        return ScreeningResult(
            query: query, date: date, type: type, verdict: verdict, matches: matches, coverage: consulted,
            algorithm: algorithm)
    }

    /// The lists that could restrict a transaction of `type` on `date` (a rule in force then, general
    /// or for entries stating a directive, can require a licence or prohibit), with how well the
    /// ledger knows each on that date.
    public func coverage(on date: LedgerTime, type: TransactionType) -> [CoverageAssessment] {
        let instant = date.queryInstant
        return (ruledRegimes[type] ?? []).compactMap { regime in
            let inForce = rules(regime: regime, type: type, at: instant)
            // A list restricts when a rule in force can require a licence or prohibit; a list whose
            // rules at most ask for a review (the Unverified List's statement) cannot make the
            // answer unknown (its hits say review where it holds them).
            func restricts(_ outcome: Outcome) -> Bool { outcome >= .licenseRequired }
            guard
                inForce.contains(where: { rule in
                    restricts(rule.rule.outcome) || rule.rule.changes.contains(where: { restricts($0.outcome) })
                })
            else { return nil }
            return (coverage[regime] ?? RegimeCoverage(regime: regime, publications: [])).at(
                date, staleAfterDays: options.staleAfterDays)
        }
    }
}

extension ScreeningSnapshot {
    /// A normalised name's letters without the spaces between its tokens: "ooo smt k" and "ooo smtk"
    /// are one spelling.
    static func spelling(_ normalized: String) -> String { normalized.filter { $0 != " " } }

    /// Every rule of `regime` for `type` in force at `instant`: the general one and those scoped to
    /// what entries state.
    func rules(regime: RegimeID, type: TransactionType, at instant: LedgerTime) -> [RuleSegment] {
        (rules[regime.rawValue + "|" + type.rawValue] ?? []).filter { $0.valid.contains(instant) }
    }

    /// The rule of `regime` for `type` in force at `instant` that governs a designation with
    /// `details`: a rule scoped to what the entry states wins over the regime's general rule.
    func rule(regime: RegimeID, type: TransactionType, at instant: LedgerTime, for details: DesignationDetails)
        -> RuleSegment?
    {
        let inForce = rules(regime: regime, type: type, at: instant)
        // Several statements of one entry (E.O. 13382 and INKSNA): the strictest rule governs.
        return inForce.filter { $0.rule.entryStates != nil && $0.rule.governs(details) }.max {
            ($0.rule.outcome, $1.rule.entryStates ?? "") < ($1.rule.outcome, $0.rule.entryStates ?? "")
        } ?? inForce.first { $0.rule.entryStates == nil }
    }

    /// Which of two matched names of one designation a verdict reports: the higher score, and on a
    /// tie the one first by content (name, kind, start, event), never by position in the index.
    static func isBetter(_ candidate: Candidate, _ name: NameSegment, than other: Candidate, _ otherName: NameSegment)
        -> Bool
    {
        if candidate.score != other.score { return candidate.score > other.score }
        return (name.name, name.kind.rawValue, name.valid.from.seconds, name.startEvent.rawValue)
            < (otherName.name, otherName.kind.rawValue, otherName.valid.from.seconds, otherName.startEvent.rawValue)
    }
}

extension Ledger {
    /// A screening snapshot of this ledger as known at `knownAt` (nil: now), or as recorded through
    /// a sequence number.
    public func screeningSnapshot(
        knownAt: LedgerTime? = nil, recordedThrough: Int? = nil, options: ScreeningOptions = ScreeningOptions()
    ) throws -> ScreeningSnapshot {
        let rows = try database.projectionRows(recordedThrough: recordedThrough)
        let rules = try database.ruleRows(recordedThrough: recordedThrough)
        return ScreeningSnapshot(
            rows: rows, rules: rules, knownAt: knownAt, options: options,
            coverage: try coverage(knownAt: knownAt, recordedThrough: recordedThrough))
    }
}
