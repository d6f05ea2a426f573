import ArgumentParser
import SanctionsLedger

extension SanctionsCommand {
    struct Diff: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "What changed between two dates: additions, removals, escalations, renames, amendments, aliases.",
            discussion: "Example: sanctions diff --from 2021-12-01 --to 2021-12-31 --regime ofac-ns-cmic")

        @OptionGroup var ledger: LedgerOptions

        @Option(help: ArgumentHelp("Start of the period (the state on this date).", valueName: "date"))
        var from: LedgerTime

        @Option(help: ArgumentHelp("End of the period (the state on this date).", valueName: "date"))
        var to: LedgerTime

        @Option(help: ArgumentHelp("Knowledge time: only what was published by this date.", valueName: "date"))
        var knownAt: LedgerTime?

        @Option(help: ArgumentHelp("Only this regime.", valueName: "regime"))
        var regime: String?

        @Option(help: ArgumentHelp("Output format: table, json, markdown or html (a change digest grouped by regime and notice).", valueName: "format"))
        var format: OutputFormat = .table

        @Option(help: ArgumentHelp("Write the output here instead of stdout.", valueName: "file"))
        var out: String?

        func validate() throws {
            guard from <= to else { throw ValidationError("--from must not be after --to") }
            guard [.table, .json, .markdown, .html].contains(format) else { throw ValidationError("--format must be table, json, markdown or html") }
        }

        func run() throws {
            try runReportingErrors {
                let opened = try ledger.openForReading()
                let diff = try opened.diff(from: from, to: to, knownAt: knownAt, regime: regime.map(RegimeID.init(rawValue:)))
                let sources = try opened.sources(of: diff.changes.flatMap(\.events))
                let rows = diff.changes.map { change in
                    [change.regime.rawValue, change.effective?.description ?? "", change.kind.rawValue, change.party.rawValue, change.name, change.detail,
                     change.events.map(\.rawValue).joined(separator: "; "), ViewJSON.citations(change.events, sources).joined(separator: "; ")]
                }
                let headers = ["regime", "effective", "change", "party", "name", "detail", "events", "citations"]
                switch format {
                case .json:
                    JSONOutput.print(.object([
                        JSONMember(key: "from", value: .string(from.description)), JSONMember(key: "to", value: .string(to.description)),
                        JSONMember(key: "knownAt", value: .optional(knownAt?.description)),
                        JSONMember(key: "changes", value: .array(diff.changes.map { change in
                            .object([
                                JSONMember(key: "kind", value: .string(change.kind.rawValue)), JSONMember(key: "regime", value: .string(change.regime.rawValue)),
                                JSONMember(key: "party", value: .string(change.party.rawValue)), JSONMember(key: "name", value: .string(change.name)),
                                JSONMember(key: "detail", value: .string(change.detail)), JSONMember(key: "effective", value: .optional(change.effective?.description)),
                                JSONMember(key: "events", value: .array(change.events.map { .string($0.rawValue) })),
                                JSONMember(key: "citations", value: .array(ViewJSON.citations(change.events, sources).map(JSONValue.string))),
                            ])
                        })),
                    ]))
                case .markdown, .html:
                    let digest = ChangeDigest(diff: diff, sources: sources, regimes: try opened.database.regimes())
                    let sink = try OutputSink(path: out)
                    sink.write(format == .html ? digest.html() : digest.markdown())
                    sink.flush()
                default:
                    var table = TextTable(headers)
                    rows.forEach { table.add($0) }
                    Console.print(table.render(maximumWidth: 44))
                    Console.print("\(diff.changes.count) changes between \(from) and \(to)" + (knownAt.map { ", as known at \($0)" } ?? ""))
                }
            }
        }
    }
}
