public import SanctionsCore
public import SanctionsImport
public import SanctionsScreening
package import SanctionsStore

/// Rescreens many transactions, each on its own date: *match once, filter by time*.
///
/// Each distinct counterparty is normalised and matched once against every name ever listed (the
/// results are cached for the run); each transaction then keeps the matches whose designations,
/// names and rules are in force on its date. Batches are processed on all cores; results do not
/// depend on the number of threads.
///
/// For example:
/// ```swift
/// // given: ledger: Ledger, batch: [Transaction]
/// var rescreener = Rescreener(snapshot: try ledger.screeningSnapshot())
/// let results = rescreener.process(batch)   // one ScreeningResult per transaction, in order
/// ```
public struct Rescreener {
    public let snapshot: ScreeningSnapshot
    /// Worker threads (1 = serial).
    public var width: Int
    private var normalized: [String: Int] = [:]  // raw counterparty -> distinct id
    private var distinct: [(text: String, key: String, candidates: [ScreeningSnapshot.Candidate])] = []
    /// Figures of the run.
    public private(set) var statistics = NameIndex.SearchStatistics()

    public init(snapshot: ScreeningSnapshot, width: Int = Parallel.defaultWidth) {
        self.snapshot = snapshot
        self.width = width
    }

    /// How many distinct normalised counterparties were matched so far.
    public var distinctCounterparties: Int { distinct.count }

    /// Screens a batch of transactions; results in input order.
    public mutating func process(_ batch: [Transaction]) -> [ScreeningResult] {
        // 1. Counterparties not seen before: normalise (in parallel), then match each distinct normalised name once.
        var newRaw: [String] = []
        var seenRaw = Set<String>()
        for transaction in batch
        where normalized[transaction.counterparty] == nil && seenRaw.insert(transaction.counterparty).inserted {
            newRaw.append(transaction.counterparty)
        }
        if !newRaw.isEmpty {
            let prepared = Parallel.map(newRaw, width: width) { [snapshot] in snapshot.prepare($0) }
            var byKey: [String: Int] = [:]
            for (index, name) in distinct.enumerated() { byKey[name.key] = index }
            var toMatch: [(Int, PreparedQuery)] = []
            for (raw, query) in zip(newRaw, prepared) {
                // Two spellings screened the same way (the same names in it) are matched once.
                let key = query.key
                if let existing = byKey[key] {
                    normalized[raw] = existing
                } else {
                    let id = distinct.count
                    distinct.append((query.whole.normalized.text, key, []))
                    byKey[key] = id
                    normalized[raw] = id
                    toMatch.append((id, query))
                }
            }
            let snapshot = self.snapshot
            let matched = Parallel.map(toMatch, width: width, minimumChunk: 16) {
                item -> ([ScreeningSnapshot.Candidate], Int) in
                var statistics = NameIndex.SearchStatistics()
                return (snapshot.candidates(for: item.1, statistics: &statistics), statistics.candidatesScored)
            }
            for ((id, _), (candidates, scored)) in zip(toMatch, matched) {
                distinct[id].candidates = candidates
                statistics.candidatesScored += scored
                statistics.queries += 1
            }
        }
        // 2. Each transaction: filter the cached matches by its date and apply the rules of that day.
        let snapshot = self.snapshot
        let lookups = batch.map { distinct[normalized[$0.counterparty]!] }
        return Parallel.map(Array(zip(batch, lookups)), width: width, minimumChunk: 512) { transaction, lookup in
            snapshot.verdict(
                query: transaction.counterparty, normalizedQuery: lookup.text, candidates: lookup.candidates,
                date: transaction.date, type: transaction.type)
        }
    }

    /// The naive way, for comparison: every transaction normalised and matched on its own.
    public func processNaively(_ batch: [Transaction]) -> [ScreeningResult] {
        batch.map { snapshot.screen($0.counterparty, on: $0.date, type: $0.type) }
    }
}

/// Counts that summarise a rescreen run.
public struct RescreenSummary: Sendable {
    public var transactions = 0
    public var badRows: [InputError] = []
    public var badRowCount = 0
    public var byVerdict: [Outcome: Int] = [:]
    public var byRegime: [RegimeID: Int] = [:]
    public var byParty: [PartyID: Int] = [:]
    public var partyNames: [PartyID: String] = [:]
    public var hitsByYear: [Int: [Outcome: Int]] = [:]
    public var distinctCounterparties = 0
    public var seconds = 0.0

    public init() {}

    /// Adds one result (regimes and parties of non-permitted matches are counted).
    public mutating func add(_ result: ScreeningResult) {
        transactions += 1
        byVerdict[result.verdict, default: 0] += 1
        hitsByYear[result.date.civil.year, default: [:]][result.verdict, default: 0] += 1
        for match in result.matches where match.outcome != .permitted {
            byRegime[match.regime, default: 0] += 1
            byParty[match.party, default: 0] += 1
            partyNames[match.party] = match.listedName
        }
    }

    /// The parties matched most often, with counts.
    public func topParties(_ count: Int) -> [(party: PartyID, name: String, count: Int)] {
        byParty.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(count).map {
            ($0.key, partyNames[$0.key] ?? "", $0.value)
        }
    }

    /// Regimes by how many restricting matches they gave, most first (ties by id).
    public var regimesByCount: [(regime: RegimeID, count: Int)] {
        byRegime.sorted { ($0.value, $1.key.rawValue) > ($1.value, $0.key.rawValue) }.map { ($0.key, $0.value) }
    }

    /// The worst verdict seen.
    public var worst: Outcome { byVerdict.keys.max() ?? .permitted }
}
