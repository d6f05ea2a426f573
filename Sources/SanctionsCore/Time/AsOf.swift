/// The point of view of a query on the three clocks.
///
/// - ``on``: valid time, "what was the law on that day" (the `effective` clock).
/// - ``knownAt``: knowledge time, "what could a careful reader have known then" (the `published`
///   clock; corrections and retractions count only from their own publication). `nil` means
///   everything the ledger holds.
/// - ``recordedThrough``: the ledger's own clock, "what did this ledger say then", as the last
///   sequence number to consider. `nil` means the whole log.
///
/// For example:
/// ```swift
/// let view = AsOf(on: try .parse("2019-05-17"), knownAt: try .parse("2019-05-17"))
/// // Huawei: in force on 2019-05-17 (effective 05-16) but not yet known (published 05-21)
/// ```
public struct AsOf: Sendable, Hashable {
    /// The valid-time instant (a day means the end of that day).
    public var on: LedgerTime
    /// The knowledge-time instant (a day means the end of that day); nil: now.
    public var knownAt: LedgerTime?
    /// The last sequence number to consider; nil: all.
    public var recordedThrough: Int?

    public init(on: LedgerTime, knownAt: LedgerTime? = nil, recordedThrough: Int? = nil) {
        self.on = on
        self.knownAt = knownAt
        self.recordedThrough = recordedThrough
    }

    /// The valid-time instant queries compare with.
    public var validInstant: LedgerTime { on.queryInstant }

    /// The knowledge instant queries compare with, when one is set.
    public var knownInstant: LedgerTime? { knownAt?.queryInstant }

    /// Whether a row with these intervals is part of this view.
    public func includes(valid: LedgerInterval, known: LedgerInterval) -> Bool {
        guard valid.contains(validInstant) else { return false }
        if let knownInstant { return known.contains(knownInstant) }
        return known.to == nil
    }
}
