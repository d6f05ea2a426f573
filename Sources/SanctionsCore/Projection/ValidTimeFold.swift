/// Folds the (already corrected) events of one stream, in effective order, into valid-time rows.
///
/// Rows here carry a placeholder knowledge interval; ``StreamFold`` sets it by folding once per
/// publication epoch. Intervals are half-open and zero-length intervals are never produced.
struct ValidTimeFold {
    private struct OpenName {
        var name: String
        var kind: NameKind
        var weak: Bool
        var from: LedgerTime
        var startEvent: EventID
    }

    private struct OpenDesignation {
        var listedFrom: LedgerTime
        var listingEvent: EventID
        var escalatedFrom: [RegimeID]
        var details: DesignationDetails
        var detailsFrom: LedgerTime
        /// The events whose values the details show, oldest first: the listing (or the latest
        /// restatement) and, per field, the last amendment that set it. Bounded by the number of
        /// fields, so that a designation amended many times stores linearly, not quadratically.
        var detailEvents: [EventID]
        /// Which event set each field last (`*`: the listing or restatement, for every field).
        var fieldSources: [String: EventID] = [:]
        var names: [String: OpenName] = [:]
        var primaryKey: String

        /// Records that `event` set `fields` (all fields, for a listing or restatement).
        mutating func recordSource(_ event: EventID, fields: [String]) {
            if fields == ["*"] { fieldSources = [:] }
            for field in fields { fieldSources[field] = event }
            let sources = Set(fieldSources.values)
            detailEvents = detailEvents.filter { $0 != event && sources.contains($0) } + [event]
        }
    }

    private struct OpenRule {
        var spec: RuleSpec
        var from: LedgerTime
        var event: EventID
    }

    static let placeholderKnown = LedgerInterval(from: LedgerTime(seconds: 0, hasTimeOfDay: false), to: nil)

    let party: PartyID
    let regime: RegimeID
    private(set) var designations: [DesignationSegment] = []
    private(set) var names: [NameSegment] = []
    private(set) var rules: [RuleSegment] = []
    private(set) var anomalies: [HistoryAnomaly] = []
    private var open: OpenDesignation?
    /// When the stream's last designation ended (an uncertain listing window never reaches back over it).
    private var lastEnd: LedgerTime?
    /// The rule in force per transaction type and entry scope (nil: the regime's general rule).
    private var openRules: [RuleKey: OpenRule] = [:]

    private struct RuleKey: Hashable, Comparable {
        var type: TransactionType
        var entryStates: String?

        static func < (lhs: RuleKey, rhs: RuleKey) -> Bool {
            (lhs.type, lhs.entryStates ?? "") < (rhs.type, rhs.entryStates ?? "")
        }
    }

    /// Sorts events for folding: effective time, then rules, listings, amendments, aliases, delistings, then id.
    static func effectiveOrder(_ lhs: LedgerEvent, _ rhs: LedgerEvent) -> Bool {
        if lhs.effective != rhs.effective { return lhs.effective < rhs.effective }
        if lhs.kind.sameInstantRank != rhs.kind.sameInstantRank {
            return lhs.kind.sameInstantRank < rhs.kind.sameInstantRank
        }
        return lhs.id < rhs.id
    }

    /// Folds `events` of the stream of `party` (empty for rule streams) on `regime`, given in any order.
    static func run(_ events: [LedgerEvent], party: PartyID, regime: RegimeID) -> ValidTimeFold {
        var fold = ValidTimeFold(party: party, regime: regime)
        let sorted = events.sorted(by: effectiveOrder)
        var start = 0
        while start < sorted.count {
            var end = start + 1
            while end < sorted.count, sorted[end].effective.seconds == sorted[start].effective.seconds { end += 1 }
            fold.expire(before: sorted[start].effective)
            for event in fold.sameInstantOrder(sorted[start..<end]) { fold.apply(event) }
            start = end
        }
        fold.expire(before: nil)
        fold.finish()
        return fold
    }

