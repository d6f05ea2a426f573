public import SanctionsCore

/// One entry of an OFAC list file (SDN or the non-SDN consolidated list), as published.
public struct OFACEntry: Sendable, Hashable {
    /// An alternate name from alt.csv, or a weak a.k.a. from the remarks.
    public struct AlternateName: Sendable, Hashable {
        public var number: String?
        public var kind: Alias.Kind
        public var name: String
        public var weak: Bool
    }

    /// The entry number (`ent_num`).
    public var number: String
    public var name: String
    /// `individual`, `vessel`, `aircraft`, or nil for entities.
    public var type: EntityType
    /// Programme tags, e.g. `["SDGT", "IFSR"]`.
    public var programs: [String]
    public var title: String?
    /// Remarks, with their continuation from sdn_comments.csv joined on.
    public var remarks: String?
    public var aliases: [AlternateName]
    /// Addresses, one string each (address, city/state/postal, country).
    public var addresses: [String]
    /// The country of the first address that states one.
    public var country: String?
    /// Vessel details (call sign, type, tonnage, GRT, flag, owner), when any.
    public var vessel: [String: String]
    /// The date the entry joined each list it names (Enhanced XML `sanctionsList/@datePublished`,
    /// by list name, e.g. "Non-SDN Palestinian Legislative Council List": 2006-04-12).
    public var listDates: [String: LedgerTime] = [:]
    /// Where the entry was read (file and line), for messages.
    public var file: String
    public var line: Int
}
