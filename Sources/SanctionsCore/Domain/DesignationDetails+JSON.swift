/// JSON forms of details and rules, used by the store's projection rows.
extension DesignationDetails {
    /// These details as a JSON object (absent fields omitted).
    public var json: JSONValue { .object(jsonMembers) }

    /// Decodes details from a JSON object such as ``json`` produces.
    public init(json: JSONValue) throws(InputError) {
        var reader = try JSONObjectReader(json, path: "", line: 0)
        self = try LedgerEvent.decodeDetails(&reader, requireName: false, allowAliases: true)
        try reader.finish()
    }
}

extension RuleSpec {
    /// This rule as a JSON object.
    public var jsonValue: JSONValue { json }

    /// Decodes a rule from a JSON object such as ``jsonValue`` produces.
    public init(json: JSONValue) throws(InputError) {
        self = try LedgerEvent.decodeRule(JSONObjectReader(json, path: "", line: 0))
    }
}

extension Regime {
    /// The regime declaration as JSON (as in `Events/regimes.json`).
    public var json: JSONValue {
        .object([
            "id": .string(id.rawValue), "name": .string(name), "authority": .string(authority),
            "description": .string(description), "severity": .number(String(severity)),
            "url": url.map(JSONValue.string),
        ])
    }

    /// Decodes a regime declaration.
    public init(json: JSONValue, path: String, line: Int) throws(InputError) {
        var reader = try JSONObjectReader(json, path: path, line: line)
        let idText = try reader.requiredString("id")
        guard IdentifierSyntax.isSlug(idText) else {
            throw reader.error("id", .invalidField, "'\(idText)' is not a valid regime id (lowercase slug)")
        }
        guard let severity = try reader.integer("severity") else {
            throw reader.error("severity", .missingField, "required field is missing")
        }
        self.init(
            id: RegimeID(idText), name: try reader.requiredString("name"),
            authority: try reader.requiredString("authority"),
            description: try reader.requiredString("description"), severity: severity, url: try reader.string("url"))
        try reader.finish()
    }
}
