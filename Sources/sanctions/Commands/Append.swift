import ArgumentParser
import Foundation
import SanctionsLedger

extension SanctionsCommand {
    struct Append: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Append one event given as JSON on stdin.",
            discussion: """
                The event states every field (id, type, party, regime, effective, published, source, and its \
                type's fields). With --expect-sequence N the append fails with exit code 5 unless the \
                ledger's last sequence is N (optimistic concurrency).

                Example: sanctions append --expect-sequence 41 < event.json
                """)

        @OptionGroup var ledger: LedgerOptions

        @Option(
            help: ArgumentHelp("Fail with a write conflict unless the ledger's last sequence is this.", valueName: "n"))
        var expectSequence: Int?

        func run() throws {
            try runReportingErrors {
                let bytes = Array(FileHandle.standardInput.readDataToEndOfFile())
                let (event, report) = try ledger.open(.readWrite).append(
                    json: bytes, expectedLastSequence: expectSequence)
                if report.appended == 0 {
                    try Console.print(
                        "event '\(event.id)' is already in the ledger with the same content; nothing appended (last "
                            + "sequence \(report.lastSequence))"
                    )
                } else {
                    try Console.print("appended event '\(event.id)' as sequence \(report.lastSequence)")
                }
            }
        }
    }
}
