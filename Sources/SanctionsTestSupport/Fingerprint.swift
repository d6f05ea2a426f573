public import SanctionsLedger

/// A comparable summary of everything stored in a ledger, to prove that a failed operation changed nothing.
public struct LedgerFingerprint: Equatable, Sendable {
    public var head: Int
    public var hash: String
    public var regimes: [String]

    public init(_ ledger: Ledger) throws {
        let head = try ledger.head()
        self.head = head.sequence
        self.hash = head.hash
        self.regimes = try ledger.regimes().map(\.id.rawValue)
    }
}
