import Foundation
import SanctionsBenchmarks
import SanctionsCore
import SanctionsLedger
import SanctionsScreening
import SanctionsStore
import SanctionsTestSupport
import Testing

/// Model-based test of the projections: random streams (same-instant events, relistings, aliases,
/// corrections that move dates across other events, retractions) appended one by one, then the
/// ledger's list and screening compared with a small reference written separately, on every day
/// and on several knowledge instants.
///
/// The reference is deliberately naive: for a question (day T, knowledge K) it takes the events
/// published by K, applies the corrections and retractions published by K, and replays the events
/// effective up to T in order. No intervals, no epochs, no incremental work.
@Suite struct FoldModelTests {
    /// Streams run in CI; each failure names its seed.
    static let streams = 200
    static let baseSeed: UInt64 = 0x5EED_F01D

    @Test func theProjectionsAgreeWithTheReferenceOnRandomStreams() throws {
        var compared = 0
        for index in 0..<Self.streams {
            let seed = Self.baseSeed &+ UInt64(index)
            compared += try checkStream(seed: seed)
        }
        print(
            "fold model: \(Self.streams) random streams, \(compared) questions compared with the reference (seeds \(Self.baseSeed)...)"
        )
    }

    /// Builds one random stream from `seed`, appends it, and compares every question. Returns how many were compared.
    func checkStream(seed: UInt64) throws -> Int {
        var random = SplitMix64(seed: seed)
        let ledger = try TemporaryLedger.make()
        try ledger.database.append([
            EventFactory.rules(
                "rules", effective: "2000-01-01", [RuleSpec(transactionType: .export, outcome: .licenseRequired)])
        ])
        var accepted: [LedgerEvent] = []
        for candidate in StreamGenerator.events(
            count: Int.random(in: 4...14, using: &random), accepted: { accepted }, using: &random)
        {
            // Each event alone, as a user would append it: accepted or refused, never half.
            do {
                try ledger.database.append([candidate])
                accepted.append(candidate)
            } catch is InputError {
                continue
            }
        }
        let handBuilt = ScreeningOptions(requireCoverage: false)  // no list publications: the fold is under test
        let snapshotNow = try ledger.screeningSnapshot(options: handBuilt)
        var compared = 0
        let knowledge: [LedgerTime?] =
            [nil]
            + (0..<4).map { _ in StreamGenerator.day(Int.random(in: 0...StreamGenerator.span + 6, using: &random)) }
        for knownAt in knowledge {
            let snapshot = knownAt.map { try? ledger.screeningSnapshot(knownAt: $0, options: handBuilt) } ?? snapshotNow
            for offset in 0...StreamGenerator.span + 2 {
                let day = StreamGenerator.day(offset)
                let expected = ReferenceFold.state(of: accepted, on: day, knownAt: knownAt)
                let views = try ledger.list(asOf: AsOf(on: day, knownAt: knownAt), party: PartyID("p"))
                let context =
                    "seed \(seed), on \(day), known at \(knownAt?.description ?? "now"), events \(accepted.map(\.canonicalJSON))"
                #expect(views.count == (expected == nil ? 0 : 1), "\(context)")
                if let expected, let view = views.first {
                    #expect(view.listedName == expected.name, "\(context)")
                    #expect(Set(view.aliases.map(\.name)) == expected.aliases, "\(context)")
                    #expect((view.segment.details.programs ?? []) == expected.programs, "\(context)")
                    #expect(view.listedFrom == expected.listedFrom, "\(context)")
                    // The listed name screens as a certain match on that day, and only then.
                    let screened = snapshot?.screen(expected.name, on: day, type: .export)
                    #expect(screened?.verdict == .licenseRequired, "\(context)")
                }
                if expected == nil {
                    for name in StreamGenerator.names {
                        #expect(
                            snapshot?.screen(name, on: day, type: .export).verdict == .permitted, "\(name): \(context)")
                    }
                }
                compared += 1
            }
        }
        return compared
    }
}

/// Random streams of one party (`p`) on the Entity List over a few weeks, so that instants collide.
enum StreamGenerator {
    static let span = 24
    static let names = ["Orion Trading", "Vega Metals", "Lyra Shipping"]
    static let aliases = ["Orion Ltd", "Vega Group", "Lyra Marine", "Deneb Holdings"]

    static func day(_ offset: Int) -> LedgerTime { EventFactory.day("2020-01-01").adding(days: offset) }

