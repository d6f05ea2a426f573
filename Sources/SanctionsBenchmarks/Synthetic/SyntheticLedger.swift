public import SanctionsCore
import SanctionsImport
import SanctionsLedger
import SanctionsScreening

/// Generates realistic synthetic event histories for benchmarks and property tests.
///
/// Each party gets a plausible history on one to three regimes: a listing, then with some
/// probability alias additions and removals, amendments, a delisting and a relisting (sometimes
/// on the same day), an escalation to a stricter regime, and now and then a correction (of a
/// field, or of the date, moved across the day) or a retraction published later. About one event
/// in seven falls on the same instant as the one before it. Each regime's rules change now and then.
/// Names are built from syllables so that they look like company and person names, and
/// published dates trail effective dates by zero to ten days (sometimes precede them).
///
/// For example:
/// ```swift
/// var generator = SyntheticLedger(seed: 42)
/// let events = generator.events(parties: 100_000, targetEvents: 1_000_000)
/// ```
public struct SyntheticLedger {
    /// The regimes synthetic events use (declared by ``regimes``).
    public static let regimeIDs = ["bis-entity-list", "ofac-sdn", "ofac-ns-cmic"].map(RegimeID.init(rawValue:))

    /// Regime declarations for a synthetic ledger.
    public static let regimes: [Regime] = [
        Regime(
            id: RegimeID("bis-entity-list"), name: "Entity List", authority: "BIS", description: "synthetic",
            severity: 2),
        Regime(id: RegimeID("ofac-sdn"), name: "SDN", authority: "OFAC", description: "synthetic", severity: 4),
        Regime(id: RegimeID("ofac-ns-cmic"), name: "NS-CMIC", authority: "OFAC", description: "synthetic", severity: 3),
    ]

    private static let syllables = [
        "han", "zhou", "hik", "vi", "sion", "da", "hua", "tech", "no", "lo", "gy", "shen", "zhen", "xin", "jiang",
        "bei", "jing", "sen", "se", "time", "meg", "vii", "yi", "tu", "cloud", "walk", "net", "po", "sa", "ro",
        "sta", "ka", "mi", "ra", "ul", "an", "ok", "ter", "vo", "lin", "mar", "kov", "pet", "ali", "reza", "far",
    ]
    private static let suffixes = [
        "Co., Ltd.", "Technology Co., Ltd.", "Trading LLC", "Group", "Holdings Limited", "Industries", "GmbH", "S.A.",
        "Corporation", "Limited",
    ]

    private var random: SplitMix64
    private let start = LedgerTime(seconds: 946_684_800, hasTimeOfDay: false)  // 2000-01-01

    public init(seed: UInt64) {
        random = SplitMix64(seed: seed)
    }

    /// A random company or person name.
    public mutating func name() -> String {
        let words = Int.random(in: 1...3, using: &random)
        var parts: [String] = []
        for _ in 0..<words {
            let count = Int.random(in: 2...3, using: &random)
            let word = (0..<count).map { _ in Self.syllables.randomElement(using: &random)! }.joined()
            parts.append(word.prefix(1).uppercased() + word.dropFirst())
        }
        if Bool.random(using: &random) { parts.append(Self.suffixes.randomElement(using: &random)!) }
        return parts.joined(separator: " ")
    }

    /// A later day, or (one time in seven) the same instant: same-instant events must fold right.
    private mutating func day(after base: LedgerTime, within days: Int) -> LedgerTime {
        if Int.random(in: 0..<7, using: &random) == 0 { return base }
        return base.adding(days: Int.random(in: 1...max(1, days), using: &random))
    }

    private mutating func published(for effective: LedgerTime) -> LedgerTime {
        effective.adding(days: Int.random(in: -2...10, using: &random))
    }

