import Foundation
public import SanctionsCore
public import SanctionsImport
public import SanctionsScreening
package import SanctionsStore

/// The questions the projections answer: lists as of a date, diffs, timelines.
extension Ledger {
    /// Turns `--recorded-at` into the last sequence number recorded by then.
    public func asOf(on: LedgerTime, knownAt: LedgerTime? = nil, recordedAt: LedgerTime? = nil) throws -> AsOf {
        AsOf(on: on, knownAt: knownAt, recordedThrough: try recordedAt.map { try database.sequence(recordedAt: $0) })
    }

    /// The designations in force at `asOf`.
    public func list(asOf: AsOf, regime: RegimeID? = nil, party: PartyID? = nil) throws -> [DesignationView] {
        try database.designations(asOf: asOf, regime: regime, party: party)
    }

    /// What changed between two dates, as known at `knownAt` (nil: now).
    public func diff(
        from: LedgerTime, to: LedgerTime, knownAt: LedgerTime? = nil, recordedThrough: Int? = nil,
        regime: RegimeID? = nil
    ) throws -> ListDiff {
        let start = AsOf(on: from, knownAt: knownAt, recordedThrough: recordedThrough)
        let end = AsOf(on: to, knownAt: knownAt, recordedThrough: recordedThrough)
        let before = try database.designations(asOf: start, regime: regime)
        let after = try database.designations(asOf: end, regime: regime)
        let endings = try database.designationEndings(from: from, to: to, knownAt: knownAt, regime: regime)
        let context = regime == nil ? before : try database.designations(asOf: start)
        let severities = Dictionary(
            try database.regimes().map { ($0.id, $0.severity) }, uniquingKeysWith: { first, _ in first })
        return ListDiff.compute(from: start, to: end, before: before, after: after, endings: endings, context: context)
        { severities[$0] ?? 0 }
    }

    /// The parties a user means by `text`: the slug itself when some event concerns it, else every
    /// party ever listed under that name or alias (case and punctuation folded).
    public func resolveParty(_ text: String) throws -> [PartyID] {
        if IdentifierSyntax.isSlug(text), try database.partyExists(PartyID(text)) { return [PartyID(text)] }
        return try database.parties(named: text)
    }

    /// The one party a user means by `text` (`timeline`, `list --party`, `events --party`): a slug,
    /// a name or alias it was listed under, or else the clearly best fuzzy match of any name it
    /// was ever listed under. When no party is clearly meant, the error lists the candidates
    /// (slug, listed name, score).
    public func requireParty(_ text: String) throws -> PartyID {
        let exact = try resolveParty(text)
        if exact.count == 1 { return exact[0] }
        let suggestions = try partySuggestions(text)
        if exact.isEmpty, let best = Self.clearlyBest(suggestions) { return best }
        let listed = (exact.isEmpty ? suggestions : suggestions.filter { exact.contains($0.party) }).prefix(8)
        let hint =
            listed.isEmpty
            ? " (try a slug from 'sanctions list' or a name from 'sanctions screen')"
            : "; did you mean: "
                + listed.map { "\($0.party) ('\($0.name)', \(String(format: "%.2f", $0.score)))" }.joined(
                    separator: ", ")
        let what = exact.count > 1 ? "'\(text)' names \(exact.count) parties" : "no party is or was listed as '\(text)'"
        throw InputError(.invalidField, what + hint, field: "party")
    }

    /// The party the suggestions clearly point at: the best scores at least 0.9 and 0.05 above the
    /// next, or it is the only one whose name equals the query once legal forms and punctuation are
    /// set aside (score ≥ 0.995: "Huawei Technologies" for HUAWEI TECHNOLOGIES CO., LTD. while its
    /// 60 affiliates score 0.98). Nil when the user must choose.
    static func clearlyBest(_ suggestions: [(party: PartyID, name: String, score: Double)]) -> PartyID? {
        guard let best = suggestions.first, best.score >= 0.9 else { return nil }
        guard let next = suggestions.dropFirst().first else { return best.party }
        if best.score - next.score >= 0.05 { return best.party }
        return best.score >= exactNameScore && next.score < exactNameScore ? best.party : nil
    }

    /// The score from which a name counts as the query itself (legal forms and punctuation aside).
    static let exactNameScore = 0.995

    /// Parties whose names (any regime, any time) match `text` at the review floor, best first, one per party.
    func partySuggestions(_ text: String) throws -> [(party: PartyID, name: String, score: Double)] {
        let snapshot = try screeningSnapshot()
        var best: [PartyID: (name: String, score: Double)] = [:]
        for candidate in snapshot.candidates(for: text) {
            let name = snapshot.names[candidate.name]
            if let current = best[name.party], current.score >= candidate.score { continue }
            best[name.party] = (name.name, candidate.score)
        }
        return best.map { ($0.key, $0.value.name, $0.value.score) }.sorted {
            ($1.score, $0.party) < ($0.score, $1.party)
        }
    }

    /// One party's history across regimes.
    public func timeline(_ party: PartyID, now: LedgerTime) throws -> Timeline {
        let stored = try database.storedEvents(EventFilter(party: party))
        let rows = try database.projectionRows(party: party)
        return Timeline.build(
            party: party, events: stored.map { ($0.sequence, $0.event) }, rows: rows.designations, names: rows.names,
            now: now)
    }

    /// The source of each event id (for citations), for the ids that exist.
    ///
    /// A correction of an event's `source` (a citation this ledger transcribed wrongly, or one the
    /// authority corrected) replaces it where the view sees the correction: known by `knownAt`
    /// (nil: now) and recorded through `recordedThrough` (nil: all), so an old view cites as it did.
    public func sources(of ids: [EventID], knownAt: LedgerTime? = nil, recordedThrough: Int? = nil) throws
        -> [EventID: Source]
    {
        let stored = try database.storedEvents(ids: ids)
        var sources = stored.mapValues(\.event.source)
        let wanted = Set(ids)
        let fixes = try database.corrections(inStreams: Set(stored.values.map(\.event.stream))).filter { stored in
            guard let target = stored.event.target, wanted.contains(target) else { return false }
            if let recordedThrough, stored.sequence > recordedThrough { return false }
            if let knownAt, stored.event.published.seconds > knownAt.queryInstant.seconds { return false }
            return true
        }.sorted { ($0.event.published, $0.sequence) < ($1.event.published, $1.sequence) }
        for fix in fixes {
            guard case .corrected(let target, .object(let members), _) = fix.event.payload,
                let value = members.first(where: { $0.key == "source" })?.value,
                let source = try? Source(json: value)
            else { continue }
            sources[target] = source
        }
        return sources
    }
}
