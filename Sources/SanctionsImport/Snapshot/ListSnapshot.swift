public import SanctionsCore

/// A whole published list at one moment, ready to be compared with the ledger.
public struct ListSnapshot: Sendable {
    /// Which parts of an entry the files carry (the daily SDN series has no alt.csv or add.csv,
    /// so aliases other than the remarks' weak ones and addresses are not managed by it).
    public struct Coverage: Sendable, Hashable {
        /// The a.k.a./f.k.a./n.k.a. names (alt.csv, the XML's names).
        public var aliases: Bool
        public var addresses: Bool
        /// The remarks and what is read from them (weak aliases, identifiers, dates): a derived
        /// file without remarks says nothing about them.
        public var remarks: Bool

        public init(aliases: Bool, addresses: Bool, remarks: Bool = true) {
            self.aliases = aliases
            self.addresses = addresses
            self.remarks = remarks
        }
    }

    /// One entry: its key (the OFAC entry number), regime and details.
    public struct Entry: Sendable, Hashable {
        public var key: String
        public var regime: RegimeID
        public var details: DesignationDetails
        /// When the list says the listing took effect (e.g. "Listing Date (CMIC)"); else the snapshot's effective time.
        public var listedEffective: LedgerTime?
        /// When the list says the listing ends (e.g. a denial order's expiry), if it says (also kept as
        /// the listing's `ends` milestone, which ends the designation in the fold).
        public var endsEffective: LedgerTime?
        /// Where the entry was read, for messages.
        public var file: String
        public var line: Int
        /// The notice its listing events cite, when the list names one (else the snapshot's citation).
        public var source: Source?
        /// A note for the listing event (e.g. a date in the file that could not be used).
        public var note: String?

        public init(
            key: String, regime: RegimeID, details: DesignationDetails, listedEffective: LedgerTime? = nil,
            endsEffective: LedgerTime? = nil,
            file: String, line: Int, source: Source? = nil
        ) {
            self.key = key
            self.regime = regime
            self.details = details
            self.listedEffective = listedEffective
            self.endsEffective = endsEffective
            self.file = file
            self.line = line
            self.source = source
        }
    }

    /// The source family, e.g. `ofac-sdn` or `ofac-consolidated` (a key of ``ProgramRegimeMap``).
    public var source: String
    /// The regimes this source manages.
    public var regimes: Set<RegimeID>
    /// When the public could know the list (publication or observation time).
    public var published: LedgerTime
    /// When the changes it shows took effect (defaults to `published`).
    public var effective: LedgerTime
    public var coverage: Coverage
    public var entries: [Entry]
    /// The citation its events carry, e.g. `OFAC SDN list (sdn.csv) of 2021-08-20T18:50:52Z`.
    public var citation: String
    public var title: String
    public var url: String?
    /// The authority whose list this is (the events' source when an entry names no notice).
    public var authority: String
    /// The publication's main file (e.g. `sdn.csv`), as named in the observation.
    public var file: String?
    /// The SHA-256 (lowercase hex) of that file's content, when read from bytes.
    public var sha256: String?
    /// When set, the changes it shows are dated by observation: they happened after this instant
    /// (the last time the list was seen without this publication) and by ``effective``. Nil: the
    /// changes take effect at ``effective`` (a publication whose predecessor is unknown).
    public var observedAfter: LedgerTime?
    /// A sample or extract of the list: its entries are added or updated, but nothing is
    /// delisted for being absent from it.
    public var partial = false

    /// Builds a snapshot.
    public init(
        source: String, regimes: Set<RegimeID>, published: LedgerTime, effective: LedgerTime, coverage: Coverage,
        entries: [Entry],
        citation: String, title: String, url: String?, authority: String, file: String? = nil, sha256: String? = nil
    ) {
        self.source = source
        self.regimes = regimes
        self.published = published
        self.effective = effective
        self.coverage = coverage
        self.entries = entries
        self.citation = citation
        self.title = title
        self.url = url
        self.authority = authority
        self.file = file
        self.sha256 = sha256
    }

    /// The regimes this source manages that the snapshot covers, with its entries on each: every
    /// regime it manages is observed, an empty one included (it says the regime had no entry).
    public var entriesByRegime: [(regime: RegimeID, entries: Int)] {
        var counts: [RegimeID: Int] = [:]
        for regime in regimes { counts[regime] = 0 }
        for entry in entries { counts[entry.regime, default: 0] += 1 }
        return counts.keys.sorted().map { ($0, counts[$0] ?? 0) }
    }

    /// The earliest listing date the entries on `regime` state, if any states one.
    public func statedFrom(_ regime: RegimeID) -> LedgerTime? {
        entries.lazy.filter { $0.regime == regime }.compactMap(\.listedEffective).min()
    }

    /// The `observed` events of this publication, one per regime, with the window in which it
    /// appeared when that is known (`after`: the last time the list was seen without it).
    public func observationEvents(after: LedgerTime? = nil) -> [LedgerEvent] {
        entriesByRegime.map { regime, count in
            LedgerEvent(
                id: SnapshotEventID.observation(source: source, regime: regime, at: effective), party: nil,
                regime: regime,
                effective: effective, published: published,
                source: Source(citation: citation, title: title, url: url, authority: authority),
                effectiveAfter: after.flatMap { $0 < effective ? $0 : nil },
                payload: .observed(
                    Observation(
                        list: source, file: file, sha256: sha256, entries: count, statedFrom: statedFrom(regime),
                        partial: partial)))
        }
    }
}
