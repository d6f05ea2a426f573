public import SanctionsCore
public import SanctionsImport
public import SanctionsScreening
package import SanctionsStore

/// The designations in force on a date (`list`) as a table, JSON or CSV.
public enum DesignationOutput {
    /// One designation as a JSON object.
    public static func json(_ view: DesignationView, sources: [EventID: Source]) -> JSONValue {
        let details = view.segment.details
        let aliases: [JSONValue] = view.aliases.map {
            .object([
                "name": .string($0.name), "type": .string($0.kind.rawValue),
                "since": .string($0.valid.from.description),
            ])
        }
        let license: JSONValue =
            details.license.map { .object(["requirement": .optional($0.requirement), "policy": .optional($0.policy)]) }
            ?? .null
        return .object([
            JSONMember(key: "party", value: .string(view.party.rawValue)),
            JSONMember(key: "regime", value: .string(view.regime.rawValue)),
            JSONMember(key: "listedName", value: .string(view.listedName)),
            JSONMember(key: "aliases", value: .array(aliases)),
            JSONMember(key: "listedFrom", value: .string(view.listedFrom.description)),
            JSONMember(key: "detailsSince", value: .string(view.segment.valid.from.description)),
            JSONMember(key: "knownSince", value: .string(view.segment.known.from.description)),
            JSONMember(key: "country", value: .optional(details.country)),
            JSONMember(key: "addresses", value: .array((details.addresses ?? []).map(JSONValue.string))),
            JSONMember(key: "programs", value: .array((details.programs ?? []).map(JSONValue.string))),
            JSONMember(key: "license", value: license),
            JSONMember(key: "escalatedFrom", value: .array(view.segment.escalatedFrom.map { .string($0.rawValue) })),
            JSONMember(key: "events", value: .array(view.eventIDs.map { .string($0.rawValue) })),
            JSONMember(key: "citations", value: .array(Citations.list(view.eventIDs, sources).map(JSONValue.string))),
        ])
    }

    /// The CSV header.
    public static let csvHeader = CSVText.row([
        "party", "regime", "listed_name", "aliases", "listed_from", "country", "programs", "policy", "events",
        "citations",
    ])

    /// One designation as a CSV record.
    public static func csv(_ view: DesignationView, sources: [EventID: Source]) -> String {
        let details = view.segment.details
        return CSVText.row([
            view.party.rawValue, view.regime.rawValue, view.listedName,
            view.aliases.map(\.name).joined(separator: "; "),
            view.listedFrom.description, details.country ?? "", (details.programs ?? []).joined(separator: "; "),
            details.license?.policy ?? "", view.eventIDs.map(\.rawValue).joined(separator: "; "),
            Citations.list(view.eventIDs, sources).joined(separator: "; "),
        ])
    }

    /// The designations as a table, with a closing line saying which view it is.
    public static func table(_ views: [DesignationView], asOf: AsOf, sources: [EventID: Source]) -> String {
        var table = TextTable(["regime", "party", "listed name", "aliases", "since", "citation"])
        for view in views {
            table.add([
                view.regime.rawValue, view.party.rawValue, view.listedName,
                view.aliases.map(\.name).joined(separator: "; "),
                view.listedFrom.description,
                Citations.list([view.segment.listingEvent], sources).joined(separator: "; "),
            ])
        }
        let scope =
            (asOf.knownAt.map { ", as known at \($0)" } ?? "")
            + (asOf.recordedThrough.map { ", as recorded through sequence \($0)" } ?? "")
        return table.render(maximumWidth: 48) + "\n\(views.count) designations in force on \(asOf.on)" + scope
    }
}
