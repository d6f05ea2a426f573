import ArgumentParser
import SanctionsLedger

extension SanctionsCommand {
    struct Stats: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print counts that describe the ledger.",
            discussion: "Example: sanctions stats --format json")

        @OptionGroup var ledger: LedgerOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            try runReportingErrors {
                let opened = try ledger.openForReading()
                let stats = try opened.database.stats(now: LedgerDatabase.systemClock())
                switch output.format {
                case .json:
                    JSONOutput.print(.object([
                        JSONMember(key: "path", value: .optional(opened.database.path)),
                        JSONMember(key: "events", value: .int(stats.events)),
                        JSONMember(key: "lastSequence", value: .int(stats.lastSequence)),
                        JSONMember(key: "headHash", value: .string(stats.headHash)),
                        JSONMember(key: "head", value: .string("\(stats.lastSequence):\(stats.headHash)")),
                        JSONMember(key: "parties", value: .int(stats.parties)),
                        JSONMember(key: "regimes", value: .int(stats.regimes)),
                        JSONMember(key: "designationsInForceNow", value: .int(stats.designationsInForceNow)),
                        JSONMember(key: "byType", value: .object(stats.byKind.map { JSONMember(key: $0.kind, value: .int($0.count)) })),
                        JSONMember(key: "byRegime", value: .object(stats.byRegime.map { JSONMember(key: $0.regime, value: .int($0.count)) })),
                        JSONMember(key: "projectionRows", value: .object([
                            JSONMember(key: "designation", value: .int(stats.designationRows)),
                            JSONMember(key: "designationName", value: .int(stats.nameRows)),
                            JSONMember(key: "rule", value: .int(stats.ruleRows)),
                        ])),
                    ]))
                default:
                    var lines = [
                        "ledger:        \(opened.database.path ?? ":memory:")",
                        "events:        \(stats.events) (last sequence \(stats.lastSequence))",
                        "head hash:     \(stats.headHash)",
                        "head token:    \(stats.lastSequence):\(stats.headHash)   (keep it: sanctions verify --expect TOKEN)",
                        "recorded:      \(stats.firstRecorded?.description ?? "-") .. \(stats.lastRecorded?.description ?? "-")",
                        "parties:       \(stats.parties) on \(stats.regimes) declared regimes",
                        "in force now:  \(stats.designationsInForceNow) designations",
                        "projections:   \(stats.designationRows) designation rows, \(stats.nameRows) name rows, \(stats.ruleRows) rule rows",
                    ]
                    if let bytes = stats.fileBytes { lines.append("file size:     \(bytes / 1024) KiB") }
                    lines.append("by type:       " + stats.byKind.map { "\($0.kind) \($0.count)" }.joined(separator: ", "))
                    lines.append("by regime:     " + stats.byRegime.map { "\($0.regime) \($0.count)" }.joined(separator: ", "))
                    Console.print(lines.joined(separator: "\n"))
                }
            }
        }
    }
}