    /// The order in which the events of one instant apply. Normally rules, listings, amendments,
    /// aliases, delistings (a listing and its details take effect together). When a designation
    /// opened earlier is in force and the instant both delists and lists, the old designation
    /// ends at that instant and the new one starts at it (intervals are half-open: a
    /// redesignation on the day of a delisting, a denial order renewed on its expiry date): the
    /// removals of names the old designation has come first, then its delisting, then the new
    /// listing and everything else, which concerns the new designation.
    func sameInstantOrder(_ group: ArraySlice<LedgerEvent>) -> [LedgerEvent] {
        guard let designation = open, group.count > 1, group.contains(where: { $0.kind.opensDesignation }),
            let delisting = group.firstIndex(where: { $0.kind == .delisted })
        else { return Array(group) }
        var rules: [LedgerEvent] = []
        var beforeDelisting: [LedgerEvent] = []
        var afterDelisting: [LedgerEvent] = []
        for index in group.indices where index != delisting {
            let event = group[index]
            switch event.payload {
            case .ruleChanged:
                rules.append(event)
            case .aliasRemoved(let aliases)
            where aliases.allSatisfy({ designation.names[NameKey.make($0.name)].map { $0.kind != .primary } ?? false }):
                beforeDelisting.append(event)
            default:
                afterDelisting.append(event)
            }
        }
        return rules + beforeDelisting + [group[delisting]] + afterDelisting
    }

    /// Ends the open designation at the end its listing states (the `ends` milestone), when that
    /// comes at or before `instant` (nil: the end of history). The event that set the milestone
    /// ends it.
    private mutating func expire(before instant: LedgerTime?) {
        guard var designation = open, let ends = designation.details.milestones?[DesignationDetails.endsMilestone],
            ends > designation.detailsFrom, instant.map({ ends <= $0 }) ?? true
        else { return }
        let event = designation.fieldSources["milestones"] ?? designation.fieldSources["*"] ?? designation.listingEvent
        closeDetails(&designation, at: ends, endEvent: event, endsDesignation: true)
        for key in designation.names.keys.sorted() { closeName(&designation, key: key, at: ends, endEvent: event) }
        open = nil
        lastEnd = ends
    }

    private init(party: PartyID, regime: RegimeID) {
        self.party = party
        self.regime = regime
    }

    private mutating func anomaly(_ event: LedgerEvent, _ message: String) {
        anomalies.append(HistoryAnomaly(event: event.id, message: message))
    }

