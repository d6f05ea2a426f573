/// The result of re-walking the hash chain.
public struct VerifyReport: Sendable {
    /// Events checked.
    public var events = 0
    /// The last hash (hex), the ledger's fingerprint.
    public var headHash = ChainHash.hex(ChainHash.genesis)
    /// The first broken link, when the chain is broken.
    public var firstBroken: Int?
    /// What is wrong with it.
    public var problem: String?
    public var seconds = 0.0

    /// The head the log was checked against (`verify --expect`), when one was given.
    public var anchor: LedgerHead?
    /// Why the log does not hold the anchor, when it does not (a cut or rewritten history).
    public var anchorProblem: String?

    /// Whether every link holds (and the log holds the anchor, when one was given).
    public var isIntact: Bool { firstBroken == nil && anchorProblem == nil }

    /// The verified head, `SEQUENCE:HASH`.
    public var head: LedgerHead { LedgerHead(sequence: events, hash: headHash) }

    public init() {}
}
