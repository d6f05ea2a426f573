/// How events are written as JSON (in event files and, canonically, in the log) and read back.
extension LedgerEvent {
    /// Defaults and location for decoding events from a file: the notice supplies `published`
    /// and `source` to events that do not state them.
    public struct DecodingContext: Sendable {
        /// The file being read (for error messages).
        public var file: String?
        /// `published` for events that omit it.
        public var defaultPublished: LedgerTime?
        /// `source` for events that omit it.
        public var defaultSource: Source?

        public init(file: String? = nil, defaultPublished: LedgerTime? = nil, defaultSource: Source? = nil) {
            self.file = file
            self.defaultPublished = defaultPublished
            self.defaultSource = defaultSource
        }
    }

    static let commonKeys: Set<String> = [
        "id", "type", "party", "regime", "effective", "effectiveAfter", "published", "source", "note",
    ]

    /// Decodes one event from `json`, located at `path` (e.g. `events[3]`) in the context's file.
    public init(json: JSONValue, path: String = "", line: Int = 0, context: DecodingContext = .init())
        throws(InputError)
    {
        do {
            self = try Self.decode(json, path: path, line: line, context: context)
        } catch {
            throw context.file.map { error.inFile($0) } ?? error
        }
    }

    private static func decode(_ json: JSONValue, path: String, line: Int, context: DecodingContext) throws(InputError)
        -> LedgerEvent
    {
        var reader = try JSONObjectReader(json, path: path, line: line)
        let idText = try reader.requiredString("id")
        guard IdentifierSyntax.isEventID(idText) else {
            throw reader.error(
                "id", .invalidField,
                "'\(idText)' is not a valid event id (1 to 200 printable ASCII characters, no spaces)")
        }
        let typeText = try reader.requiredString("type")
        guard let kind = EventKind(rawValue: typeText) else {
            let known = EventKind.allCases.map(\.rawValue).joined(separator: ", ")
            throw reader.error("type", .unknownEventType, "unknown event type '\(typeText)' (known: \(known))")
        }
        let regimeText = try reader.requiredString("regime")
        guard IdentifierSyntax.isSlug(regimeText) else {
            throw reader.error("regime", .invalidField, "'\(regimeText)' is not a valid regime id (lowercase slug)")
        }
        var party: PartyID?
        if kind == .ruleChanged || kind == .observed {
            if reader.has("party") {
                throw reader.error("party", .unknownField, "a \(kind.rawValue) event concerns a regime, not a party")
            }
        } else if kind == .corrected || kind == .retracted, !reader.has("party") {
            party = nil  // a fix of a rule-changed event concerns the regime's rules
        } else {
            let partyText = try reader.requiredString("party")
            guard IdentifierSyntax.isSlug(partyText) else {
                throw reader.error(
                    "party", .invalidField,
                    "'\(partyText)' is not a valid party slug (lowercase letters, digits, '-', '.', '_')")
            }
            party = PartyID(partyText)
        }
        guard let effective = try reader.time("effective") else {
            throw reader.error("effective", .missingField, "required field is missing")
        }
        let effectiveAfter = try reader.time("effectiveAfter")
        if let effectiveAfter, effectiveAfter >= effective {
            throw reader.error(
                "effectiveAfter", .invalidDate,
                "effectiveAfter \(effectiveAfter) must be before effective \(effective) (the change happened after "
                    + "the one and by the other)")
        }
        guard let published = try reader.time("published") ?? context.defaultPublished else {
            throw reader.error("published", .missingField, "required field is missing (and no notice supplies it)")
        }
        let source: Source
        if let sourceReader = try reader.object("source") {
            source = try Source(reader: sourceReader)
        } else if let defaultSource = context.defaultSource {
            source = defaultSource
        } else {
            throw reader.error("source", .missingField, "required field is missing (and no notice supplies it)")
        }
        let note = try reader.string("note")
        let payload = try decodePayload(kind: kind, reader: &reader)
        try reader.finish()
        return LedgerEvent(
            id: EventID(idText), party: party, regime: RegimeID(regimeText), effective: effective,
            published: published, source: source, note: note, effectiveAfter: effectiveAfter, payload: payload)
    }

