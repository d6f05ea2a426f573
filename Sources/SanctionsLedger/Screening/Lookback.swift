public import SanctionsCore
public import SanctionsImport
public import SanctionsScreening
package import SanctionsStore

/// Lookback screening: which transactions get a different verdict from the ledger as it stands now
/// than from the ledger as it stood then, and which events made the difference.
///
/// "Then" is either a date on the published clock (`--since`: what a careful reader could have
/// known) or a sequence number on the ledger's own clock (`--after-sequence`: what this ledger
/// said before the last list update).
public struct Lookback {
    /// How a verdict changed.
    public enum Change: String, Sendable, Hashable {
        /// Permitted before, restricted (or to review) now.
        case newlyHit = "newly-hit"
        /// Restricted or to review before, permitted now.
        case cleared
        /// A stronger outcome now (e.g. `license-required` became `prohibited`).
        case escalated
        /// A weaker, still restrictive outcome now.
        case relaxed
    }

    /// One transaction whose verdict changed.
    public struct Difference: Sendable {
        public var transaction: Transaction
        public var before: ScreeningResult
        public var after: ScreeningResult
        public var change: Change
        /// The new events (on the parties and regimes involved) that explain the change.
        public var causes: [EventID]
    }

    /// The baseline ("then").
    public enum Baseline: Sendable {
        case knownAt(LedgerTime)
        case recordedThrough(Int)
    }

    public let before: ScreeningSnapshot
    public let after: ScreeningSnapshot
    /// New events since the baseline, by stream (party|regime, or rules|regime).
    let newEvents: [String: [EventID]]
    private var beforeRescreener: Rescreener
    private var afterRescreener: Rescreener

    /// Builds both snapshots and the new events since `baseline`.
    public init(ledger: Ledger, baseline: Baseline, options: ScreeningOptions, width: Int = Parallel.defaultWidth)
        throws
    {
        switch baseline {
        case .knownAt(let date):
            before = try ledger.screeningSnapshot(knownAt: date, options: options)
            newEvents = Self.group(try ledger.database.storedEvents(publishedAfter: date.queryInstant))
        case .recordedThrough(let sequence):
            before = try ledger.screeningSnapshot(recordedThrough: sequence, options: options)
            newEvents = Self.group(try ledger.database.storedEvents(EventFilter(fromSequence: sequence + 1)))
        }
        after = try ledger.screeningSnapshot(options: options)
        beforeRescreener = Rescreener(snapshot: before, width: width)
        afterRescreener = Rescreener(snapshot: after, width: width)
    }

    private static func group(_ events: [StoredEvent]) -> [String: [EventID]] {
        var grouped: [String: [EventID]] = [:]
        for stored in events { grouped[stored.event.stream.rawValue, default: []].append(stored.event.id) }
        return grouped
    }

    /// The differences in a batch of transactions, in input order.
    public mutating func process(_ batch: [Transaction]) -> [Difference] {
        let old = beforeRescreener.process(batch)
        let new = afterRescreener.process(batch)
        var differences: [Difference] = []
        for (transaction, (before, after)) in zip(batch, zip(old, new)) where before.verdict != after.verdict {
            let change: Change
            if before.verdict == .permitted {
                change = .newlyHit
            } else if after.verdict == .permitted {
                change = .cleared
            } else {
                change = after.verdict > before.verdict ? .escalated : .relaxed
            }
            var streams = Set<String>()
            for match in before.matches + after.matches {
                streams.insert(match.party.rawValue + "|" + match.regime.rawValue)
                streams.insert("rules|" + match.regime.rawValue)
            }
            var seen = Set<EventID>()
            let causes = streams.sorted().flatMap { newEvents[$0] ?? [] }.filter { seen.insert($0).inserted }
            differences.append(
                Difference(transaction: transaction, before: before, after: after, change: change, causes: causes))
        }
        return differences
    }
}
