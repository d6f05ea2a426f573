/// One immutable fact in the ledger: something a public notice did to a list, on a date.
///
/// Every event has a stable ``id``, the ``regime`` it concerns, the ``party`` (except
/// `rule-changed`), two of the three clocks (``effective``: when the law took effect;
/// ``published``: when the public could know it; the third, `recorded`, is assigned by the
/// store), the ``source`` that makes it so, and a type-specific ``payload``.
///
/// For example:
/// ```swift
/// // given: bytes: [UInt8]
/// let event = try LedgerEvent(json: JSONParser.parse(bytes), context: .init(file: "x.json"))
/// let hashed = event.canonicalBytes   // what the hash chain covers
/// ```
public struct LedgerEvent: Hashable, Sendable {
    /// The type-specific content of an event.
    public enum Payload: Hashable, Sendable {
        case listed(DesignationDetails)
        /// A listing on a stricter regime, escalated from the regimes in `from`.
        case escalated(DesignationDetails, from: [RegimeID])
        case delisted(reason: String?)
        case aliasAdded([Alias])
        case aliasRemoved([Alias])
        case amended(DesignationDetails)
        case ruleChanged([RuleSpec])
        /// Fields of the `target` event replaced by the members of `changes` (a JSON object), and
        /// whose error it fixes (which decides the `published` date it carries).
        case corrected(target: EventID, changes: JSONValue, cause: CorrectionCause = .authority)
        case retracted(target: EventID, reason: String?)
        /// A whole publication of a list, compared with the ledger by a snapshot import.
        case observed(Observation)
    }

    public var id: EventID
    public var party: PartyID?
    public var regime: RegimeID
    public var effective: LedgerTime
    /// When the date is bounded by observation rather than stated: the change happened after this
    /// instant (exclusive) and by ``effective`` (e.g. first seen in a publication, absent from the
    /// one before). Nil when a notice or the list states the date.
    public var effectiveAfter: LedgerTime?
    public var published: LedgerTime
    public var source: Source
    /// A curator's note, e.g. where a fact could not be confirmed.
    public var note: String?
    public var payload: Payload

    public init(
        id: EventID, party: PartyID?, regime: RegimeID, effective: LedgerTime, published: LedgerTime,
        source: Source, note: String? = nil, effectiveAfter: LedgerTime? = nil, payload: Payload
    ) {
        self.id = id
        self.effectiveAfter = effectiveAfter
        self.party = party
        self.regime = regime
        self.effective = effective
        self.published = published
        self.source = source
        self.note = note
        self.payload = payload
    }

    /// The event's type.
    public var kind: EventKind {
        switch payload {
        case .listed: .listed
        case .escalated: .escalated
        case .delisted: .delisted
        case .aliasAdded: .aliasAdded
        case .aliasRemoved: .aliasRemoved
        case .amended: .amended
        case .ruleChanged: .ruleChanged
        case .corrected: .corrected
        case .retracted: .retracted
        case .observed: .observed
        }
    }

    /// The event a correction or retraction refers to.
    public var target: EventID? {
        switch payload {
        case .corrected(let target, _, _), .retracted(let target, _): target
        default: nil
        }
    }

    /// The history stream this event belongs to: one per party and regime, one per regime for
    /// rules, one per regime for the observations of its publications.
    public var stream: StreamKey {
        if let party { return StreamKey(party: party, regime: regime) }
        if case .observed = payload { return StreamKey(observationsOf: regime) }
        return StreamKey(rulesOf: regime)
    }
}

/// The unit of projection: all events of one party on one regime, or all rule events of one regime.
///
/// Streams are independent, so a projection is rebuilt by refolding only the streams an append touches.
public struct StreamKey: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// `party|regime`, `rules|regime` for rule streams, `observed|regime` for observation streams.
    public let rawValue: String

    public init(party: PartyID, regime: RegimeID) { rawValue = party.rawValue + "|" + regime.rawValue }
    public init(rulesOf regime: RegimeID) { rawValue = "rules|" + regime.rawValue }
    public init(observationsOf regime: RegimeID) { rawValue = "observed|" + regime.rawValue }
    public init(rawValue: String) { self.rawValue = rawValue }

    public var description: String { rawValue }
    public static func < (lhs: StreamKey, rhs: StreamKey) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// Whose error a `corrected` event fixes. Both kinds count from the correction's `published` date on
/// the knowledge clock and from its sequence on the recording clock; what differs is the date it
/// carries:
/// - `authority`: the authority corrected its own notice (a correcting rule, a list's fixed entry):
///   the public could know the right fact only from the correction's publication, so `published`
///   is that date, and `--known-at` before it answers with the error as the public had it.
/// - `transcription`: this ledger transcribed a notice wrongly: the right fact was public from the
///   original notice's publication, so `published` is that notice's date and `--known-at` after it
///   answers with the fix, while `--recorded-at` (or `--as-of-sequence`) before the fix was
///   appended reproduces the old answers and head hash, so a report made then can be explained.
public enum CorrectionCause: String, Sendable, Hashable, CaseIterable {
    case authority
    case transcription
}
