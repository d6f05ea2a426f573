import ArgumentParser
import Foundation
import SanctionsLedger

extension SanctionsCommand {
    struct Rebuild: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Drop every projection and replay the whole log into them.",
            discussion: "Example: sanctions rebuild --db ledger.sqlite")

        @OptionGroup var ledger: LedgerOptions

        func run() throws {
            try runReportingErrors {
                let report = try ledger.open(seed: false).database.rebuildProjections()
                Console.print("rebuilt from \(report.events) events in \(report.streams) streams: \(report.designationRows) designation rows, \(report.nameRows) name rows, \(report.ruleRows) rule rows in \(String(format: "%.2f", report.seconds)) s")
                if !report.anomalies.isEmpty {
                    Console.note("\(report.anomalies.count) events do not fit their history and were skipped by the projections:")
                    for anomaly in report.anomalies.prefix(20) { Console.note("  \(anomaly)") }
                }
            }
        }
    }
}
