/// Where an event comes from: the public notice (or list file) that makes it so.
public struct Source: Hashable, Sendable {
    /// The citation a reader can look up, e.g. `84 FR 54002` or `OFAC SDN list, sdn.csv of 2021-08-20T18:50:52Z`.
    public var citation: String
    /// The notice's title.
    public var title: String?
    /// Where to read it.
    public var url: String?
    /// The issuing authority, e.g. `BIS` or `OFAC`.
    public var authority: String?

    public init(citation: String, title: String? = nil, url: String? = nil, authority: String? = nil) {
        self.citation = citation
        self.title = title
        self.url = url
        self.authority = authority
    }
}

/// One sanctions or export-control list with its authority, declared as data in `Events/regimes.json`.
public struct Regime: Hashable, Sendable {
    /// The regime's id, e.g. `bis-entity-list`.
    public var id: RegimeID
    /// Its name, e.g. "BIS Entity List".
    public var name: String
    /// The issuing authority, e.g. "BIS (US Department of Commerce)".
    public var authority: String
    /// What being on it means.
    public var description: String
    /// Relative severity used to mark escalations (a higher number is stricter).
    public var severity: Int
    /// Where the list is published.
    public var url: String?

    public init(id: RegimeID, name: String, authority: String, description: String, severity: Int, url: String? = nil) {
        self.id = id
        self.name = name
        self.authority = authority
        self.description = description
        self.severity = severity
        self.url = url
    }
}
