import ArgumentParser
import Foundation
import SanctionsLedger

extension SanctionsCommand {
    struct Rebuild: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Drop and replay all projections from the event log (the answers do not change).",
            discussion: "Example: sanctions rebuild --db ledger.sqlite")

        @OptionGroup var ledger: LedgerOptions

        func run() throws {
            try runReportingErrors {
                let report = try ledger.open(.readWrite, seed: false).rebuild()
                try Console.print(
                    "rebuilt from \(report.events) events in \(report.streams) streams: \(report.designationRows) "
                        + "designation, \(report.nameRows) name, \(report.ruleRows) rule rows in "
                        + "\(String(format: "%.2f", report.seconds)) s"
                )
                for anomaly in report.anomalies.prefix(Console.shownProblems) { Console.note("anomaly: \(anomaly)") }
            }
        }
    }
}
