/// What a snapshot import saw: one publication of a list (a source such as `ofac-sdn`), as it
/// bears on one regime the source manages.
///
/// Observations are the ledger's record of which publications it compared with itself, so they
/// answer "how complete is the ledger's knowledge of this regime at that time" (coverage) and
/// "which publication of a source came last" (the guard that refuses an older snapshot), without
/// reading anything into event ids. A publication that changed nothing is still observed.
///
/// For example:
/// ```swift
/// let seen = Observation(list: "ofac-sdn", file: "sdn.csv", sha256: "9f86…", entries: 9_075)
/// ```
public struct Observation: Hashable, Sendable {
    /// The source whose publication this was, e.g. `ofac-sdn`, `ofac-consolidated`, `csl`.
    public var list: String
    /// The file name of the publication, as imported.
    public var file: String?
    /// The SHA-256 (lowercase hex) of the publication's bytes, when it was read from one file.
    public var sha256: String?
    /// How many of its entries were on this regime.
    public var entries: Int
    /// The earliest date its entries state for their listings (e.g. the Entity List rows' Federal
    /// Register dates): the publication also tells, partially, what was in force back to then.
    public var statedFrom: LedgerTime?
    /// A sample or extract rather than the whole list: it shows entries, never their absence.
    public var partial: Bool

    public init(
        list: String, file: String? = nil, sha256: String? = nil, entries: Int, statedFrom: LedgerTime? = nil,
        partial: Bool = false
    ) {
        self.list = list
        self.file = file
        self.sha256 = sha256
        self.entries = entries
        self.statedFrom = statedFrom
        self.partial = partial
    }
}
