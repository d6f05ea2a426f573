/// How a ledger is opened.
public enum LedgerAccess: Sendable {
    /// Reads and writes; a missing file is created, migrations and normaliser refreshes run
    /// (taking the write lock only when there is something to do).
    case readWrite
    /// Reads only: nothing is ever written and no lock is taken that a writer waits for. Works
    /// on a read-only file or mount (an archived copy), then as an immutable file.
    case readOnly
}
