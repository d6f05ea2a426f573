import Foundation
public import SanctionsLedger

extension Ledger.SyncReport {
    /// For people: each source unchanged or imported (with what was appended), its files and their
    /// SHA-256, then the head before and after.
    public var text: String {
        var lines: [String] = []
        for source in sources {
            switch source.status {
            case .unchanged:
                lines.append("\(source.name): unchanged")
            case .imported(let imported):
                lines.append("\(source.name): \(imported.citation): \(imported.entries) entries")
                lines.append(ImportOutput.text(imported.append))
            }
            lines += source.files.map { "  \($0.location) sha256 \($0.sha256)" }
        }
        lines.append("head \(headBefore) -> \(headAfter) in \(String(format: "%.1f", seconds)) s")
        return lines.joined(separator: "\n")
    }
}

extension Ledger {
    /// The transactions of the file at `path` whose verdict the publications `report` imported
    /// change, and why: the lookback CSV (nil when the sync appended nothing) and its summary line.
    public func lookback(after report: SyncReport, transactions path: String) throws -> (csv: String, summary: String)?
    {
        guard report.headAfter.sequence > report.headBefore.sequence else { return nil }
        var input = try TransactionInput(path: path)
        let changes = try lookback(
            &input, baseline: .recordedThrough(report.headBefore.sequence), options: ScreeningOptions())
        var out = StringSink()
        try LookbackOutput.write(
            changes, format: .csv, baseline: "as recorded before this sync",
            sources: try sources(of: changes.differences.flatMap(\.causes)), to: &out)
        return (out.text.trimmingCharacters(in: .newlines), LookbackOutput.summaryText(changes))
    }
}