    static func events(count: Int, accepted: () -> [LedgerEvent], using random: inout SplitMix64) -> [LedgerEvent] {
        var events: [LedgerEvent] = []
        for index in 0..<count {
            let effectiveOffset = Int.random(in: 0...span, using: &random)
            let effective = day(effectiveOffset)
            let published = day(effectiveOffset + Int.random(in: 0...3, using: &random))
            let id = EventID("e\(index)")
            let source = EventFactory.testSource
            let payload: LedgerEvent.Payload
            let roll = Int.random(in: 0..<100, using: &random)
            let earlier = events.filter { $0.kind != .corrected && $0.kind != .retracted }
            switch roll {
            case 0..<25:
                payload = .listed(
                    DesignationDetails(
                        name: names.randomElement(using: &random),
                        programs: [["A"], ["B"], ["A", "B"]].randomElement(using: &random)))
            case 25..<40:
                payload = .delisted(reason: nil)
            case 40..<55:
                payload = .aliasAdded([Alias(aliases.randomElement(using: &random)!)])
            case 55..<65:
                payload = .aliasRemoved([Alias(aliases.randomElement(using: &random)!)])
            case 65..<78:
                payload =
                    Bool.random(using: &random)
                    ? .amended(DesignationDetails(name: names.randomElement(using: &random)))
                    : .amended(DesignationDetails(programs: [["A"], ["B"], ["C"]].randomElement(using: &random)))
            case 78..<92 where !earlier.isEmpty:
                let target = earlier.randomElement(using: &random)!
                let moved = day(Int.random(in: 0...span, using: &random))
                payload = .corrected(target: target.id, changes: .object(["effective": .string(moved.description)]))
            case 92..<100 where !earlier.isEmpty:
                payload = .retracted(target: earlier.randomElement(using: &random)!.id, reason: nil)
            default:
                payload = .listed(DesignationDetails(name: names[0]))
            }
            let isFix = {
                if case .corrected = payload { return true }; if case .retracted = payload { return true }; return false
            }()
            // A fix takes effect (and is known) from its own publication, after what it fixes.
            let fixPublished = day(span + Int.random(in: 1...6, using: &random))
            events.append(
                LedgerEvent(
                    id: id, party: PartyID("p"), regime: RegimeID("bis-entity-list"),
                    effective: isFix ? fixPublished : effective,
                    published: isFix ? fixPublished : published, source: source, payload: payload))
        }
        return events
    }
}

/// The reference: the state of the designation of `p` on a day, as known at an instant, by replay.
enum ReferenceFold {
    struct State: Equatable {
        var name: String
        var aliases: Set<String>
        var programs: [String]
        var listedFrom: LedgerTime
    }

    static func state(of events: [LedgerEvent], on day: LedgerTime, knownAt: LedgerTime?) -> State? {
        let horizon = knownAt?.queryInstant
        let visible = events.filter { horizon == nil || $0.published <= horizon! }
        // Corrections and retractions, in publication order, on the events they target.
        var resolved: [EventID: LedgerEvent] = [:]
        var order: [EventID] = []
        for event in visible where event.kind != .corrected && event.kind != .retracted {
            resolved[event.id] = event
            order.append(event.id)
        }
        for fix in visible.filter({ $0.kind == .corrected || $0.kind == .retracted }).sorted(by: {
            ($0.published, $0.id) < ($1.published, $1.id)
        }) {
            guard let target = fix.target, let original = resolved[target] else { continue }
            switch fix.payload {
            case .retracted: resolved[target] = nil
            case .corrected(_, let changes, _): resolved[target] = try? original.applying(changes: changes)
            default: break
            }
        }
        let history = order.compactMap { resolved[$0] }.filter { $0.effective.seconds <= day.queryInstant.seconds }
        // Replay instant by instant: listings, amendments, aliases, delistings; but a delisting of a
        // designation that was in force before the instant comes first when the instant also lists.
        var state: State?
        let instants = Set(history.map(\.effective.seconds)).sorted()
        for instant in instants {
            var group = history.filter { $0.effective.seconds == instant }.sorted {
                (rank($0), $0.id) < (rank($1), $1.id)
            }
            if let current = state, group.contains(where: { $0.kind == .listed }),
                let delisting = group.firstIndex(where: { $0.kind == .delisted })
            {
                // The old designation ends here and a new one starts: removals of the old one's
                // aliases first, then the delisting, then everything else.
                let delist = group.remove(at: delisting)
                let removals = group.filter { event in
                    guard case .aliasRemoved(let aliases) = event.payload else { return false }
                    return aliases.allSatisfy { current.aliases.contains($0.name) }
                }
                group = removals + [delist] + group.filter { event in !removals.contains { $0.id == event.id } }
            }
            for event in group { apply(event, to: &state) }
        }
        return state
    }

    static func rank(_ event: LedgerEvent) -> Int {
        switch event.kind {
        case .listed, .escalated: 1
        case .amended: 2
        case .aliasAdded: 3
        case .aliasRemoved: 4
        case .delisted: 5
        default: 6
        }
    }

    static func apply(_ event: LedgerEvent, to state: inout State?) {
        switch event.payload {
        case .listed(let details):
            let name = details.name ?? ""
            if var current = state {
                // A restatement: new details and name; the old names but the old primary stay.
                current.aliases.remove(name)
                if current.name != name { current.name = name }
                current.programs = details.programs ?? []
                state = current
            } else {
                state = State(name: name, aliases: [], programs: details.programs ?? [], listedFrom: event.effective)
            }
        case .delisted:
            state = nil
        case .aliasAdded(let aliases):
            guard var current = state else { return }
            for alias in aliases where alias.name != current.name { current.aliases.insert(alias.name) }
            state = current
        case .aliasRemoved(let aliases):
            guard var current = state else { return }
            for alias in aliases { current.aliases.remove(alias.name) }
            state = current
        case .amended(let details):
            guard var current = state else { return }
            if let name = details.name, name != current.name {
                current.aliases.remove(name)
                current.name = name
            }
            if let programs = details.programs { current.programs = programs }
            state = current
        default:
            break
        }
    }
}
