/// What an event does to the ledger's history.
public enum EventKind: String, Sendable, CaseIterable, Hashable, Comparable {
    /// A party is designated on a regime.
    case listed
    /// A party's designation on a regime ends.
    case delisted
    /// Names are added to a designation's aliases.
    case aliasAdded = "alias-added"
    /// Names are removed from a designation's aliases.
    case aliasRemoved = "alias-removed"
    /// A designation's name, addresses, programmes, licence terms or other details change.
    case amended
    /// A party is designated on a stricter regime because of (or in addition to) an earlier one.
    case escalated
    /// The rules a regime applies to transaction types change.
    case ruleChanged = "rule-changed"
    /// A later event that fixes fields of an earlier one (the earlier one stays in the log).
    case corrected
    /// A later event that withdraws an earlier one (the earlier one stays in the log).
    case retracted
    /// A whole publication of a list was compared with the ledger (a snapshot import): the
    /// ledger's knowledge of the regime is complete at that instant, whatever changed.
    case observed

    /// Whether events of this kind concern a party (every kind except `rule-changed`).
    public var concernsParty: Bool { self != .ruleChanged && self != .observed }

    /// Whether events of this kind may be the target of a correction or retraction (observations
    /// record what a file held, and are never rewritten).
    public var isCorrectable: Bool { self != .corrected && self != .retracted && self != .observed }

    /// Whether this kind opens a designation.
    public var opensDesignation: Bool { self == .listed || self == .escalated }

    /// The order of kinds effective on the same instant: listings first, delistings last.
    var sameInstantRank: Int {
        switch self {
        case .ruleChanged, .observed: 0
        case .listed, .escalated: 1
        case .amended: 2
        case .aliasAdded: 3
        case .aliasRemoved: 4
        case .delisted: 5
        case .corrected, .retracted: 6
        }
    }

    public static func < (lhs: EventKind, rhs: EventKind) -> Bool { lhs.rawValue < rhs.rawValue }
}
