/// Reads the members of one JSON object with precise errors, and refuses members nobody asked for.
///
/// Every error names the field by its path (`events[3].aliases[0].name`) and the line of the
/// member in the source file, so that a bad event file can be fixed without guessing.
public struct JSONObjectReader {
    /// The path of this object (`events[3]`), empty for the root.
    public let path: String
    /// The line of the object's first member (0 when unknown).
    public let line: Int
    private let members: [JSONMember]
    private var consumed: [Bool]

    /// Wraps `value`, which must be an object.
    public init(_ value: JSONValue, path: String, line: Int) throws(InputError) {
        guard case .object(let members) = value else {
            throw InputError(
                .invalidField, "expected an object, found \(value.typeName)", line: line,
                field: path.isEmpty ? nil : path)
        }
        self.members = members
        self.consumed = [Bool](repeating: false, count: members.count)
        self.path = path
        self.line = members.first?.line ?? line
    }

    /// The member names, in source order.
    public var keys: [String] { members.map(\.key) }

    /// The path of a member of this object.
    public func fieldPath(_ key: String) -> String { path.isEmpty ? key : path + "." + key }

    /// The line of a member (or of the object when the member is absent).
    public func lineOf(_ key: String) -> Int {
        members.first(where: { $0.key == key })?.line ?? line
    }

    /// Whether the object has this member (null counts as absent).
    public func has(_ key: String) -> Bool {
        guard let value = members.first(where: { $0.key == key })?.value else { return false }
        if case .null = value { return false }
        return true
    }

    /// The raw member value, marked as consumed (null counts as absent).
    public mutating func value(_ key: String) -> JSONValue? {
        guard let index = members.firstIndex(where: { $0.key == key }) else { return nil }
        consumed[index] = true
        let value = members[index].value
        if case .null = value { return nil }
        return value
    }

    /// An error about one member.
    public func error(_ key: String, _ code: InputError.Code, _ message: String) -> InputError {
        InputError(code, message, line: lineOf(key), field: fieldPath(key))
    }

    /// A required member.
    public mutating func require(_ key: String) throws(InputError) -> JSONValue {
        guard let value = value(key) else { throw error(key, .missingField, "required field is missing") }
        return value
    }

    /// An optional string member; `nonEmpty` refuses strings that are blank after trimming.
    public mutating func string(_ key: String, nonEmpty: Bool = true) throws(InputError) -> String? {
        guard let value = value(key) else { return nil }
        guard case .string(let text) = value else {
            throw error(key, .invalidField, "expected a string, found \(value.typeName)")
        }
        if nonEmpty, TextChecks.isBlank(text) { throw error(key, .invalidField, "must not be empty") }
        try TextChecks.validate(text, field: fieldPath(key), line: lineOf(key))
        return text
    }

    /// A required string member.
    public mutating func requiredString(_ key: String) throws(InputError) -> String {
        guard let text = try string(key) else { throw error(key, .missingField, "required field is missing") }
        return text
    }

    /// An optional date/instant member.
    public mutating func time(_ key: String) throws(InputError) -> LedgerTime? {
        guard let text = try string(key) else { return nil }
        do {
            return try LedgerTime.parse(text)
        } catch {
            throw self.error(key, .invalidDate, error.description)
        }
    }

    /// An optional integer member.
    public mutating func integer(_ key: String) throws(InputError) -> Int? {
        guard let value = value(key) else { return nil }
        guard case .number(let text) = value, let number = Int(text) else {
            throw error(key, .invalidField, "expected an integer, found \(value.typeName)")
        }
        return number
    }

    /// An optional boolean member.
    public mutating func bool(_ key: String) throws(InputError) -> Bool? {
        guard let value = value(key) else { return nil }
        guard case .bool(let flag) = value else {
            throw error(key, .invalidField, "expected true or false, found \(value.typeName)")
        }
        return flag
    }

    /// An optional array member, with each element's path.
    public mutating func array(_ key: String) throws(InputError) -> [JSONArrayElement]? {
        guard let value = value(key) else { return nil }
        guard case .array(let elements) = value else {
            throw error(key, .invalidField, "expected an array, found \(value.typeName)")
        }
        let arrayPath = fieldPath(key)
        return elements.enumerated().map { JSONArrayElement(value: $1, index: $0, arrayPath: arrayPath) }
    }

    /// An optional array of strings.
    public mutating func stringArray(_ key: String) throws(InputError) -> [String]? {
        guard let elements = try array(key) else { return nil }
        var strings: [String] = []
        strings.reserveCapacity(elements.count)
        for element in elements {
            guard case .string(let text) = element.value else {
                throw InputError(
                    .invalidField, "expected a string, found \(element.value.typeName)", line: lineOf(key),
                    field: element.path)
            }
            if TextChecks.isBlank(text) {
                throw InputError(.invalidField, "must not be empty", line: lineOf(key), field: element.path)
            }
            try TextChecks.validate(text, field: element.path, line: lineOf(key))
            strings.append(text)
        }
        return strings
    }

    /// A nested object member.
    public mutating func object(_ key: String) throws(InputError) -> JSONObjectReader? {
        guard let value = value(key) else { return nil }
        return try JSONObjectReader(value, path: fieldPath(key), line: lineOf(key))
    }

    /// Fails when the object holds a member that no read asked for (a typo or a field of another type).
    public func finish(allowed extra: Set<String> = []) throws(InputError) {
        for (index, member) in members.enumerated() where !consumed[index] && !extra.contains(member.key) {
            throw InputError(
                .unknownField, "unknown field (not part of this record type)", line: member.line,
                field: fieldPath(member.key))
        }
    }
}

/// One element of an array member, with its path (`events[3].aliases[0]`), which is only built
/// when an error needs it.
public struct JSONArrayElement {
    public let value: JSONValue
    /// The element's position in the array.
    public let index: Int
    let arrayPath: String

    /// The element's path, for error messages.
    public var path: String { arrayPath + "[\(index)]" }
}

/// Checks applied to every text field of every record.
public enum TextChecks {
    /// The longest text accepted in one field (1 MiB of UTF-8), so that hostile files cannot bloat the ledger.
    public static let maximumFieldBytes = 1 << 20

    /// Whether the text is empty or only whitespace and invisible characters.
    public static func isBlank(_ text: String) -> Bool {
        if text.utf8.contains(where: { $0 > 0x20 && $0 < 0x80 }) { return false }
        return text.unicodeScalars.allSatisfy {
            $0.properties.isWhitespace || $0.properties.generalCategory == .format || $0.value < 0x20
        }
    }

    /// Refuses NUL bytes and oversized fields. `field` and `line` are only evaluated for the error.
    public static func validate(_ text: String, field: @autoclosure () -> String, line: @autoclosure () -> Int)
        throws(InputError)
    {
        if text.utf8.count > maximumFieldBytes {
            throw InputError(
                .invalidField, "text of \(text.utf8.count) bytes is longer than the limit of \(maximumFieldBytes)",
                line: line(), field: field())
        }
        if text.utf8.contains(0) {
            throw InputError(.invalidField, "text contains a NUL character", line: line(), field: field())
        }
    }
}
