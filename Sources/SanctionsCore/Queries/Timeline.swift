/// One party's whole history across regimes, in effective order, with a summary per regime.
///
/// For example:
/// ```swift
/// // given: stored: [(sequence: Int, event: LedgerEvent)], rows: [DesignationSegment], names: [NameSegment], today: LedgerTime
/// let timeline = Timeline.build(
///     party: PartyID("hangzhou-hikvision"), events: stored, rows: rows, names: names, now: today)
/// timeline.regimes.map(\.regime) // [bis-entity-list, ndaa-889, ofac-cmic-eo13959, ofac-ns-cmic]
/// ```
public struct Timeline: Sendable {
    /// One event in the history, described for people.
    public struct Entry: Sendable, Hashable {
        public var event: LedgerEvent
        public var sequence: Int
        /// A one-line account, e.g. "listed as 'Hangzhou Hikvision Digital Technology Co., Ltd.' (aliases: Hikvision)".
        public var summary: String
        /// Set when this listing is an escalation: the regimes the party was already designated on.
        public var escalatedFrom: [RegimeID]
        /// The corrections or retraction that later changed this event.
        public var fixedBy: [EventID]
    }

    /// One designation interval on a regime.
    public struct Span: Sendable, Hashable {
        /// A listed name and the day it took effect within the span.
        public struct ListedName: Sendable, Hashable {
            public var from: LedgerTime
            public var name: String
        }

        public var from: LedgerTime
        public var to: LedgerTime?
        /// The listed names over the span, oldest first (a rename adds one).
        public var listedNames: [ListedName]
        public var listingEvent: EventID
        public var endEvent: EventID?
        /// Set when the listing is dated only by observation: it happened after this and by `from`.
        public var listedAfter: LedgerTime?
        /// Set when the delisting is dated only by observation: it happened after this and by `to`.
        public var delistedAfter: LedgerTime?

        /// The name the designation was last listed under in this span.
        public var listedName: String { listedNames.last?.name ?? "" }
    }

    /// A one-line account of the party on one regime.
    public struct RegimeSummary: Sendable, Hashable {
        public var regime: RegimeID
        public var spans: [Span]
        /// Every name and alias ever listed on this regime.
        public var names: [String]
        /// Whether the party is designated on this regime at the timeline's `now`.
        public var inForceNow: Bool

        public var first: LedgerTime? { spans.first?.from }
        public var last: LedgerTime? { spans.last?.to }
    }

    public var party: PartyID
    public var entries: [Entry]
    public var regimes: [RegimeSummary]
    public var now: LedgerTime

