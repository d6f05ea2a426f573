/// The canonical JSON form of events: the bytes the hash chain covers.
extension LedgerEvent {
    /// The event as a JSON object, every field explicit (nothing inherited from a notice).
    public var json: JSONValue {
        var members: [JSONMember] = [
            JSONMember(key: "id", value: .string(id.rawValue)),
            JSONMember(key: "type", value: .string(kind.rawValue)),
            JSONMember(key: "regime", value: .string(regime.rawValue)),
            JSONMember(key: "effective", value: .string(effective.description)),
            JSONMember(key: "published", value: .string(published.description)),
            JSONMember(key: "source", value: source.json),
        ]
        if let party { members.append(JSONMember(key: "party", value: .string(party.rawValue))) }
        if let note { members.append(JSONMember(key: "note", value: .string(note))) }
        if let effectiveAfter {
            members.append(JSONMember(key: "effectiveAfter", value: .string(effectiveAfter.description)))
        }
        switch payload {
        case .listed(let details):
            members += details.jsonMembers
        case .escalated(let details, let from):
            members += details.jsonMembers
            members.append(JSONMember(key: "from", value: .array(from.map { .string($0.rawValue) })))
        case .delisted(let reason):
            if let reason { members.append(JSONMember(key: "reason", value: .string(reason))) }
        case .aliasAdded(let aliases), .aliasRemoved(let aliases):
            members.append(JSONMember(key: "aliases", value: .array(aliases.map(\.json))))
        case .amended(let details):
            members += details.jsonMembers
        case .ruleChanged(let rules):
            members.append(JSONMember(key: "rules", value: .array(rules.map(\.json))))
        case .corrected(let target, let changes, let cause):
            members.append(JSONMember(key: "target", value: .string(target.rawValue)))
            members.append(JSONMember(key: "changes", value: changes))
            // The default cause is not written, so corrections recorded before causes existed keep their hashes.
            if cause != .authority { members.append(JSONMember(key: "cause", value: .string(cause.rawValue))) }
        case .retracted(let target, let reason):
            members.append(JSONMember(key: "target", value: .string(target.rawValue)))
            if let reason { members.append(JSONMember(key: "reason", value: .string(reason))) }
        case .observed(let observation):
            members.append(JSONMember(key: "list", value: .string(observation.list)))
            if let file = observation.file { members.append(JSONMember(key: "file", value: .string(file))) }
            if let sha256 = observation.sha256 { members.append(JSONMember(key: "sha256", value: .string(sha256))) }
            members.append(JSONMember(key: "entries", value: .number(String(observation.entries))))
            if let statedFrom = observation.statedFrom {
                members.append(JSONMember(key: "statedFrom", value: .string(statedFrom.description)))
            }
            if observation.partial { members.append(JSONMember(key: "partial", value: .bool(true))) }
        }
        return .object(members)
    }

    /// The canonical encoding (sorted keys, no insignificant whitespace) of ``json``.
    public var canonicalBytes: [UInt8] { CanonicalJSON.encode(json) }

    /// The canonical encoding as text.
    public var canonicalJSON: String { CanonicalJSON.string(json) }

    /// Decodes an event from its canonical JSON text (as stored in the log).
    public init(canonical text: String) throws(InputError) {
        try self.init(canonicalUTF8: Array(text.utf8))
    }

    /// Decodes an event from its canonical JSON as UTF-8 bytes (as read from the log).
    public init(canonicalUTF8 bytes: [UInt8]) throws(InputError) {
        let value: JSONValue
        do {
            value = try JSONParser.parse(bytes)
        } catch {
            throw InputError(.malformedJSON, error.description)
        }
        try self.init(json: value)
    }
}

extension Source {
    var json: JSONValue {
        .object([
            "citation": .string(citation), "title": title.map(JSONValue.string), "url": url.map(JSONValue.string),
            "authority": authority.map(JSONValue.string),
        ])
    }
}

extension Alias {
    var json: JSONValue {
        .object(["name": .string(name), "type": .string(kind.rawValue), "weak": weak ? .bool(true) : nil])
    }
}

extension DesignationDetails {
    /// The fields these details set, as the members of an event's JSON (canonical values).
    package var jsonMembers: [JSONMember] {
        var members: [JSONMember] = []
        func add(_ key: String, _ value: JSONValue?) {
            if let value { members.append(JSONMember(key: key, value: value)) }
        }
        add("name", name.map(JSONValue.string))
        add("aliases", aliases.map { .array($0.map(\.json)) })
        add("addresses", addresses.map { .array($0.map(JSONValue.string)) })
        add("country", country.map(JSONValue.string))
        add("entityType", entityType.map { .string($0.rawValue) })
        add(
            "identifiers",
            identifiers.map { .array($0.map { .object(["type": .string($0.type), "value": .string($0.value)]) }) })
        add("programs", programs.map { .array($0.map(JSONValue.string)) })
        add(
            "license",
            license.map {
                .object([
                    "requirement": $0.requirement.map(JSONValue.string), "policy": $0.policy.map(JSONValue.string),
                    "exempt": $0.exempt.isEmpty ? nil : .array($0.exempt.map { .string($0.rawValue) }),
                ])
            })
        add("remarks", remarks.map(JSONValue.string))
        add(
            "milestones",
            milestones.map { map in
                .object(map.keys.sorted().map { JSONMember(key: $0, value: .string(map[$0]!.description)) })
            })
        return members
    }
}

extension RuleSpec {
    var json: JSONValue {
        .object([
            "transactionType": .string(transactionType.rawValue), "outcome": .string(outcome.rawValue),
            "policy": policy.map(JSONValue.string), "note": note.map(JSONValue.string),
            "entryStates": entryStates.map(JSONValue.string),
            "changes": changes.isEmpty
                ? nil
                : .array(
                    changes.map { change in
                        .object([
                            "milestone": change.milestone.map(JSONValue.string),
                            "days": change.days.map { .number(String($0)) },
                            "outcome": .string(change.outcome.rawValue), "note": change.note.map(JSONValue.string),
                        ])
                    }),
        ])
    }
}
