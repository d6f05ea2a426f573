/// A JSON document tree that remembers where each value came from.
///
/// The event-file decoder walks this tree so that every error can name the file, line and field
/// it is about; the canonical encoder writes it back with sorted keys and no insignificant
/// whitespace. Numbers keep their literal text so that nothing is lost in a round trip.
///
/// For example:
/// ```swift
/// let value = try JSONParser.parse(Array(#"{"a": [1, "x"]}"#.utf8))
/// value["a"]?[0]?.numberText // "1"
/// ```
public indirect enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    /// A number, kept as the literal text of the source (validated JSON number syntax).
    case number(String)
    case string(String)
    case array([JSONValue])
    /// An object; members keep their source order and their source line.
    case object([JSONMember])

    /// The member value for `key`, when this is an object holding it.
    public subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members.first(where: { $0.key == key })?.value
    }

    /// The element at `index`, when this is an array long enough.
    public subscript(index: Int) -> JSONValue? {
        guard case .array(let elements) = self, elements.indices.contains(index) else { return nil }
        return elements[index]
    }

    /// The string payload, when this is a string.
    public var stringValue: String? {
        if case .string(let string) = self { return string }
        return nil
    }

    /// The literal number text, when this is a number.
    public var numberText: String? {
        if case .number(let text) = self { return text }
        return nil
    }

    /// A short name of the JSON type, for error messages.
    public var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }

    /// Builds an object from key/value pairs, dropping `nil` values (line numbers unknown).
    public static func object(_ pairs: KeyValuePairs<String, JSONValue?>) -> JSONValue {
        .object(pairs.compactMap { key, value in value.map { JSONMember(key: key, value: $0) } })
    }
}

/// One member of a JSON object: its key, its value and the line the key stood on (0 when built in code).
public struct JSONMember: Sendable, Hashable {
    public var key: String
    public var value: JSONValue
    public var line: Int

    public init(key: String, value: JSONValue, line: Int = 0) {
        self.key = key
        self.value = value
        self.line = line
    }

    /// Members compare by key and value only: where they stood in a file does not matter.
    public static func == (lhs: JSONMember, rhs: JSONMember) -> Bool {
        lhs.key == rhs.key && lhs.value == rhs.value
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(key)
        hasher.combine(value)
    }
}
