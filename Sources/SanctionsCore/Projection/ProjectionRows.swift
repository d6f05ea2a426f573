/// A time interval `[from, to)` on one clock; `to == nil` means open ended.
public struct LedgerInterval: Hashable, Sendable {
    public var from: LedgerTime
    public var to: LedgerTime?

    public init(from: LedgerTime, to: LedgerTime?) {
        self.from = from
        self.to = to
    }

    /// Whether the instant lies inside the half-open interval.
    public func contains(_ instant: LedgerTime) -> Bool {
        from.seconds <= instant.seconds && (to.map { instant.seconds < $0.seconds } ?? true)
    }
}

/// A stretch of valid time in which the ledger cannot tell whether a designation was in force:
/// its listing (or delisting) happened on an unknown date between two observations.
public struct DateUncertainty: Hashable, Sendable, CustomStringConvertible {
    /// Which change happened in the window.
    public enum Change: String, Hashable, Sendable {
        case listed, delisted
    }

    public var change: Change
    /// The window is `(after, by]`: not yet changed at `after`, changed by `by`.
    public var after: LedgerTime
    public var by: LedgerTime
    /// The listing or delisting event whose date is uncertain.
    public var event: EventID

    public init(change: Change, after: LedgerTime, by: LedgerTime, event: EventID) {
        self.change = change
        self.after = after
        self.by = by
        self.event = event
    }

    /// E.g. "listed on an unknown date between 2019-01-04 and 2021-04-25".
    public var description: String {
        "\(change.rawValue) on an unknown date between \(after.dayString) and \(by.dayString)"
    }
}

/// One version of a designation's details: constant over a valid-time segment, as known over a
/// knowledge (published-clock) interval.
public struct DesignationSegment: Hashable, Sendable {
    public var party: PartyID
    public var regime: RegimeID
    /// When the designation this segment belongs to began (its listing's effective time).
    public var listedFrom: LedgerTime
    /// Valid time: when these details were in force.
    public var valid: LedgerInterval
    /// Knowledge time: from which publication these details were known, until a later publication changed them.
    public var known: LedgerInterval
    /// Name, addresses, programmes, licence terms (aliases are in ``NameSegment``s).
    public var details: DesignationDetails
    /// The regimes this designation escalated from, when its listing was an escalation.
    public var escalatedFrom: [RegimeID]
    /// The event that opened the designation.
    public var listingEvent: EventID
    /// The events whose values these details show, oldest first: the listing (or its latest
    /// restatement) and, per field, the last amendment that set it; the last one opened this version.
    public var detailEvents: [EventID]
    /// The event at `valid.to` (an amendment or the delisting), when the segment ends.
    public var endEvent: EventID?
    /// Whether `endEvent` ended the designation itself (a delisting) rather than only these details.
    public var endsDesignation: Bool
    /// Set when this stretch lies in the window of a listing or delisting whose date is only
    /// bounded by observation: the designation may or may not have been in force then.
    public var uncertainty: DateUncertainty?

    public init(
        party: PartyID, regime: RegimeID, listedFrom: LedgerTime, valid: LedgerInterval, known: LedgerInterval,
        details: DesignationDetails,
        escalatedFrom: [RegimeID], listingEvent: EventID, detailEvents: [EventID], endEvent: EventID?,
        endsDesignation: Bool, uncertainty: DateUncertainty? = nil
    ) {
        self.uncertainty = uncertainty
        self.party = party
        self.regime = regime
        self.listedFrom = listedFrom
        self.valid = valid
        self.known = known
        self.details = details
        self.escalatedFrom = escalatedFrom
        self.listingEvent = listingEvent
        self.detailEvents = detailEvents
        self.endEvent = endEvent
        self.endsDesignation = endsDesignation
    }
}

/// How a name is attached to a designation.
public enum NameKind: String, Sendable, Hashable, CaseIterable {
    case primary, aka, fka, nka

    init(_ kind: Alias.Kind) {
        switch kind {
        case .aka: self = .aka
        case .fka: self = .fka
        case .nka: self = .nka
        }
    }
}

/// One name or alias of a designation with its own valid and knowledge intervals.
public struct NameSegment: Hashable, Sendable {
    public var party: PartyID
    public var regime: RegimeID
    public var name: String
    public var kind: NameKind
    public var weak: Bool
    public var listedFrom: LedgerTime
    public var valid: LedgerInterval
    public var known: LedgerInterval
    /// The event that attached the name (listing, alias-added or amendment of the name).
    public var startEvent: EventID
    /// The event that detached it (alias-removed, amendment of the name, or delisting).
    public var endEvent: EventID?

    public init(
        party: PartyID, regime: RegimeID, name: String, kind: NameKind, weak: Bool, listedFrom: LedgerTime,
        valid: LedgerInterval,
        known: LedgerInterval, startEvent: EventID, endEvent: EventID?
    ) {
        self.party = party
        self.regime = regime
        self.name = name
        self.kind = kind
        self.weak = weak
        self.listedFrom = listedFrom
        self.valid = valid
        self.known = known
        self.startEvent = startEvent
        self.endEvent = endEvent
    }
}

/// The rule a regime applies to one transaction type over an interval.
public struct RuleSegment: Hashable, Sendable {
    public var regime: RegimeID
    public var rule: RuleSpec
    public var valid: LedgerInterval
    public var known: LedgerInterval
    /// The rule-changed event that stated this rule.
    public var event: EventID
    /// The rule-changed event that replaced it, when one did.
    public var endEvent: EventID?

    public init(
        regime: RegimeID, rule: RuleSpec, valid: LedgerInterval, known: LedgerInterval, event: EventID,
        endEvent: EventID?
    ) {
        self.regime = regime
        self.rule = rule
        self.valid = valid
        self.known = known
        self.event = event
        self.endEvent = endEvent
    }
}

/// One publication of a list as the ledger observed it, for one regime the list's source manages.
public struct PublicationRow: Hashable, Sendable {
    public var regime: RegimeID
    public var observation: Observation
    /// The instant the publication was compared at (its event's `effective`).
    public var instant: LedgerTime
    /// When the public could know it (its event's `published`).
    public var published: LedgerTime
    /// The `observed` event.
    public var event: EventID
    /// The last time the list was seen without this publication (its event's `effectiveAfter`):
    /// the publication appeared in `(observedAfter, instant]`. Nil when unknown.
    public var observedAfter: LedgerTime?

    public init(
        regime: RegimeID, observation: Observation, instant: LedgerTime, published: LedgerTime, event: EventID,
        observedAfter: LedgerTime? = nil
    ) {
        self.observedAfter = observedAfter
        self.regime = regime
        self.observation = observation
        self.instant = instant
        self.published = published
        self.event = event
    }
}

/// A problem in a stream's history: an event that does not fit what came before it.
public struct HistoryAnomaly: Hashable, Sendable, CustomStringConvertible {
    public var event: EventID
    public var message: String
    public var description: String { "event '\(event)': \(message)" }
}

/// Everything a stream projects to.
public struct StreamProjection: Hashable, Sendable {
    public var designations: [DesignationSegment] = []
    public var names: [NameSegment] = []
    public var rules: [RuleSegment] = []
    /// The publications observed (only in a regime's observation stream).
    public var publications: [PublicationRow] = []
    /// Anomalies in the history as known now (all events visible).
    public var anomalies: [HistoryAnomaly] = []

    public init() {}
}
