public import SanctionsCore

/// The ids of events that snapshot imports write: `<source>:<key>:<change>@<stamp>`, where the
/// stamp is the snapshot's time without `-` and `:` (`20210820T185052Z`).
///
/// Ids only identify events (importing the same publication twice appends nothing); nothing is
/// ever decided by reading them back. Event files written by hand may not use this form for a
/// known source, so that no curated id can collide with a future snapshot import.
///
/// For example:
/// ```swift
/// SnapshotEventID.make(source: "ofac-sdn", key: "36514", change: "listed", at: try .parse("2021-08-20T18:50:52Z"))
/// // ofac-sdn:36514:listed@20210820T185052Z
/// ```
public enum SnapshotEventID {
    /// The key of the publication itself (its observations), which no list entry uses.
    public static let publicationKey = "publication"

    /// The stamp of a snapshot time: its text without `-` and `:`.
    public static func stamp(_ time: LedgerTime) -> String {
        time.description.filter { $0 != "-" && $0 != ":" }
    }

    /// The id of one change of one entry in the snapshot of `source` taken at `time`.
    public static func make(source: String, key: String, change: String, at time: LedgerTime) -> EventID {
        EventID("\(source):\(key):\(change)@\(stamp(time))")
    }

    /// The id of the observation of a publication of `source` on `regime`.
    public static func observation(source: String, regime: RegimeID, at time: LedgerTime) -> EventID {
        make(source: source, key: publicationKey, change: "observed-\(regime.rawValue)", at: time)
    }

    /// Whether `id` has the form of a snapshot event id of one of `sources`.
    public static func hasSnapshotForm(_ id: EventID, sources: some Sequence<String>) -> Bool {
        let text = id.rawValue
        guard text.contains("@") else { return false }
        return sources.contains { text.hasPrefix($0 + ":") }
    }
}
