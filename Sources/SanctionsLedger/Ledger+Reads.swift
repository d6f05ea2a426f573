import Foundation
public import SanctionsCore
public import SanctionsImport
public import SanctionsScreening
package import SanctionsStore

/// What the ledger holds: its head, chain, counts, events and regimes.
extension Ledger {
    /// The head of the chain, `SEQUENCE:HASH`; with `recordedThrough`, the head as it was after that event.
    public func head(recordedThrough: Int? = nil) throws -> LedgerHead {
        let head = try database.head()
        guard let recordedThrough, recordedThrough < head.sequence else {
            return LedgerHead(sequence: head.sequence, hash: head.hash)
        }
        guard recordedThrough > 0,
            let stored = try database.storedEvents(
                EventFilter(fromSequence: recordedThrough, toSequence: recordedThrough)
            ).first
        else {
            return LedgerHead(sequence: 0, hash: ChainHash.hex(ChainHash.genesis))
        }
        return LedgerHead(sequence: stored.sequence, hash: stored.hash)
    }

    /// The last sequence number recorded at or before `instant` (0 when none): `--recorded-at`.
    public func sequence(recordedAt instant: LedgerTime) throws -> Int {
        try database.sequence(recordedAt: instant)
    }

    /// Re-walks the hash chain (and checks that the log still holds `anchor`, a head kept from an
    /// earlier report, when one is given).
    public func verify(expecting anchor: LedgerHead? = nil) throws -> VerifyReport {
        try database.verifyChain(expecting: anchor)
    }

    /// Counts that describe the ledger.
    public func stats(now: LedgerTime = Ledger.systemClock()) throws -> LedgerStats {
        try database.stats(now: now)
    }

    /// The stored events matching `filter`, in sequence order.
    public func events(_ filter: EventFilter = EventFilter()) throws -> [StoredEvent] {
        try database.storedEvents(filter)
    }

    /// Every declared regime, ordered by id.
    public func regimes() throws -> [Regime] {
        try database.regimes()
    }

    /// The publications of a list source, or of every source on a regime, that snapshot imports observed.
    public func publications(list: String? = nil, regime: RegimeID? = nil) throws -> [PublicationRow] {
        try database.publications(list: list, regime: regime)
    }

    /// Where the ledger lives (nil in memory).
    public var path: String? { database.path }

    /// Checks that `regime` is declared; the error lists the regimes that are.
    public func requireRegime(_ regime: RegimeID) throws {
        let declared = try regimes().map(\.id)
        guard declared.contains(regime) else {
            throw InputError(
                .unknownRegime,
                "unknown regime '\(regime)' (declared: \(declared.map(\.rawValue).joined(separator: ", ")))",
                field: "--regime")
        }
    }
}
