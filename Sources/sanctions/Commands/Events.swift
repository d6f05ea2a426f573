import ArgumentParser
import SanctionsLedger

extension SanctionsCommand {
    struct Events: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List stored events, filtered by party, regime, type or sequence range.",
            discussion: "Example: sanctions events --party hangzhou-hikvision --format json")

        @OptionGroup var ledger: LedgerOptions

        @Option(help: ArgumentHelp("Output format.", valueName: "format"))
        var format: LedgerOutput.Format = .table

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
                let filter = EventFilter(
                    party: party, regime: try opened.regimeFilter(regime), kind: type, fromSequence: from,
                    toSequence: to, limit: limit)
                try Console.print(LedgerOutput.render(try opened.events(filter), format: format))
            }
        }
    }
}
