import ArgumentParser
import SanctionsLedger

extension SanctionsCommand {
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The designations in force on a date, with the names and aliases valid that day.",
            discussion: """
                --on follows the effective clock, --known-at the published clock, --recorded-at the ledger's own.
                Example: sanctions list --on 2019-10-09 --regime bis-entity-list --party hangzhou-hikvision
                """)

        @OptionGroup var ledger: LedgerOptions
        @OptionGroup var time: TimeOptions

        @Option(help: ArgumentHelp("Only this regime.", valueName: "regime"))
        var regime: String?

        @Option(help: ArgumentHelp("Only this party (slug).", valueName: "party"))
        var party: String?

        @Option(help: ArgumentHelp("Output format: table, json or csv.", valueName: "format"))
        var format: OutputFormat = .table

        func validate() throws {
            guard [.table, .json, .csv].contains(format) else { throw ValidationError("--format must be table, json or csv") }
        }

        func run() throws {
            try runReportingErrors {
                let opened = try ledger.openForReading()
                let asOf = try time.asOf(opened)
                let views = try opened.list(asOf: asOf, regime: regime.map(RegimeID.init(rawValue:)), party: party.map(PartyID.init(rawValue:)))
                let sources = try opened.sources(of: views.flatMap(\.eventIDs))
                switch format {
                case .json:
                    JSONOutput.print(.array(views.map { ViewJSON.designation($0, sources: sources) }))
                case .csv:
                    Console.print(CSVOutput.row(["party", "regime", "listed_name", "aliases", "listed_from", "country", "programs", "policy", "events", "citations"]))
                    for view in views {
                        let details = view.segment.details
                        Console.print(CSVOutput.row([
                            view.party.rawValue, view.regime.rawValue, view.listedName, view.aliases.map(\.name).joined(separator: "; "),
                            view.listedFrom.description, details.country ?? "", (details.programs ?? []).joined(separator: "; "),
                            details.license?.policy ?? "", view.eventIDs.map(\.rawValue).joined(separator: "; "),
                            ViewJSON.citations(view.eventIDs, sources).joined(separator: "; "),
                        ]))
                    }
                default:
                    var table = TextTable(["regime", "party", "listed name", "aliases", "since", "citation"])
                    for view in views {
                        table.add([view.regime.rawValue, view.party.rawValue, view.listedName, view.aliases.map(\.name).joined(separator: "; "),
                                   view.listedFrom.description, ViewJSON.citations([view.segment.listingEvent], sources).joined(separator: "; ")])
                    }
                    Console.print(table.render(maximumWidth: 48))
                    Console.print("\(views.count) designations in force on \(asOf.on)" + (asOf.knownAt.map { ", as known at \($0)" } ?? "")
                                  + (asOf.recordedThrough.map { ", as recorded through sequence \($0)" } ?? ""))
                }
            }
        }
    }
}

/// JSON shapes shared by commands.
enum ViewJSON {
    static func citations(_ ids: [EventID], _ sources: [EventID: Source]) -> [String] {
        var seen = Set<String>()
        return ids.compactMap { sources[$0]?.citation }.filter { seen.insert($0).inserted }
    }

    static func source(_ source: Source) -> JSONValue {
        .object(["citation": .string(source.citation), "title": .optional(source.title), "url": .optional(source.url)])
    }

    static func designation(_ view: DesignationView, sources: [EventID: Source]) -> JSONValue {
        let details = view.segment.details
        return .object([
            JSONMember(key: "party", value: .string(view.party.rawValue)),
            JSONMember(key: "regime", value: .string(view.regime.rawValue)),
            JSONMember(key: "listedName", value: .string(view.listedName)),
            JSONMember(key: "aliases", value: .array(view.aliases.map { .object(["name": .string($0.name), "type": .string($0.kind.rawValue), "since": .string($0.valid.from.description)]) })),
            JSONMember(key: "listedFrom", value: .string(view.listedFrom.description)),
            JSONMember(key: "detailsSince", value: .string(view.segment.valid.from.description)),
            JSONMember(key: "knownSince", value: .string(view.segment.known.from.description)),
            JSONMember(key: "country", value: .optional(details.country)),
            JSONMember(key: "addresses", value: .array((details.addresses ?? []).map(JSONValue.string))),
            JSONMember(key: "programs", value: .array((details.programs ?? []).map(JSONValue.string))),
            JSONMember(key: "license", value: details.license.map { .object(["requirement": .optional($0.requirement), "policy": .optional($0.policy)]) } ?? .null),
            JSONMember(key: "escalatedFrom", value: .array(view.segment.escalatedFrom.map { .string($0.rawValue) })),
            JSONMember(key: "events", value: .array(view.eventIDs.map { .string($0.rawValue) })),
            JSONMember(key: "citations", value: .array(citations(view.eventIDs, sources).map(JSONValue.string))),
        ])
    }
}
