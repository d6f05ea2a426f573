import ArgumentParser
import SanctionsLedger

extension SanctionsCommand {
    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Re-walk the hash chain; exit 1 naming the first broken link.",
            discussion: """
                A hash chain proves the events it holds, not that none was cut after them: keep the head \
                (SEQUENCE:HASH) an audit report or `stats` prints, and give it to --expect; verify then \
                also fails when the log no longer holds that head (a truncated or rewritten log).

                Example: sanctions verify --db ledger.sqlite --expect 353:47e4601a...
                """)

        @OptionGroup var ledger: LedgerOptions

        @Option(
            help: ArgumentHelp(
                "A head kept from an earlier report (SEQUENCE:HASH) that the log must still hold.", valueName: "head"))
        var expect: String?

        func run() throws {
            try runReportingErrors {
                let anchor = try expect.map { try LedgerHead(parsing: $0) }
                let report = try ledger.open(.readOnly, seed: false).verify(expecting: anchor)
                try Console.print(report.text)
                if !report.isIntact { throw ExitCode(Exit.verifyFailed) }
            }
        }
    }
}
