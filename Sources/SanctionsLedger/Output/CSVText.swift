import Foundation
public import SanctionsCore
public import SanctionsImport
public import SanctionsScreening
package import SanctionsStore

/// CSV output (RFC 4180) that spreadsheet programs cannot be tricked into executing.
public enum CSVText {
    /// One field: quoted when needed (checked by Unicode scalar: `"\r\n"` is one Swift
    /// `Character`, equal to neither `"\r"` nor `"\n"`); a leading `=`, `+`, `-`, `@`, tab or
    /// carriage return is neutralised with a leading apostrophe (OWASP CSV injection advice), so
    /// that a listed name such as `=cmd|' /C calc'!A0` stays text. A plain number (`-3`, `+1.5`)
    /// is left as it is: a spreadsheet reads it as the number it is.
    public static func field(_ text: String) -> String {
        var value = text
        if let first = value.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first),
            !isPlainNumber(value)
        {
            value = "'" + value
        }
        let special = value.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }
        if special || value.hasPrefix(" ") || value.hasSuffix(" ") {
            return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return value
    }

    /// One record, fields joined with commas (no line ending).
    public static func row(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",")
    }

    /// A sign, digits, and at most one decimal point with digits after it.
    static func isPlainNumber(_ text: String) -> Bool {
        var scalars = Substring(text).unicodeScalars[...]
        if let first = scalars.first, first == "-" || first == "+" { scalars = scalars.dropFirst() }
        let parts = String(String.UnicodeScalarView(scalars)).split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count) else { return false }
        return parts.allSatisfy { !$0.isEmpty && $0.unicodeScalars.allSatisfy { ("0"..."9").contains($0) } }
    }
}
