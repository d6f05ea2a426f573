import Foundation
public import SanctionsCore
public import SanctionsImport
public import SanctionsScreening
package import SanctionsStore

/// Markdown that shows user input as text, never as structure: a transaction id with line breaks
/// cannot start a heading of its own, a pipe cannot open a table cell, a bracket cannot make a
/// link, raw HTML and images do not pass through, and only `https:` addresses become links.
public enum MarkdownText {
    /// `text` as inline Markdown text on one line. Dates, numbers and dashes stay readable: the
    /// text is never placed at the start of a line, where `-`, `+` or `1.` would begin a list.
    public static func inline(_ text: String) -> String {
        var output = ""
        output.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\", "`", "*", "_", "[", "]", "#", "|", "!", "~":
                output += "\\" + String(scalar)
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "&": output += "&amp;"
            case "\n", "\r", "\u{2028}", "\u{2029}", "\t": output += " "
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || scalar.properties.generalCategory == .format {
                    output += "&#x\(String(scalar.value, radix: 16, uppercase: true));"
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        return output
    }

    /// `text` as a code span on one line, fenced with more backticks than it holds.
    public static func code(_ text: String) -> String {
        let flat = String(
            String.UnicodeScalarView(text.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? " " : $0 }))
        var longest = 0
        var run = 0
        for scalar in flat.unicodeScalars {
            run = scalar == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        let fence = String(repeating: "`", count: longest + 1)
        let padded = flat.hasPrefix("`") || flat.hasSuffix("`") || flat.isEmpty ? " " + flat + " " : flat
        return fence + padded + fence
    }

    /// A link to `url` when it is an `https:` address, else the text alone (no `javascript:`).
    public static func link(_ text: String, url: String?) -> String {
        guard let url, url.lowercased().hasPrefix("https://"),
            !url.unicodeScalars.contains(where: { $0.value <= 0x20 || "<>()\\\"'".unicodeScalars.contains($0) })
        else {
            return inline(text)
        }
        return "[\(inline(text))](\(url))"
    }

    /// A table of escaped cells.
    public static func table(_ headers: [String], _ rows: [[String]]) -> String {
        var lines = [
            "| " + headers.map(inline).joined(separator: " | ") + " |",
            "|" + headers.map { _ in "---" }.joined(separator: "|") + "|",
        ]
        lines += rows.map { "| " + $0.map(inline).joined(separator: " | ") + " |" }
        return lines.joined(separator: "\n")
    }
}