    private mutating func apply(_ event: LedgerEvent) {
        let at = event.effective
        switch event.payload {
        case .listed(let details):
            list(event, details: details, escalatedFrom: [])
        case .escalated(let details, let from):
            list(event, details: details, escalatedFrom: from)
        case .amended(let amendment):
            guard var designation = open else {
                return anomaly(event, "amends a designation of '\(party)' on \(regime) that is not in force on \(at)")
            }
            closeDetails(&designation, at: at, endEvent: event.id, endsDesignation: false)
            designation.details = designation.details.applying(amendment)
            designation.recordSource(event.id, fields: amendment.fieldNames)
            if let newName = amendment.name { setPrimaryName(&designation, newName, at: at, event: event.id) }
            open = designation
        case .aliasAdded(let aliases):
            guard var designation = open else {
                return anomaly(
                    event, "adds an alias to a designation of '\(party)' on \(regime) that is not in force on \(at)")
            }
            addAliases(&designation, aliases, at: at, event: event.id)
            open = designation
        case .aliasRemoved(let aliases):
            guard var designation = open else {
                return anomaly(
                    event,
                    "removes an alias from a designation of '\(party)' on \(regime) that is not in force on \(at)")
            }
            for alias in aliases {
                let key = NameKey.make(alias.name)
                guard let existing = designation.names[key], existing.kind != .primary else {
                    anomaly(
                        event,
                        "removes alias '\(alias.name)', which the designation of '\(party)' on \(regime) does not "
                            + "have on \(at)"
                    )
                    continue
                }
                closeName(&designation, key: key, at: at, endEvent: event.id)
            }
            open = designation
        case .delisted:
            guard var designation = open else {
                return anomaly(event, "delists '\(party)', which is not designated on \(regime) on \(at)")
            }
            var uncertainty: DateUncertainty?
            if let after = event.effectiveAfter {
                // Delisted on an unknown date in (after, at]: certain until `after`, uncertain then.
                let from = max(Self.instantAfter(after), designation.detailsFrom)
                closeDetails(&designation, at: from, endEvent: event.id, endsDesignation: false)
                uncertainty = DateUncertainty(change: .delisted, after: after, by: at, event: event.id)
            }
            closeDetails(&designation, at: at, endEvent: event.id, endsDesignation: true, uncertainty: uncertainty)
            lastEnd = at
            for key in designation.names.keys.sorted() {
                closeName(&designation, key: key, at: at, endEvent: event.id)
            }
            open = nil
        case .ruleChanged(let specs):
            for spec in specs {
                let key = RuleKey(type: spec.transactionType, entryStates: spec.entryStates)
                if let current = openRules[key], current.from < at {
                    rules.append(
                        RuleSegment(
                            regime: regime, rule: current.spec, valid: LedgerInterval(from: current.from, to: at),
                            known: Self.placeholderKnown, event: current.event, endEvent: event.id))
                }
                openRules[key] = OpenRule(spec: spec, from: at, event: event.id)
            }
        case .corrected, .retracted, .observed:
            break
        }
    }

    private mutating func list(_ event: LedgerEvent, details: DesignationDetails, escalatedFrom: [RegimeID]) {
        guard let name = details.name else { return }
        let at = event.effective
        var listedDetails = details
        listedDetails.aliases = nil
        if var designation = open {
            // A restatement of a listing in force: it replaces the details and adds any new names.
            closeDetails(&designation, at: at, endEvent: event.id, endsDesignation: false)
            designation.details = listedDetails
            designation.recordSource(event.id, fields: ["*"])
            designation.escalatedFrom = Array(Set(designation.escalatedFrom + escalatedFrom)).sorted()
            setPrimaryName(&designation, name, at: at, event: event.id)
            addAliases(&designation, details.aliases ?? [], at: at, event: event.id)
            open = designation
            return
        }
        if let after = event.effectiveAfter {
            openUncertainListing(event, details: details, listedDetails: listedDetails, after: after)
        }
        let primaryKey = NameKey.make(name)
        var designation = OpenDesignation(
            listedFrom: at, listingEvent: event.id, escalatedFrom: escalatedFrom, details: listedDetails,
            detailsFrom: at, detailEvents: [event.id], fieldSources: ["*": event.id], primaryKey: primaryKey)
        designation.names[primaryKey] = OpenName(
            name: name, kind: .primary, weak: false, from: at, startEvent: event.id)
        addAliases(&designation, details.aliases ?? [], at: at, event: event.id)
        open = designation
    }

    /// The stretch `(after, at)` of a listing first seen at `at` and not yet seen at `after`: the
    /// designation may have been in force then. It never reaches back over an earlier designation.
    private mutating func openUncertainListing(
        _ event: LedgerEvent, details: DesignationDetails, listedDetails: DesignationDetails, after: LedgerTime
    ) {
        let at = event.effective
        let from = max(Self.instantAfter(after), lastEnd ?? Self.instantAfter(after))
        guard from < at, let name = details.name else { return }
        let window = LedgerInterval(from: from, to: at)
        designations.append(
            DesignationSegment(
                party: party, regime: regime, listedFrom: at, valid: window, known: Self.placeholderKnown,
                details: listedDetails, escalatedFrom: [], listingEvent: event.id, detailEvents: [event.id],
                endEvent: event.id, endsDesignation: false,
                uncertainty: DateUncertainty(change: .listed, after: after, by: at, event: event.id)))
        var seen = Set<String>()
        let listedNames =
            [(name, NameKind.primary, false)] + (details.aliases ?? []).map { ($0.name, NameKind($0.kind), $0.weak) }
        for (text, kind, weak) in listedNames where seen.insert(NameKey.make(text)).inserted && !text.isEmpty {
            names.append(
                NameSegment(
                    party: party, regime: regime, name: text, kind: kind, weak: weak, listedFrom: at, valid: window,
                    known: Self.placeholderKnown, startEvent: event.id, endEvent: event.id))
        }
    }

