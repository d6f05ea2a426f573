/// A designation in force at an ``AsOf``: its details and the names valid then, with provenance.
public struct DesignationView: Sendable, Hashable {
    public var party: PartyID
    public var regime: RegimeID
    /// When the designation began.
    public var listedFrom: LedgerTime
    /// The segment of constant details that contains the query instant.
    public var segment: DesignationSegment
    /// Primary name and aliases valid at the query instant, primary first.
    public var names: [NameSegment]

    public init(segment: DesignationSegment, names: [NameSegment]) {
        self.party = segment.party
        self.regime = segment.regime
        self.listedFrom = segment.listedFrom
        self.segment = segment
        self.names = names.sorted { ($0.kind == .primary ? 0 : 1, $0.name) < ($1.kind == .primary ? 0 : 1, $1.name) }
    }

    /// The listed (primary) name.
    public var listedName: String { segment.details.name ?? names.first?.name ?? party.rawValue }

    /// The aliases (every name but the primary).
    public var aliases: [NameSegment] { names.filter { $0.kind != .primary } }

    /// Every event behind this view: the listing, amendments, and the events that attached its names.
    public var eventIDs: [EventID] {
        var seen = Set<EventID>()
        return ([segment.listingEvent] + segment.detailEvents + names.map(\.startEvent)).filter {
            seen.insert($0).inserted
        }
    }
}

/// Assembles views from projection rows (from the store or from an in-memory fold).
public enum ProjectionQuery {
    /// The designations in force at `asOf` among `designations`, each with its names from `names`.
    public static func views(designations: [DesignationSegment], names: [NameSegment], asOf: AsOf) -> [DesignationView]
    {
        var namesByDesignation: [String: [NameSegment]] = [:]
        for name in names where asOf.includes(valid: name.valid, known: name.known) {
            namesByDesignation[name.party.rawValue + "|" + name.regime.rawValue, default: []].append(name)
        }
        return
            designations
            .filter { asOf.includes(valid: $0.valid, known: $0.known) }
            .map {
                DesignationView(
                    segment: $0, names: namesByDesignation[$0.party.rawValue + "|" + $0.regime.rawValue] ?? [])
            }
            .sorted { ($0.regime, $0.listedName, $0.party) < ($1.regime, $1.listedName, $1.party) }
    }
}