    private static func decodePayload(kind: EventKind, reader: inout JSONObjectReader) throws(InputError) -> Payload {
        switch kind {
        case .listed:
            return .listed(try decodeDetails(&reader, requireName: true, allowAliases: true))
        case .escalated:
            let details = try decodeDetails(&reader, requireName: true, allowAliases: true)
            guard let from = try reader.stringArray("from"), !from.isEmpty else {
                throw reader.error("from", .missingField, "an escalation names the regime(s) it escalates from")
            }
            return .escalated(details, from: from.map(RegimeID.init(rawValue:)))
        case .delisted:
            return .delisted(reason: try reader.string("reason"))
        case .aliasAdded, .aliasRemoved:
            guard let aliases = try decodeAliases(&reader), !aliases.isEmpty else {
                throw reader.error("aliases", .missingField, "an alias event lists at least one alias")
            }
            return kind == .aliasAdded ? .aliasAdded(aliases) : .aliasRemoved(aliases)
        case .amended:
            let details = try decodeDetails(&reader, requireName: false, allowAliases: false)
            if details.isEmpty {
                throw InputError(
                    .missingField,
                    "an amendment changes at least one field (name, addresses, country, entityType, identifiers, "
                        + "programs, license, remarks, milestones)",
                    line: reader.line, field: reader.path.isEmpty ? nil : reader.path)
            }
            return .amended(details)
        case .ruleChanged:
            guard let elements = try reader.array("rules"), !elements.isEmpty else {
                throw reader.error("rules", .missingField, "a rule-changed event states at least one rule")
            }
            var rules: [RuleSpec] = []
            for element in elements {
                let rule = try decodeRule(
                    JSONObjectReader(element.value, path: element.path, line: reader.lineOf("rules")))
                if rules.contains(where: {
                    $0.transactionType == rule.transactionType && $0.entryStates == rule.entryStates
                }) {
                    throw InputError(
                        .invalidField,
                        "a second rule for \(rule.transactionType.rawValue)"
                            + (rule.entryStates.map { " on entries stating '\($0)'" } ?? "") + " in one event",
                        line: reader.lineOf("rules"), field: element.path)
                }
                rules.append(rule)
            }
            return .ruleChanged(rules)
        case .corrected:
            let target = try reader.requiredString("target")
            let changes = try reader.require("changes")
            guard case .object(let members) = changes, !members.isEmpty else {
                throw reader.error("changes", .invalidField, "expected a non-empty object of corrected fields")
            }
            for member in members where ["id", "type", "party", "regime", "published"].contains(member.key) {
                throw InputError(
                    .invalidField, "'\(member.key)' cannot be corrected (retract the event and append a new one)",
                    line: member.line, field: reader.fieldPath("changes") + "." + member.key)
            }
            let causeText = try reader.string("cause") ?? CorrectionCause.authority.rawValue
            guard let cause = CorrectionCause(rawValue: causeText) else {
                throw reader.error(
                    "cause", .invalidField, "'\(causeText)' is not a correction cause (authority or transcription)")
            }
            return .corrected(target: EventID(target), changes: changes, cause: cause)
        case .retracted:
            return .retracted(target: EventID(try reader.requiredString("target")), reason: try reader.string("reason"))
        case .observed:
            return .observed(try decodeObservation(&reader))
        }
    }

