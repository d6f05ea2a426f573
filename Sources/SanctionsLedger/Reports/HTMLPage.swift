import Foundation
public import SanctionsCore
public import SanctionsImport
public import SanctionsScreening
package import SanctionsStore

/// Self-contained HTML pages: escaping, one inline style sheet (screen, phone width and print), no
/// scripts, fonts or network requests.
public enum HTMLPage {
    /// Escapes text for HTML element content and attribute values.
    public static func escape(_ text: String) -> String {
        var output = ""
        output.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"": output += "&quot;"
            case "'": output += "&#39;"
            default:
                // Bidirectional overrides and other invisible controls cannot reorder the report.
                if character.unicodeScalars.contains(where: {
                    $0.properties.generalCategory == .format || ($0.value < 0x20 && $0 != "\n" && $0 != "\t")
                }) {
                    output += character.unicodeScalars.map { String(format: "&#x%X;", $0.value) }.joined()
                } else {
                    output.append(character)
                }
            }
        }
        return output
    }

    static let style = """
        :root { --ink: #1d2433; --muted: #5b6577; --line: #d9dee7; --bg: #ffffff; --accent: #1f5fbf;
                --prohibited: #b3261e; --licence: #c26a00; --review: #7b5ea7; --permitted: #2e7d32; }
        * { box-sizing: border-box; }
        body { margin: 0 auto; max-width: 1100px; padding: 24px 16px 48px; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: var(--bg); }
        h1 { font-size: 1.6em; margin: 0 0 .2em; } h2 { font-size: 1.25em; margin-top: 1.8em; border-bottom: 1px solid var(--line); padding-bottom: .2em; }
        h3 { font-size: 1.05em; margin: 1.4em 0 .4em; }
        .lede { color: var(--muted); margin-top: 0; }
        table { border-collapse: collapse; width: 100%; margin: .6em 0 1em; font-size: .92em; }
        th, td { text-align: left; vertical-align: top; padding: 6px 8px; border-bottom: 1px solid var(--line); overflow-wrap: break-word; }
        td:first-child, th:first-child { white-space: nowrap; }
        th { background: #f3f5f9; font-weight: 600; }
        a { color: var(--accent); }
        .verdict { display: inline-block; white-space: nowrap; padding: 1px 8px; border-radius: 10px; color: #fff; font-weight: 600; font-size: .85em; }
        .verdict.prohibited { background: var(--prohibited); } .verdict.license-required { background: var(--licence); }
        .verdict.review { background: var(--review); } .verdict.permitted { background: var(--permitted); }
        .verdict.unknown { background: #555; }
        .cards { display: flex; flex-wrap: wrap; gap: 12px; margin: 1em 0; }
        .card { flex: 1 1 140px; border: 1px solid var(--line); border-radius: 8px; padding: 10px 12px; }
        .card .n { font-size: 1.6em; font-weight: 700; display: block; }
        figure { margin: 1em 0; } figcaption { color: var(--muted); font-size: .9em; }
        svg { width: 100%; height: auto; display: block; }
        svg text { font: 12px system-ui, sans-serif; fill: var(--ink); }
        svg .axis line { stroke: var(--line); } svg .axis text { fill: var(--muted); }
        svg .bar { opacity: .9; } svg .bar.escalation { stroke: #000; stroke-width: 2; }
        svg .marker { stroke: #fff; stroke-width: 1; }
        .method { font-size: .9em; color: var(--muted); } code { font-size: .9em; overflow-wrap: anywhere; }
        .legend span { display: inline-block; margin-right: 14px; font-size: .9em; } .legend i { display: inline-block; width: 12px; height: 12px; margin-right: 4px; vertical-align: -1px; border-radius: 2px; }
        @media (max-width: 640px) {
          body { padding: 12px 10px 32px; font-size: 14px; }
          table, thead, tbody, tr, th, td { display: block; width: 100%; }
          thead { display: none; }
          tr { border: 1px solid var(--line); border-radius: 6px; margin-bottom: 10px; padding: 4px 0; }
          td { border: 0; padding: 3px 10px; white-space: normal !important; }
          td[data-label]::before { content: attr(data-label) ": "; font-weight: 600; color: var(--muted); }
        }
        @media print {
          body { max-width: none; padding: 0; font-size: 10.5pt; }
          a { color: inherit; text-decoration: none; } a[href^="http"]::after { content: " (" attr(href) ")"; font-size: .8em; color: #555; }
          h2 { break-after: avoid; } tr, figure, .card { break-inside: avoid; }
          .verdict { border: 1px solid #000; color: #000 !important; background: none !important; }
        }
        """

    /// A whole page with `title` and `body` (already HTML).
    public static func page(title: String, body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src " +
            "data:">
        <title>\(escape(title))</title>
        <style>
        \(style)
        </style>
        </head>
        <body>
        \(body)
        </body>
        </html>

        """
    }

    /// A table with `data-label` on each cell (stacked on phones).
    public static func table(_ headers: [String], _ rows: [[String]], rawColumns: Set<Int> = []) -> String {
        var html = "<table><thead><tr>" + headers.map { "<th>\(escape($0))</th>" }.joined() + "</tr></thead><tbody>\n"
        for row in rows {
            html +=
                "<tr>"
                + row.enumerated().map { index, cell in
                    "<td data-label=\"\(escape(headers[min(index, headers.count - 1)]))\">\(rawColumns.contains(index) ? cell : escape(cell))</td>"
                }.joined() + "</tr>\n"
        }
        return html + "</tbody></table>\n"
    }

    /// A link to a source's URL when it has one, else its citation as text.
    public static func citation(_ source: Source?) -> String {
        guard let source else { return "" }
        guard let url = source.url, url.lowercased().hasPrefix("https://") else { return escape(source.citation) }
        return "<a href=\"\(escape(url))\">\(escape(source.citation))</a>"
    }

    /// The verdict badge.
    public static func verdict(_ outcome: Outcome) -> String {
        "<span class=\"verdict \(outcome.rawValue)\">\(outcome.rawValue)</span>"
    }
}

/// Citations of events, de-duplicated in order.
public enum Citations {
    public static func list(_ ids: [EventID], _ sources: [EventID: Source]) -> [String] {
        var seen = Set<String>()
        return ids.compactMap { sources[$0]?.citation }.filter { seen.insert($0).inserted }
    }

    /// The distinct sources of events, in order.
    public static func sources(_ ids: [EventID], _ sources: [EventID: Source]) -> [Source] {
        var seen = Set<String>()
        return ids.compactMap { sources[$0] }.filter { seen.insert($0.citation).inserted }
    }
}
