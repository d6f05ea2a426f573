import Foundation

/// CSV output (RFC 4180) that spreadsheet programs cannot be tricked into executing.
enum CSVOutput {
    /// One field: quoted when needed; a leading `=`, `+`, `-`, `@`, tab or carriage return is
    /// neutralised with a leading apostrophe (OWASP CSV injection advice), so that a listed name
    /// such as `=cmd|' /C calc'!A0` stays text.
    static func field(_ text: String) -> String {
        var value = text
        if let first = value.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) {
            value = "'" + value
        }
        if value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) || value.hasPrefix(" ") || value.hasSuffix(" ") {
            return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return value
    }

    static func row(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",")
    }
}

/// Markdown tables for reports.
enum MarkdownOutput {
    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }

    static func table(_ headers: [String], _ rows: [[String]]) -> String {
        var lines = ["| " + headers.map(escape).joined(separator: " | ") + " |", "|" + headers.map { _ in "---" }.joined(separator: "|") + "|"]
        lines += rows.map { "| " + $0.map(escape).joined(separator: " | ") + " |" }
        return lines.joined(separator: "\n")
    }
}
