import Foundation
public import SanctionsCore
public import SanctionsImport
public import SanctionsScreening
package import SanctionsStore

/// JSON for people and scripts alike: members in the order built, two-space indent, strings and
/// numbers in canonical form. One document per output (a list of results is one array).
public enum PrettyJSON {
    /// `value` indented.
    public static func render(_ value: JSONValue, indent: String = "") -> String {
        let inner = indent + "  "
        switch value {
        case .array(let elements):
            if elements.isEmpty { return "[]" }
            return "[\n" + elements.map { inner + render($0, indent: inner) }.joined(separator: ",\n") + "\n" + indent
                + "]"
        case .object(let members):
            if members.isEmpty { return "{}" }
            return "{\n"
                + members.map { inner + CanonicalJSON.string(.string($0.key)) + ": " + render($0.value, indent: inner) }
                .joined(separator: ",\n") + "\n" + indent + "}"
        default:
            return CanonicalJSON.string(value)
        }
    }
}

extension JSONValue {
    /// A string or null.
    public static func optional(_ text: String?) -> JSONValue { text.map(JSONValue.string) ?? .null }
    /// An integer.
    public static func int(_ number: Int) -> JSONValue { .number(String(number)) }
    /// A fraction with at most `places` decimals (trailing zeros dropped).
    public static func decimal(_ number: Double, places: Int = 4) -> JSONValue {
        var text = String(format: "%.\(places)f", number)
        while text.contains("."), text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return .number(text)
    }
}