    /// About `targetEvents` events for `parties` parties (the exact count depends on the draws).
    /// Every history is consistent: no alias or delisting outside a designation.
    public mutating func events(
        parties: Int, targetEvents: Int, latest: LedgerTime = LedgerTime(seconds: 1_735_603_200, hasTimeOfDay: false)
    ) -> [LedgerEvent] {
        var events: [LedgerEvent] = []
        events.reserveCapacity(targetEvents + parties)
        let perParty = max(1, targetEvents / max(1, parties))
        let span = start.days(until: latest)
        for index in 0..<parties {
            let party = PartyID("syn-\(index)")
            let regimeCount = perParty >= 6 ? Int.random(in: 1...2, using: &random) : 1
            var budget = perParty
            for regimeIndex in 0..<regimeCount {
                appendHistory(
                    of: party, index: index, regimeIndex: regimeIndex, regimeCount: regimeCount, budget: &budget,
                    latest: latest, span: span, to: &events)
            }
        }
        events += ruleChanges(until: latest)
        return events
    }

    /// The events of one designation of `party` (the `regimeIndex`-th of its `regimeCount`): a
    /// listing or escalation, then alias changes, amendments, fixes, delistings and relistings.
    private mutating func appendHistory(
        of party: PartyID, index: Int, regimeIndex: Int, regimeCount: Int, budget: inout Int, latest: LedgerTime,
        span: Int, to events: inout [LedgerEvent]
    ) {
        let regime = Self.regimeIDs[(index + regimeIndex) % Self.regimeIDs.count]
        var counter = 0
        func id() -> EventID {
            counter += 1
            return EventID("syn-\(index)-\(regime.rawValue)-\(counter)")
        }
        var at = start.adding(days: Int.random(in: 0...(span * 2 / 3), using: &random))
        let listedName = name()
        var usedKeys: Set<String> = [NameKey.make(listedName)]
        var aliases: [String] = []
        for _ in 0..<Int.random(in: 0...2, using: &random) {
            let alias = name()
            if usedKeys.insert(NameKey.make(alias)).inserted { aliases.append(alias) }
        }
        let source = Source(citation: "SYN \(index)")
        let details = DesignationDetails(
            name: listedName, aliases: aliases.map { Alias($0) }, country: "CN", entityType: .entity,
            programs: ["SYN"], license: LicenseTerms(policy: "Presumption of denial"))
        if regimeIndex > 0 {
            events.append(
                LedgerEvent(
                    id: id(), party: party, regime: regime, effective: at, published: published(for: at),
                    source: source,
                    payload: .escalated(details, from: [Self.regimeIDs[index % Self.regimeIDs.count]])))
        } else {
            events.append(
                LedgerEvent(
                    id: id(), party: party, regime: regime, effective: at, published: published(for: at),
                    source: source, payload: .listed(details)))
        }
        budget -= 1
        var state = DesignationState(
            at: at, listedAt: at, listedName: listedName, aliases: aliases, currentAliases: aliases,
            usedKeys: usedKeys, details: details, source: source)
        let share = max(1, budget / (regimeCount - regimeIndex))
        for _ in 0..<share {
            guard
                let appended = appendChange(
                    to: &state, party: party, regime: regime, latest: latest, id: id, events: &events)
            else { break }
            if appended { budget -= 1 }
        }
    }

    /// Where one synthetic designation stands while its changes are made.
    private struct DesignationState {
        var at: LedgerTime
        var listed = true
        /// A designation is never delisted at the instant it was listed (that would be a
        /// designation of no length); a relisting may come at the instant of a delisting.
        var listedAt: LedgerTime
        var listedName: String
        var aliases: [String]
        var currentAliases: [String]
        var usedKeys: Set<String>
        var details: DesignationDetails
        var source: Source
    }