    /// Builds the timeline from the party's stored events (with sequence numbers) and its projection
    /// rows (all intervals). Rows known now decide the spans; escalation is derived from them.
    public static func build(
        party: PartyID, events: [(sequence: Int, event: LedgerEvent)], rows: [DesignationSegment], names: [NameSegment],
        now: LedgerTime
    ) -> Timeline {
        let current = rows.filter { $0.known.to == nil }
        var fixes: [EventID: [EventID]] = [:]
        for (_, event) in events { if let target = event.target { fixes[target, default: []].append(event.id) } }
        let ordered = events.sorted { ($0.event.effective, $0.sequence) < ($1.event.effective, $1.sequence) }
        let entries = ordered.map { sequence, event -> Entry in
            var escalatedFrom: [RegimeID] = []
            if event.kind.opensDesignation {
                let at = event.effective
                escalatedFrom = Array(
                    Set(current.filter { $0.regime != event.regime && $0.valid.contains(at) }.map(\.regime))
                ).sorted()
                if case .escalated(_, let from) = event.payload {
                    escalatedFrom = Array(Set(escalatedFrom + from)).sorted()
                }
            }
            return Entry(
                event: event, sequence: sequence, summary: describe(event), escalatedFrom: escalatedFrom,
                fixedBy: fixes[event.id] ?? [])
        }
        var summaries: [RegimeSummary] = []
        for regime in Set(current.map(\.regime)).sorted() {
            let segments = current.filter { $0.regime == regime }.sorted { $0.valid.from < $1.valid.from }
            var spans: [Span] = []
            var listingWindows: [LedgerTime: LedgerTime] = [:]
            for segment in segments {
                let name = segment.details.name ?? ""
                if let uncertainty = segment.uncertainty, uncertainty.change == .listed {
                    listingWindows[segment.listedFrom] = uncertainty.after
                    continue
                }
                if let uncertainty = segment.uncertainty, uncertainty.change == .delisted, !spans.isEmpty {
                    spans[spans.count - 1].delistedAfter = uncertainty.after
                }
                if let last = spans.last, last.from == segment.listedFrom {
                    spans[spans.count - 1].to = segment.valid.to
                    spans[spans.count - 1].endEvent = segment.endsDesignation ? segment.endEvent : nil
                    if last.listedName != name {
                        spans[spans.count - 1].listedNames.append(Span.ListedName(from: segment.valid.from, name: name))
                    }
                } else {
                    spans.append(
                        Span(
                            from: segment.listedFrom, to: segment.valid.to,
                            listedNames: [Span.ListedName(from: segment.listedFrom, name: name)],
                            listingEvent: segment.listingEvent,
                            endEvent: segment.endsDesignation ? segment.endEvent : nil,
                            listedAfter: listingWindows[segment.listedFrom]))
                }
            }
            var seen = Set<String>()
            let regimeNames = names.filter { $0.regime == regime && $0.known.to == nil }.sorted {
                $0.valid.from < $1.valid.from
            }
            .map(\.name).filter { seen.insert($0).inserted }
            let inForce = spans.contains { LedgerInterval(from: $0.from, to: $0.to).contains(now) }
            summaries.append(RegimeSummary(regime: regime, spans: spans, names: regimeNames, inForceNow: inForce))
        }
        summaries.sort { ($0.first ?? now, $0.regime) < ($1.first ?? now, $1.regime) }
        return Timeline(party: party, entries: entries, regimes: summaries, now: now)
    }

    /// A one-line account of an event.
    public static func describe(_ event: LedgerEvent) -> String {
        func quoted(_ names: [String]) -> String { names.map { "'\($0)'" }.joined(separator: ", ") }
        switch event.payload {
        case .listed(let details), .escalated(let details, _):
            var text = "listed as '\(details.name ?? "")'"
            if let aliases = details.aliases, !aliases.isEmpty { text += " (aliases: \(quoted(aliases.map(\.name))))" }
            if let policy = details.license?.policy { text += "; licence policy: \(policy)" }
            if let milestones = details.milestones, !milestones.isEmpty {
                text += "; " + milestones.keys.sorted().map { "\($0) \(milestones[$0]!)" }.joined(separator: ", ")
            }
            return text
        case .delisted(let reason):
            return "delisted" + (reason.map { ": \($0)" } ?? "")
        case .aliasAdded(let aliases):
            return "aliases added: \(quoted(aliases.map(\.name)))"
        case .aliasRemoved(let aliases):
            return "aliases removed: \(quoted(aliases.map(\.name)))"
        case .amended(let details):
            var parts: [String] = []
            if let name = details.name { parts.append("name '\(name)'") }
            if let addresses = details.addresses { parts.append("addresses (\(addresses.count))") }
            if let programs = details.programs { parts.append("programmes \(programs.joined(separator: ", "))") }
            if let license = details.license {
                parts.append("licence terms" + (license.policy.map { " (\($0))" } ?? ""))
            }
            if details.country != nil { parts.append("country") }
            if details.identifiers != nil { parts.append("identifiers") }
            if details.remarks != nil { parts.append("remarks") }
            if details.milestones != nil { parts.append("dates") }
            return "amended: " + parts.joined(separator: ", ")
        case .ruleChanged(let rules):
            return "rules: "
                + rules.map { "\($0.transactionType.rawValue) \($0.outcome.rawValue)" }.joined(separator: ", ")
        case .corrected(let target, let changes, let cause):
            let fields: [String]
            if case .object(let members) = changes { fields = members.map(\.key) } else { fields = [] }
            return
                (cause == .transcription
                ? "fixes this ledger's transcription of '\(target)': " : "corrects '\(target)': ")
                + fields.joined(separator: ", ")
        case .retracted(let target, let reason):
            return "retracts '\(target)'" + (reason.map { ": \($0)" } ?? "")
        case .observed(let observation):
            return "observed \(observation.list) publication" + (observation.file.map { " \($0)" } ?? "")
                + ": \(observation.entries) entries"
        }
    }
}
