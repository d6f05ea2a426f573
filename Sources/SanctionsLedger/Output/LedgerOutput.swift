import Foundation
public import SanctionsCore
public import SanctionsImport
public import SanctionsScreening
package import SanctionsStore

/// The ledger's own state: stored events (`events`) and counts (`stats`), as a table or JSON.
public enum LedgerOutput {
    public static func json(_ events: [StoredEvent]) -> JSONValue {
        .array(
            events.map { stored in
                .object([
                    JSONMember(key: "sequence", value: .int(stored.sequence)),
                    JSONMember(key: "recorded", value: .string(stored.recorded.description)),
                    JSONMember(key: "hash", value: .string(stored.hash)),
                    JSONMember(key: "event", value: stored.event.json),
                ])
            })
    }

    public static func table(_ events: [StoredEvent]) -> String {
        var table = TextTable(["seq", "id", "type", "party", "regime", "effective", "published", "citation"])
        for stored in events {
            let event = stored.event
            table.add([
                String(stored.sequence), event.id.rawValue, event.kind.rawValue, event.party?.rawValue ?? "-",
                event.regime.rawValue, event.effective.description, event.published.description, event.source.citation,
            ])
        }
        return table.render() + "\n\(events.count) events"
    }

    public static func json(_ stats: LedgerStats, path: String?) -> JSONValue {
        .object([
            JSONMember(key: "path", value: .optional(path)),
            JSONMember(key: "events", value: .int(stats.events)),
            JSONMember(key: "lastSequence", value: .int(stats.lastSequence)),
            JSONMember(key: "headHash", value: .string(stats.headHash)),
            JSONMember(key: "head", value: .string(stats.head.description)),
            JSONMember(key: "parties", value: .int(stats.parties)),
            JSONMember(key: "regimes", value: .int(stats.regimes)),
            JSONMember(key: "designationsInForceNow", value: .int(stats.designationsInForceNow)),
            JSONMember(key: "fileBytes", value: stats.fileBytes.map { .int(Int($0)) } ?? .null),
            JSONMember(
                key: "byType", value: .object(stats.byKind.map { JSONMember(key: $0.kind, value: .int($0.count)) })),
            JSONMember(
                key: "byRegime",
                value: .object(stats.byRegime.map { JSONMember(key: $0.regime, value: .int($0.count)) })),
            JSONMember(
                key: "projectionRows",
                value: .object([
                    JSONMember(key: "designation", value: .int(stats.designationRows)),
                    JSONMember(key: "designationName", value: .int(stats.nameRows)),
                    JSONMember(key: "rule", value: .int(stats.ruleRows)),
                ])),
        ])
    }

    public static func text(_ stats: LedgerStats, path: String?) -> String {
        var lines = [
            "ledger:        \(path ?? ":memory:")",
            "events:        \(stats.events) (last sequence \(stats.lastSequence))",
            "head:          \(stats.head)   (keep it: sanctions verify --expect HEAD)",
            "recorded:      \(stats.firstRecorded?.description ?? "-") .. \(stats.lastRecorded?.description ?? "-")",
            "parties:       \(stats.parties) on \(stats.regimes) declared regimes",
            "in force now:  \(stats.designationsInForceNow) designations",
            "projections:   \(stats.designationRows) designation rows, \(stats.nameRows) name rows, "
                + "\(stats.ruleRows) rule rows",
        ]
        if let bytes = stats.fileBytes { lines.append("file size:     \(byteCount(bytes))") }
        lines.append("by type:       " + stats.byKind.map { "\($0.kind) \($0.count)" }.joined(separator: ", "))
        lines.append("by regime:     " + stats.byRegime.map { "\($0.regime) \($0.count)" }.joined(separator: ", "))
        return lines.joined(separator: "\n")
    }

    /// `1,429,504 bytes (1.4 MiB)`.
    static func byteCount(_ bytes: Int64) -> String {
        let mib = Double(bytes) / 1_048_576
        return "\(bytes) bytes ("
            + (mib >= 1 ? String(format: "%.1f MiB", mib) : String(format: "%.0f KiB", Double(bytes) / 1024)) + ")"
    }
}
