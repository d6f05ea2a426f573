import ArgumentParser
import Foundation
import SanctionsLedger

extension SanctionsCommand {
    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Re-walk the hash chain; exit 1 naming the first broken link.",
            discussion: "Example: sanctions verify --db ledger.sqlite")

        @OptionGroup var ledger: LedgerOptions

        func run() throws {
            try runReportingErrors {
                let report = try ledger.open(seed: false).database.verifyChain()
                if let broken = report.firstBroken {
                    Console.print("BROKEN at sequence \(broken): \(report.problem ?? "") (\(report.events) events before it verified)")
                    throw ExitCode(Exit.verifyFailed)
                }
                Console.print("intact: \(report.events) events, head \(report.headHash) (\(String(format: "%.2f", report.seconds)) s)")
            }
        }
    }
}
