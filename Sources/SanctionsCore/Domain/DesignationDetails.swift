/// The details of a designation as listed: its name and everything that identifies or qualifies it.
///
/// In a `listed` or `escalated` event, `name` is required and absent collections mean empty. In an
/// `amended` event every field is optional and only the fields present change.
public struct DesignationDetails: Hashable, Sendable {
    /// The milestone a listing states for its own end (a denial order's expiry): the designation
    /// ends then, unless a delisting ends it sooner or an amendment moves it.
    public static let endsMilestone = "ends"
    /// The milestone an import sets when the list states no date for a listing that rules count
    /// windows from (its value is the publication the listing was seen in): a rule never derives a
    /// legal milestone from that date, so the windows it cannot place are answered "review".
    public static let undatedMilestone = "listing-undated"

    /// The primary listed name.
    public var name: String?
    /// Names the party is also listed under (only in `listed` and `escalated`; later changes use alias events).
    public var aliases: [Alias]?
    /// Postal addresses as listed, one string each.
    public var addresses: [String]?
    /// ISO 3166 alpha-2 country code (or the country name as listed).
    public var country: String?
    /// Entity, individual, vessel or aircraft.
    public var entityType: EntityType?
    /// Identifiers such as OFAC entry numbers.
    public var identifiers: [Identifier]?
    /// Programme tags such as `SDGT`, `GLOMAG`, `CMIC-EO13959`.
    public var programs: [String]?
    /// Licence requirement and review policy (Entity List style regimes).
    public var license: LicenseTerms?
    /// Free-text remarks as listed.
    public var remarks: String?
    /// Named dates of this listing that rules refer to, e.g. `purchase-prohibited` or `divestment-ends`.
    public var milestones: [String: LedgerTime]?

    public init(
        name: String? = nil, aliases: [Alias]? = nil, addresses: [String]? = nil, country: String? = nil,
        entityType: EntityType? = nil, identifiers: [Identifier]? = nil, programs: [String]? = nil,
        license: LicenseTerms? = nil, remarks: String? = nil, milestones: [String: LedgerTime]? = nil
    ) {
        self.name = name
        self.aliases = aliases
        self.addresses = addresses
        self.country = country
        self.entityType = entityType
        self.identifiers = identifiers
        self.programs = programs
        self.license = license
        self.remarks = remarks
        self.milestones = milestones
    }

    /// Whether no field is set (an amendment that changes nothing).
    public var isEmpty: Bool { self == DesignationDetails() }

    /// The fields these details set, as names (`milestones.<key>` per milestone), for provenance.
    public var fieldNames: [String] {
        var fields: [String] = []
        if name != nil { fields.append("name") }
        if aliases != nil { fields.append("aliases") }
        if addresses != nil { fields.append("addresses") }
        if country != nil { fields.append("country") }
        if entityType != nil { fields.append("entityType") }
        if identifiers != nil { fields.append("identifiers") }
        if programs != nil { fields.append("programs") }
        if license != nil { fields.append("license") }
        if remarks != nil { fields.append("remarks") }
        for key in (milestones ?? [:]).keys.sorted() { fields.append("milestones." + key) }
        return fields
    }

    /// These details with every field that `amendment` sets replaced.
    public func applying(_ amendment: DesignationDetails) -> DesignationDetails {
        var result = self
        if let name = amendment.name { result.name = name }
        if let addresses = amendment.addresses { result.addresses = addresses }
        if let country = amendment.country { result.country = country }
        if let entityType = amendment.entityType { result.entityType = entityType }
        if let identifiers = amendment.identifiers { result.identifiers = identifiers }
        if let programs = amendment.programs { result.programs = programs }
        if let license = amendment.license { result.license = license }
        if let remarks = amendment.remarks { result.remarks = remarks }
        if let milestones = amendment.milestones {
            result.milestones = (result.milestones ?? [:]).merging(milestones) { $1 }
        }
        return result
    }
}