    /// One more change of a designation, a few days to months after the last: a relisting, an alias
    /// added or removed, an amendment, a fix of the last event, or a delisting. Nil past `latest`;
    /// false when the drawn change was not possible (an alias name already used).
    private mutating func appendChange(
        to state: inout DesignationState, party: PartyID, regime: RegimeID, latest: LedgerTime, id: () -> EventID,
        events: inout [LedgerEvent]
    ) -> Bool? {
        state.at = day(after: state.at, within: 120)
        if state.at > latest { return nil }
        let roll = Int.random(in: 0..<100, using: &random)
        if !state.listed {
            events.append(
                LedgerEvent(
                    id: id(), party: party, regime: regime, effective: state.at, published: published(for: state.at),
                    source: state.source, payload: .listed(state.details)))
            state.listed = true
            state.listedAt = state.at
            state.currentAliases = state.aliases
            state.usedKeys = Set([state.listedName] + state.aliases).reduce(into: Set<String>()) {
                $0.insert(NameKey.make($1))
            }
        } else if roll < 45 {
            let alias = name()
            guard state.usedKeys.insert(NameKey.make(alias)).inserted else { return false }
            state.currentAliases.append(alias)
            events.append(
                LedgerEvent(
                    id: id(), party: party, regime: regime, effective: state.at, published: published(for: state.at),
                    source: state.source, payload: .aliasAdded([Alias(alias)])))
        } else if roll < 60, let removed = state.currentAliases.popLast() {
            state.usedKeys.remove(NameKey.make(removed))
            events.append(
                LedgerEvent(
                    id: id(), party: party, regime: regime, effective: state.at, published: published(for: state.at),
                    source: state.source, payload: .aliasRemoved([Alias(removed)])))
        } else if roll < 80 {
            let amendment = DesignationDetails(addresses: [
                "\(Int.random(in: 1...999, using: &random)) \(name()) Road, CN"
            ])
            events.append(
                LedgerEvent(
                    id: id(), party: party, regime: regime, effective: state.at, published: published(for: state.at),
                    source: state.source, payload: .amended(amendment)))
        } else if roll < 88, let target = events.last, target.party == party, target.regime == regime,
            target.kind == .amended || target.kind == .aliasAdded
        {
            events.append(fix(target, previous: events.dropLast().last, id: id(), source: state.source))
            if target.kind == .aliasAdded, case .retracted = events[events.count - 1].payload,
                let alias = state.currentAliases.popLast()
            {
                state.usedKeys.remove(NameKey.make(alias))
            }
        } else {
            if state.at == state.listedAt { state.at = state.at.adding(days: 1) }
            events.append(
                LedgerEvent(
                    id: id(), party: party, regime: regime, effective: state.at, published: published(for: state.at),
                    source: state.source, payload: .delisted(reason: nil)))
            state.listed = false
        }
        return true
    }

    /// A later correction or retraction of `target` (the stream's last event): an amendment's
    /// field corrected, or its date moved (not before `previous`, so the history stays
    /// consistent); an alias addition retracted.
    private mutating func fix(_ target: LedgerEvent, previous: LedgerEvent?, id: EventID, source: Source) -> LedgerEvent
    {
        let fixDate = target.published.adding(days: Int.random(in: 1...30, using: &random))
        let payload: LedgerEvent.Payload
        if target.kind == .aliasAdded {
            payload = .retracted(target: target.id, reason: "synthetic retraction")
        } else if Bool.random(using: &random) {
            let earliest =
                previous.map {
                    $0.party == target.party && $0.regime == target.regime ? $0.effective : target.effective
                } ?? target.effective
            let moved = max(earliest, target.effective.adding(days: -Int.random(in: 0...5, using: &random)))
            payload = .corrected(
                target: target.id, changes: .object([JSONMember(key: "effective", value: .string(moved.description))]))
        } else {
            payload = .corrected(
                target: target.id,
                changes: .object([
                    JSONMember(key: "addresses", value: .array([.string("Corrected \(name()) Street, CN")]))
                ]))
        }
        return LedgerEvent(
            id: id, party: target.party, regime: target.regime, effective: fixDate, published: fixDate, source: source,
            payload: payload)
    }

    /// Each regime's rules for exports and payments, changed a few times over the span (two of
    /// the changes on one instant).
    private mutating func ruleChanges(until latest: LedgerTime) -> [LedgerEvent] {
        var events: [LedgerEvent] = []
        for regime in Self.regimeIDs {
            var at = start
            for change in 0..<8 {
                if change != 3 { at = at.adding(days: Int.random(in: 30...900, using: &random)) }
                if at > latest { break }
                let outcome: Outcome = [.prohibited, .licenseRequired, .permitted].randomElement(using: &random)!
                events.append(
                    LedgerEvent(
                        id: EventID("syn-rules-\(regime.rawValue)-\(change)"), party: nil, regime: regime,
                        effective: at,
                        published: published(for: at), source: Source(citation: "SYN RULES"),
                        payload: .ruleChanged([
                            RuleSpec(transactionType: change == 3 ? .payment : .export, outcome: outcome),
                            RuleSpec(transactionType: .service, outcome: outcome),
                        ])))
            }
        }
        return events
    }
}
