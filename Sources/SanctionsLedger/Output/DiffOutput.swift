public import SanctionsCore
public import SanctionsImport
public import SanctionsScreening
package import SanctionsStore

/// What changed between two dates (`diff`) as a table or JSON (the digest is ``ChangeDigest``).
public enum DiffOutput {
    public static func json(_ diff: ListDiff, sources: [EventID: Source]) -> JSONValue {
        .object([
            JSONMember(key: "from", value: .string(diff.from.on.description)),
            JSONMember(key: "to", value: .string(diff.to.on.description)),
            JSONMember(key: "knownAt", value: .optional(diff.to.knownAt?.description)),
            JSONMember(
                key: "changes",
                value: .array(
                    diff.changes.map { change in
                        .object([
                            JSONMember(key: "kind", value: .string(change.kind.rawValue)),
                            JSONMember(key: "regime", value: .string(change.regime.rawValue)),
                            JSONMember(key: "party", value: .string(change.party.rawValue)),
                            JSONMember(key: "name", value: .string(change.name)),
                            JSONMember(key: "detail", value: .string(change.detail)),
                            JSONMember(key: "effective", value: .optional(change.effective?.description)),
                            JSONMember(key: "events", value: .array(change.events.map { .string($0.rawValue) })),
                            JSONMember(
                                key: "citations",
                                value: .array(Citations.list(change.events, sources).map(JSONValue.string))),
                        ])
                    })),
        ])
    }

    public static func table(_ diff: ListDiff, sources: [EventID: Source]) -> String {
        var table = TextTable(["regime", "effective", "change", "party", "name", "detail", "events", "citations"])
        for change in diff.changes {
            table.add([
                change.regime.rawValue, change.effective?.description ?? "", change.kind.rawValue,
                change.party.rawValue, change.name, change.detail,
                change.events.map(\.rawValue).joined(separator: "; "),
                Citations.list(change.events, sources).joined(separator: "; "),
            ])
        }
        return table.render(maximumWidth: 44)
            + "\n\(diff.changes.count) changes between \(diff.from.on) and \(diff.to.on)"
            + (diff.to.knownAt.map { ", as known at \($0)" } ?? "")
    }
}
