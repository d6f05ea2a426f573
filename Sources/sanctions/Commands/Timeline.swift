import ArgumentParser
import SanctionsLedger

extension SanctionsCommand {
    struct Timeline: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "One party's whole history across regimes, with citations and a summary per regime.",
            discussion: """
                PARTY is a slug or any name or alias the party was ever listed under (case and punctuation do not matter).
                Example: sanctions timeline "SZ DJI Technology Co., Ltd." --format markdown
                """)

        @OptionGroup var ledger: LedgerOptions

        @Argument(help: ArgumentHelp("The party: slug or listed name.", valueName: "party"))
        var party: String

        @Option(help: ArgumentHelp("Output format: table, json or markdown.", valueName: "format"))
        var format: OutputFormat = .table

        func validate() throws {
            guard [.table, .json, .markdown].contains(format) else { throw ValidationError("--format must be table, json or markdown") }
        }

        func run() throws {
            try runReportingErrors {
                let opened = try ledger.open()
                let candidates = try opened.resolveParty(party)
                guard let only = candidates.first else {
                    throw InputError(.invalidField, "no party is or was listed as '\(party)' (try a slug from 'sanctions list' or 'sanctions screen')", field: "party")
                }
                guard candidates.count == 1 else {
                    throw InputError(.invalidField, "'\(party)' names \(candidates.count) parties: \(candidates.map(\.rawValue).joined(separator: ", ")); give a slug", field: "party")
                }
                let timeline = try opened.timeline(only, now: LedgerDatabase.systemClock())
                TimelineRenderer(timeline: timeline).print(format)
            }
        }
    }
}
