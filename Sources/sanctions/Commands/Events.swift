import ArgumentParser
import SanctionsLedger

extension SanctionsCommand {
    struct Events: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List stored events, filtered by party, regime, type or sequence range.",
            discussion: "Example: sanctions events --party hangzhou-hikvision --format json")

        enum Format: String, ExpressibleByArgument, CaseIterable { case table, json }

        @OptionGroup var ledger: LedgerOptions

        @Option(help: ArgumentHelp("Output format.", valueName: "format"))
        var format: Format = .table

        @Option(help: ArgumentHelp("Only events about this party (slug).", valueName: "party"))
        var party: String?

        @Option(help: ArgumentHelp("Only events on this regime.", valueName: "regime"))
        var regime: String?

        @Option(help: ArgumentHelp("Only events of this type.", valueName: "type"))
        var type: EventKind?

        @Option(help: ArgumentHelp("First sequence number (inclusive).", valueName: "n"))
        var from: Int?

        @Option(help: ArgumentHelp("Last sequence number (inclusive).", valueName: "n"))
        var to: Int?

        @Option(help: ArgumentHelp("At most this many events.", valueName: "n"))
        var limit: Int?

        func run() throws {
            try runReportingErrors {
                let opened = try ledger.open(.readOnly)
                let party = try party.map { try opened.requireParty($0) }
                if let regime { try opened.requireRegime(RegimeID(regime)) }
                let filter = EventFilter(
                    party: party, regime: regime.map(RegimeID.init(rawValue:)), kind: type, fromSequence: from,
                    toSequence: to, limit: limit)
                let events = try opened.events(filter)
                try Console.print(
                    format == .json ? PrettyJSON.render(LedgerOutput.json(events)) : LedgerOutput.table(events))
            }
        }
    }
}