    /// The first second after `instant`.
    static func instantAfter(_ instant: LedgerTime) -> LedgerTime {
        LedgerTime(seconds: instant.seconds + 1, hasTimeOfDay: true)
    }

    private mutating func setPrimaryName(
        _ designation: inout OpenDesignation, _ name: String, at: LedgerTime, event: EventID
    ) {
        let key = NameKey.make(name)
        if key == designation.primaryKey, designation.names[key]?.name == name { return }
        closeName(&designation, key: designation.primaryKey, at: at, endEvent: event)
        closeName(&designation, key: key, at: at, endEvent: event)
        designation.names[key] = OpenName(name: name, kind: .primary, weak: false, from: at, startEvent: event)
        designation.primaryKey = key
    }

    private func addAliases(_ designation: inout OpenDesignation, _ aliases: [Alias], at: LedgerTime, event: EventID) {
        for alias in aliases {
            let key = NameKey.make(alias.name)
            guard !key.isEmpty, designation.names[key] == nil else { continue }
            designation.names[key] = OpenName(
                name: alias.name, kind: NameKind(alias.kind), weak: alias.weak, from: at, startEvent: event)
        }
    }

    private mutating func closeDetails(
        _ designation: inout OpenDesignation, at: LedgerTime?, endEvent: EventID?, endsDesignation: Bool,
        uncertainty: DateUncertainty? = nil
    ) {
        defer { if let at { designation.detailsFrom = at } }
        if let at, at <= designation.detailsFrom { return }  // a zero-length version: nothing to record
        designations.append(
            DesignationSegment(
                party: party, regime: regime, listedFrom: designation.listedFrom,
                valid: LedgerInterval(from: designation.detailsFrom, to: at), known: Self.placeholderKnown,
                details: designation.details, escalatedFrom: designation.escalatedFrom,
                listingEvent: designation.listingEvent, detailEvents: designation.detailEvents,
                endEvent: endEvent, endsDesignation: endsDesignation, uncertainty: uncertainty))
    }

    private mutating func closeName(
        _ designation: inout OpenDesignation, key: String, at: LedgerTime?, endEvent: EventID?
    ) {
        guard let name = designation.names.removeValue(forKey: key) else { return }
        if let at, at <= name.from { return }
        names.append(
            NameSegment(
                party: party, regime: regime, name: name.name, kind: name.kind, weak: name.weak,
                listedFrom: designation.listedFrom, valid: LedgerInterval(from: name.from, to: at),
                known: Self.placeholderKnown, startEvent: name.startEvent, endEvent: endEvent))
    }

    /// Emits the rows still open at the end of history (open-ended intervals).
    private mutating func finish() {
        if var designation = open {
            closeDetails(&designation, at: nil, endEvent: nil, endsDesignation: false)
            for key in designation.names.keys.sorted() {
                closeName(&designation, key: key, at: nil, endEvent: nil)
            }
            open = nil
        }
        for key in openRules.keys.sorted() {
            guard let current = openRules[key] else { continue }
            rules.append(
                RuleSegment(
                    regime: regime, rule: current.spec, valid: LedgerInterval(from: current.from, to: nil),
                    known: Self.placeholderKnown, event: current.event, endEvent: nil))
        }
    }
}
