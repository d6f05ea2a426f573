import SanctionsLedger

/// The screening index of the ledger's current state, rebuilt when another process appends.
///
/// Each answer is made from one state: the head is read first, and the snapshot and the
/// citations are taken as recorded through that head's sequence, which the response names.
actor LedgerState {
    let ledger: Ledger
    private var current: (head: LedgerHead, snapshot: ScreeningSnapshot)?

    init(ledger: Ledger) {
        self.ledger = ledger
    }

    /// The head, and the snapshot of everything recorded through it (default matching options).
    ///
    /// The head is read outside the actor, so that requests only queue here for the comparison
    /// (and for a rebuild, which they all need); a request that read an older head than the one
    /// just built is answered from the newer state, which the answer names.
    nonisolated func snapshot() async throws -> (head: LedgerHead, snapshot: ScreeningSnapshot) {
        try await snapshot(atLeast: try ledger.head())
    }

    private func snapshot(atLeast head: LedgerHead) throws -> (head: LedgerHead, snapshot: ScreeningSnapshot) {
        if let current, current.head.sequence >= head.sequence { return current }
        let built = (head, try ledger.screeningSnapshot(recordedThrough: head.sequence))
        current = built
        return built
    }
}
