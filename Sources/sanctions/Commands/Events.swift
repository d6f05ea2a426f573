import ArgumentParser
import SanctionsLedger

extension SanctionsCommand {
    struct Events: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List stored events, filtered by party, regime, type or sequence range.",
            discussion: "Example: sanctions events --party hangzhou-hikvision --format json")

        @OptionGroup var ledger: LedgerOptions
        @OptionGroup var output: OutputOptions

        @Option(help: ArgumentHelp("Only events about this party (slug).", valueName: "party"))
        var party: String?

        @Option(help: ArgumentHelp("Only events on this regime.", valueName: "regime"))
        var regime: String?

        @Option(help: ArgumentHelp("Only events of this type (listed, delisted, alias-added, ...).", valueName: "type"))
        var type: String?

        @Option(help: ArgumentHelp("First sequence number (inclusive).", valueName: "n"))
        var from: Int?

        @Option(help: ArgumentHelp("Last sequence number (inclusive).", valueName: "n"))
        var to: Int?

        @Option(help: ArgumentHelp("At most this many events.", valueName: "n"))
        var limit: Int?

        func validate() throws {
            if let type, EventKind(rawValue: type) == nil {
                throw ValidationError("unknown event type '\(type)' (known: \(EventKind.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
        }

        func run() throws {
            try runReportingErrors {
                let filter = EventFilter(
                    party: party.map(PartyID.init(rawValue:)), regime: regime.map(RegimeID.init(rawValue:)),
                    kind: type.flatMap(EventKind.init(rawValue:)), fromSequence: from, toSequence: to, limit: limit)
                let events = try ledger.openForReading().database.storedEvents(filter)
                switch output.format {
                case .json:
                    JSONOutput.print(.array(events.map { stored in
                        .object([
                            JSONMember(key: "sequence", value: .int(stored.sequence)),
                            JSONMember(key: "recorded", value: .string(stored.recorded.description)),
                            JSONMember(key: "hash", value: .string(stored.hash)),
                            JSONMember(key: "event", value: stored.event.json),
                        ])
                    }))
                default:
                    var table = TextTable(["seq", "id", "type", "party", "regime", "effective", "published", "citation"])
                    for stored in events {
                        let event = stored.event
                        table.add([String(stored.sequence), event.id.rawValue, event.kind.rawValue, event.party?.rawValue ?? "-",
                                   event.regime.rawValue, event.effective.description, event.published.description, event.source.citation])
                    }
                    Console.print(table.render())
                    Console.print("\(events.count) events")
                }
            }
        }
    }
}
