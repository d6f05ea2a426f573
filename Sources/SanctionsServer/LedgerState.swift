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
    func snapshot() throws -> (head: LedgerHead, snapshot: ScreeningSnapshot) {
        let head = try ledger.head()
        if let current, current.head == head { return current }
        let built = (head, try ledger.screeningSnapshot(recordedThrough: head.sequence))
        current = built
        return built
    }

    /// Whether the index of the current state is built (it is built on the first call otherwise).
    var isReady: Bool { current != nil }
}
