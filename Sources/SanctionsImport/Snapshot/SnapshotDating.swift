public import SanctionsCore

/// How the changes a publication shows are dated.
///
/// A list that states no date for a change (the SDN files state none) only tells that it
/// happened after the list was last seen without it and by the publication: in the window
/// `(after, by]`. A short window is a stated day (OFAC designations take effect on the day they
/// are published, and a scrape checked every few hours sees them that day); a longer one is kept
/// as a window, so that a screening inside it answers `review`, never a certain answer.
///
/// For example:
/// ```swift
/// let daily = SnapshotDating(by: try .parse("2021-12-10T18:43:00Z"), after: try .parse("2021-12-10T12:43:00Z"),
///                            previous: try .parse("2021-12-09T18:43:00Z"))
/// daily.change   // (effective: 2021-12-10, effectiveAfter: nil)
/// let gap = SnapshotDating(by: try .parse("2021-04-25"), after: try .parse("2019-01-04"), previous: nil)
/// gap.change     // (effective: 2021-04-25, effectiveAfter: 2019-01-04)
/// ```
public struct SnapshotDating: Sendable, Hashable {
    /// The longest window still read as one stated day.
    public static let statedDayLimitSeconds: Int64 = 36 * 3_600

    /// The publication's instant: every change happened by then.
    public var by: LedgerTime
    /// The last time the list was seen without this publication; nil: undated (the changes take
    /// effect at ``by``, as for a publication whose predecessor is unknown).
    public var after: LedgerTime?
    /// The last publication of the same list the ledger observed before this one: no change may
    /// be dated at or before it (that publication did not show it).
    public var previous: LedgerTime?

    public init(by: LedgerTime, after: LedgerTime?, previous: LedgerTime?) {
        self.by = by
        self.previous = previous
        if let after {
            let lower = max(after, previous ?? after)
            self.after = lower < by ? lower : nil
        } else {
            self.after = nil
        }
    }

    /// Whether the window is short enough to be one stated day.
    public var isStatedDay: Bool {
        guard let after else { return true }
        return by.seconds - after.seconds <= Self.statedDayLimitSeconds
    }

    /// The dates of a change the list shows without a date of its own: the first day of a short
    /// window (but after the previous publication), or the window itself.
    public var change: (effective: LedgerTime, effectiveAfter: LedgerTime?) {
        guard let after else { return (by, nil) }
        guard isStatedDay else { return (by, after) }
        let firstSecond = LedgerTime(seconds: after.seconds + 1, hasTimeOfDay: true)
        var effective = firstSecond.day
        if let previous, effective <= previous {
            effective = LedgerTime(seconds: previous.seconds + 1, hasTimeOfDay: true)
        }
        return (min(effective, by), nil)
    }

    /// A note for a listing whose stated date lies at or before the previous publication, which did
    /// not show it: the stated date stands (a notice wins), and the disagreement stays visible.
    public func disagreement(stated: LedgerTime) -> String? {
        guard let previous, stated <= previous else { return nil }
        return "the list states \(stated.dayString), but its publication of \(previous) did not show the entry"
    }
}
