import ArgumentParser
import Foundation
import SanctionsLedger

extension SanctionsCommand {
    struct ImportHistory: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import-history",
            abstract: "Import every publication of a folder of public list files, in time order.",
            discussion: """
                Each subfolder is read by its files (sdn.csv and companions, cons_prim.csv, an Enhanced XML, \
                the Consolidated Screening List, dpl.txt, or a .tar.xz series with its MANIFEST.tsv), so new \
                dated folders are taken without a change. One publication counts once, at its earliest \
                observation (the same file seen by two scrapes). Changes without a date of their own are dated \
                in the window since the list was last seen without them: up to 36 hours as a day, longer as a \
                window whose screenings answer review. --sources names what the files do not say (observation \
                times, samples, scrape schedules). Each publication is its own transaction; a rerun resumes.

                Example: sanctions import-history ../shared/data --sources scripts/history-sources.json
                """)

        @OptionGroup var ledger: LedgerOptions

        @Argument(help: ArgumentHelp("The folder of data folders.", valueName: "folder"))
        var root: String

        @Option(help: ArgumentHelp("What the files do not say about each folder (JSON).", valueName: "file"))
        var sources: String?

        @Flag(help: "Print the publications in import order and stop.")
        var plan = false

        func run() throws {
            try runReportingErrors {
                let scratch = FileManager.default.temporaryDirectory.appendingPathComponent(
                    "sanctions-history-\(UUID().uuidString)")
                try TemporaryFiles.with(scratch.path) { try importAll(scratch: scratch) }
            }
        }

        private func importAll(scratch: URL) throws {
            let known = try sources.map(HistorySources.read) ?? HistorySources()
            let history = try HistoryPlan.discover(root, sources: known, scratch: scratch)
            for (path, reason) in history.skipped { Console.note("skipped \(path): \(reason)") }
            if plan {
                for publication in history.publications { try Console.print(publication.planLine) }
                return
            }
            let start = Date()
            let opened = try ledger.open(.readWrite)
            let reports = try opened.importPublicHistory(history) { step in
                Console.note(
                    "\(step.folder): \(step.publications) publications, \(step.appended) events "
                        + "(\(String(format: "%.1f", step.seconds)) s)")
            }
            let total = reports.reduce(0) { $0 + $1.appended }
            try Console.print(
                "imported \(history.publications.count) publications: \(total) events in "
                    + "\(String(format: "%.1f", Date().timeIntervalSince(start))) s")
        }
    }
}
