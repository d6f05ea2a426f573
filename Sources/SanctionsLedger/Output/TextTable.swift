import Foundation
public import SanctionsCore
public import SanctionsImport
public import SanctionsScreening
package import SanctionsStore

/// A plain-text table with aligned columns, for terminal output.
///
/// For example:
/// ```swift
/// var table = TextTable(["regime", "party"])
/// table.add(["bis-entity-list", "hangzhou-hikvision"])
/// print(table.render())
/// ```
public struct TextTable: Sendable {
    public var headers: [String]
    public var rows: [[String]] = []

    public init(_ headers: [String]) {
        self.headers = headers
    }

    public mutating func add(_ row: [String]) {
        rows.append(row)
    }

    /// The table as lines: header, rule, rows. Cells are cut at `maximumWidth` characters, and
    /// line breaks and control characters in them are shown as spaces.
    public func render(maximumWidth: Int = 60) -> String {
        let cut = rows.map { $0.map { clip($0, maximumWidth) } }
        var widths = headers.map(\.count)
        for row in cut {
            for (index, cell) in row.enumerated() where index < widths.count {
                widths[index] = max(widths[index], cell.count)
            }
        }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { index, cell in
                index == cells.count - 1
                    ? cell : cell + String(repeating: " ", count: max(0, widths[index] - cell.count))
            }.joined(separator: "  ")
        }
        var lines = [line(headers), widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")]
        lines += cut.map(line)
        return lines.joined(separator: "\n")
    }

    private func clip(_ text: String, _ width: Int) -> String {
        let flat = String(
            String.UnicodeScalarView(text.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? " " : $0 }))
        return flat.count <= width ? flat : String(flat.prefix(width - 1)) + "…"
    }
}
