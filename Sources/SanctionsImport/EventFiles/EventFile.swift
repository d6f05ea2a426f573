public import SanctionsCore

/// The public notice an event file records: a Federal Register rule or an OFAC action.
public struct Notice: Sendable, Hashable {
    /// e.g. `84 FR 54002`.
    public var citation: String
    public var title: String?
    /// e.g. `BIS` or `OFAC`.
    public var authority: String
    /// When the notice was published (the default `published` of its events).
    public var published: LedgerTime
    /// When it took effect (the default `effective` of its events), when it states one date for all.
    public var effective: LedgerTime?
    public var url: String?
    /// A curator's note (for example a fact that could not be confirmed).
    public var note: String?

    /// The source its events cite.
    public var source: Source { Source(citation: citation, title: title, url: url, authority: authority) }
}

/// An event together with where it was read from.
public struct LocatedEvent: Sendable {
    public var event: LedgerEvent
    public var file: String
    public var line: Int

    public init(event: LedgerEvent, file: String, line: Int) {
        self.event = event
        self.file = file
        self.line = line
    }
}

/// One decoded event file: either a notice with its events, or a list of regime declarations.
public struct EventFile: Sendable {
    public var path: String
    public var notice: Notice?
    public var regimes: [Regime]
    public var events: [LocatedEvent]
}
