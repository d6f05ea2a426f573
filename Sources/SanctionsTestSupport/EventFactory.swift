public import SanctionsCore
public import SanctionsLedger

/// Builds events for tests with sensible defaults, so that each test states only what matters to it.
public enum EventFactory {
    /// A day from `YYYY-MM-DD` (crashes the test on a typo, which is what a test wants).
    public static func day(_ text: String) -> LedgerTime {
        guard let time = try? LedgerTime.parse(text) else { preconditionFailure("bad test date \(text)") }
        return time
    }

    /// The source used when a test does not care.
    public static let testSource = Source(citation: "TEST 1", title: "Test notice", url: nil, authority: "TEST")

    public static func listed(
        _ id: String, party: String, regime: String = "bis-entity-list", effective: String, published: String? = nil,
        name: String, aliases: [String] = [], programs: [String]? = nil, policy: String? = nil,
        milestones: [String: String]? = nil,
        exempt: [TransactionType] = [], citation: String = "TEST 1"
    ) -> LedgerEvent {
        var details = DesignationDetails(
            name: name, aliases: aliases.isEmpty ? nil : aliases.map { Alias($0) }, programs: programs)
        if policy != nil || !exempt.isEmpty {
            details.license = LicenseTerms(
                requirement: "For all items subject to the EAR", policy: policy, exempt: exempt)
        }
        details.milestones = milestones.map { $0.mapValues { day($0) } }
        return LedgerEvent(
            id: EventID(id), party: PartyID(party), regime: RegimeID(regime), effective: day(effective),
            published: day(published ?? effective), source: Source(citation: citation), payload: .listed(details))
    }

    public static func escalated(
        _ id: String, party: String, regime: String, from: [String], effective: String, published: String? = nil,
        name: String,
        milestones: [String: String]? = nil
    ) -> LedgerEvent {
        let details = DesignationDetails(name: name, milestones: milestones.map { $0.mapValues { day($0) } })
        return LedgerEvent(
            id: EventID(id), party: PartyID(party), regime: RegimeID(regime), effective: day(effective),
            published: day(published ?? effective), source: testSource,
            payload: .escalated(details, from: from.map(RegimeID.init(rawValue:))))
    }

    public static func delisted(
        _ id: String, party: String, regime: String = "bis-entity-list", effective: String, published: String? = nil
    ) -> LedgerEvent {
        LedgerEvent(
            id: EventID(id), party: PartyID(party), regime: RegimeID(regime), effective: day(effective),
            published: day(published ?? effective), source: testSource, payload: .delisted(reason: nil))
    }

    public static func aliasAdded(
        _ id: String, party: String, regime: String = "bis-entity-list", effective: String, published: String? = nil,
        aliases: [String]
    ) -> LedgerEvent {
        LedgerEvent(
            id: EventID(id), party: PartyID(party), regime: RegimeID(regime), effective: day(effective),
            published: day(published ?? effective), source: testSource, payload: .aliasAdded(aliases.map { Alias($0) }))
    }

    public static func aliasRemoved(
        _ id: String, party: String, regime: String = "bis-entity-list", effective: String, published: String? = nil,
        aliases: [String]
    ) -> LedgerEvent {
        LedgerEvent(
            id: EventID(id), party: PartyID(party), regime: RegimeID(regime), effective: day(effective),
            published: day(published ?? effective), source: testSource,
            payload: .aliasRemoved(aliases.map { Alias($0) }))
    }

    public static func amended(
        _ id: String, party: String, regime: String = "bis-entity-list", effective: String, published: String? = nil,
        details: DesignationDetails
    ) -> LedgerEvent {
        LedgerEvent(
            id: EventID(id), party: PartyID(party), regime: RegimeID(regime), effective: day(effective),
            published: day(published ?? effective), source: testSource, payload: .amended(details))
    }

    public static func rules(
        _ id: String, regime: String = "bis-entity-list", effective: String, published: String? = nil,
        _ rules: [RuleSpec]
    ) -> LedgerEvent {
        LedgerEvent(
            id: EventID(id), party: nil, regime: RegimeID(regime), effective: day(effective),
            published: day(published ?? effective), source: testSource, payload: .ruleChanged(rules))
    }

    public static func corrected(
        _ id: String, party: String, regime: String = "bis-entity-list", target: String, published: String,
        changes: JSONValue, cause: CorrectionCause = .authority
    ) -> LedgerEvent {
        LedgerEvent(
            id: EventID(id), party: PartyID(party), regime: RegimeID(regime), effective: day(published),
            published: day(published), source: testSource,
            payload: .corrected(target: EventID(target), changes: changes, cause: cause))
    }

    public static func retracted(
        _ id: String, party: String, regime: String = "bis-entity-list", target: String, published: String
    ) -> LedgerEvent {
        LedgerEvent(
            id: EventID(id), party: PartyID(party), regime: RegimeID(regime), effective: day(published),
            published: day(published), source: testSource, payload: .retracted(target: EventID(target), reason: "test"))
    }

    public static func observed(
        _ id: String, list: String = "ofac-sdn", regime: String = "ofac-sdn", at: String, entries: Int,
        sha256: String? = nil
    ) -> LedgerEvent {
        LedgerEvent(
            id: EventID(id), party: nil, regime: RegimeID(regime), effective: day(at), published: day(at),
            source: testSource,
            payload: .observed(Observation(list: list, file: "sdn.csv", sha256: sha256, entries: entries)))
    }

    /// Regimes for tests: the Entity List, the SDN list and the NS-CMIC list.
    public static let regimes: [Regime] = [
        Regime(
            id: RegimeID("bis-entity-list"), name: "Entity List", authority: "BIS", description: "test", severity: 2),
        Regime(id: RegimeID("ofac-sdn"), name: "SDN", authority: "OFAC", description: "test", severity: 4),
        Regime(id: RegimeID("ofac-ns-cmic"), name: "NS-CMIC", authority: "OFAC", description: "test", severity: 3),
    ]
}