    private static func decodeObservation(_ reader: inout JSONObjectReader) throws(InputError) -> Observation {
        let list = try reader.requiredString("list")
        guard IdentifierSyntax.isSlug(list) else {
            throw reader.error("list", .invalidField, "'\(list)' is not a valid list source id (lowercase slug)")
        }
        let sha256 = try reader.string("sha256")
        if let sha256,
            sha256.utf8.count != 64
                || !sha256.utf8.allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0) })
        {
            throw reader.error("sha256", .invalidField, "expected 64 lowercase hexadecimal digits")
        }
        guard let entries = try reader.integer("entries") else {
            throw reader.error("entries", .missingField, "required field is missing")
        }
        guard entries >= 0 else {
            throw reader.error("entries", .invalidField, "a count of entries cannot be negative")
        }
        return Observation(
            list: list, file: try reader.string("file"), sha256: sha256, entries: entries,
            statedFrom: try reader.time("statedFrom"), partial: try reader.bool("partial") ?? false)
    }

    static func decodeDetails(_ reader: inout JSONObjectReader, requireName: Bool, allowAliases: Bool)
        throws(InputError) -> DesignationDetails
    {
        var details = DesignationDetails()
        details.name = requireName ? try reader.requiredString("name") : try reader.string("name")
        if allowAliases { details.aliases = try decodeAliases(&reader) }
        details.addresses = try reader.stringArray("addresses")
        details.country = try reader.string("country")
        if let typeText = try reader.string("entityType") {
            guard let type = EntityType(rawValue: typeText) else {
                throw reader.error(
                    "entityType", .invalidField, "'\(typeText)' is not one of entity, individual, vessel, aircraft")
            }
            details.entityType = type
        }
        if let elements = try reader.array("identifiers") {
            var identifiers: [Identifier] = []
            for element in elements {
                var item = try JSONObjectReader(element.value, path: element.path, line: reader.lineOf("identifiers"))
                identifiers.append(
                    Identifier(type: try item.requiredString("type"), value: try item.requiredString("value")))
                try item.finish()
            }
            details.identifiers = identifiers
        }
        details.programs = try reader.stringArray("programs")
        if var license = try reader.object("license") {
            var exempt: [TransactionType] = []
            for text in try license.stringArray("exempt") ?? [] {
                guard let type = TransactionType(rawValue: text) else {
                    throw license.error(
                        "exempt", .invalidField,
                        "unknown transaction type '\(text)' (known: "
                            + "\(TransactionType.allCases.map(\.rawValue).joined(separator: ", ")))"
                    )
                }
                exempt.append(type)
            }
            details.license = LicenseTerms(
                requirement: try license.string("requirement"), policy: try license.string("policy"), exempt: exempt)
            try license.finish()
        }
        details.remarks = try reader.string("remarks")
        if var milestones = try reader.object("milestones") {
            var result: [String: LedgerTime] = [:]
            for key in milestones.keys {
                result[key] = try milestones.time(key)
            }
            try milestones.finish()
            details.milestones = result
        }
        return details
    }

    private static func decodeAliases(_ reader: inout JSONObjectReader) throws(InputError) -> [Alias]? {
        guard let elements = try reader.array("aliases") else { return nil }
        var aliases: [Alias] = []
        for element in elements {
            if case .string(let name) = element.value {
                if TextChecks.isBlank(name) {
                    throw InputError(
                        .invalidField, "alias must not be empty", line: reader.lineOf("aliases"), field: element.path)
                }
                try TextChecks.validate(name, field: element.path, line: reader.lineOf("aliases"))
                aliases.append(Alias(name))
                continue
            }
            var item = try JSONObjectReader(element.value, path: element.path, line: reader.lineOf("aliases"))
            let name = try item.requiredString("name")
            var kind = Alias.Kind.aka
            if let kindText = try item.string("type") {
                guard let parsed = Alias.Kind(rawValue: kindText) else {
                    throw item.error("type", .invalidField, "'\(kindText)' is not one of aka, fka, nka")
                }
                kind = parsed
            }
            let weak = try item.bool("weak") ?? false
            try item.finish()
            aliases.append(Alias(name, kind: kind, weak: weak))
        }
        return aliases
    }

    static func decodeRule(_ reader: JSONObjectReader) throws(InputError) -> RuleSpec {
        var reader = reader
        let typeText = try reader.requiredString("transactionType")
        guard let type = TransactionType(rawValue: typeText) else {
            let known = TransactionType.allCases.map(\.rawValue).joined(separator: ", ")
            throw reader.error(
                "transactionType", .invalidField, "unknown transaction type '\(typeText)' (known: \(known))")
        }
        let outcome = try decodeOutcome(&reader)
        var rule = RuleSpec(
            transactionType: type, outcome: outcome, policy: try reader.string("policy"),
            note: try reader.string("note"), entryStates: try reader.string("entryStates"))
        if let entryStates = rule.entryStates, entryStates.count < 4 {
            throw reader.error(
                "entryStates", .invalidField, "the text an entry must state is too short to name a directive")
        }
        for element in try reader.array("changes") ?? [] {
            var change = try JSONObjectReader(element.value, path: element.path, line: reader.lineOf("changes"))
            let milestone = try change.string("milestone")
            let days = try change.integer("days")
            if milestone == nil, days == nil {
                throw InputError(
                    .missingField, "a change states a milestone, a number of days after listing, or both",
                    line: change.line, field: element.path)
            }
            if let days, days < 0 || days > 36_500 {
                throw change.error("days", .invalidField, "days after listing must be between 0 and 36500")
            }
            rule.changes.append(
                RuleSpec.Change(
                    milestone: milestone, days: days, outcome: try decodeOutcome(&change),
                    note: try change.string("note")))
            try change.finish()
        }
        try reader.finish()
        return rule
    }

    private static func decodeOutcome(_ reader: inout JSONObjectReader) throws(InputError) -> Outcome {
        let text = try reader.requiredString("outcome")
        guard let outcome = Outcome(rawValue: text), outcome != .unknown else {
            throw reader.error(
                "outcome", .invalidField, "'\(text)' is not one of prohibited, license-required, review, permitted")
        }
        return outcome
    }
}

extension Source {
    /// Decodes a source object (`citation`, and optionally `title`, `url`, `authority`).
    public init(json: JSONValue, path: String = "source") throws(InputError) {
        try self.init(reader: try JSONObjectReader(json, path: path, line: 0))
    }

    init(reader: JSONObjectReader) throws(InputError) {
        var reader = reader
        self.init(
            citation: try reader.requiredString("citation"), title: try reader.string("title"),
            url: try reader.string("url"), authority: try reader.string("authority"))
        try reader.finish()
    }
}
