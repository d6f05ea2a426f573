import ArgumentParser
import Foundation
import SanctionsLedger

extension SanctionsCommand {
    struct ImportSnapshot: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import-snapshot",
            abstract: "Import a published list (a snapshot) as the events that explain how it differs from the ledger.",
            discussion: """
                ofac-csv reads sdn.csv with alt.csv, add.csv and sdn_comments.csv, or cons_prim.csv and its \
                companions (the files decide the source: ofac-sdn or ofac-consolidated); ofac-xml reads OFAC's \
                SDN_ENHANCED or CONS_ENHANCED publication (.XML, the .ZIP OFAC publishes, or a folder holding one; \
                --published defaults to its dataAsOf date); csl reads trade.gov's consolidated.csv[.gz] (the BIS and \
                State lists, or OFAC's lists as the CSL carries them with --source csl-ofac); bis-dpl reads BIS's \
                dpl.txt; ofac-json reads a third party's JSON derived from SDN.CSV and ALT.CSV (names, programmes \
                and aliases only: what it lacks is never read as removed). The list is compared \
                with the ledger's designations of its source at --effective (default: --published) and the events \
                that explain the difference are appended, with the publication's observation, in one transaction. \
                The same publication again appends nothing; an older one than the last of its source is refused; \
                so is one that would remove more than 10% (and more than 25) of the source's designations in force, \
                the mark of a truncated file (--allow-mass-removal accepts it). With --observed-after, the changes \
                the list shows without a date of their own are dated in the window from that instant to \
                --published: a window of up to 36 hours as its first day, a longer one as a window (screenings \
                inside it answer review).

                Example: sanctions import-snapshot ../shared/data/ofac-sdn-2023-12-28 --format ofac-csv --published 2023-12-28
                """)

        @OptionGroup var ledger: LedgerOptions
        @OptionGroup var limits: LimitOptions

        @Argument(
            help: ArgumentHelp(
                "The folder of list files (ofac-csv), the Enhanced XML file, .ZIP or folder (ofac-xml), or the CSL "
                    + "file (csl).",
                valueName: "path"))
        var path: String

        @Option(help: ArgumentHelp("File format.", valueName: "format"))
        var format: SnapshotFormat = .ofacCSV

        @Option(
            help: ArgumentHelp(
                "Source: ofac-sdn or ofac-consolidated (decided from the files when omitted), csl (default for csl) "
                    + "or csl-ofac.",
                valueName: "source"))
        var source: String?

        @Option(
            help: ArgumentHelp(
                "When the list was published (observed); required except for ofac-xml, whose default is the file's "
                    + "dataAsOf.",
                valueName: "date"))
        var published: LedgerTime?

        @Option(help: ArgumentHelp("When its changes took effect (default: --published).", valueName: "date"))
        var effective: LedgerTime?

        @Flag(help: "Show what would be appended, without writing.")
        var dryRun = false

        @Flag(help: "Skip malformed rows (and list them) instead of failing the import (CSV formats).")
        var skipBadRows = false

        @Flag(help: "Accept a list that removes more than 10% (and more than 25) of the source's designations.")
        var allowMassRemoval = false

        @Option(
            help: ArgumentHelp(
                "The last time the list was seen without this publication: its changes are dated in that window.",
                valueName: "date"))
        var observedAfter: LedgerTime?

        @Flag(help: "The file is a sample or extract of the list: it adds and updates entries, never delists.")
        var partial = false

        func validate() throws {
            if published == nil && format != .ofacXML && format != .ofacJSON {
                throw ValidationError("--published is required for --format \(format.rawValue)")
            }
            if (format == .ofacXML || format == .ofacJSON) && skipBadRows {
                throw ValidationError(
                    "--skip-bad-rows applies to CSV formats; an XML publication is read whole or not at all")
            }
        }

        func run() throws {
            try runReportingErrors {
                let options = SnapshotImportOptions(
                    dryRun: dryRun, skipBadRows: skipBadRows, allowMassRemoval: allowMassRemoval,
                    limits: limits.inputLimits, observedAfter: observedAfter, partial: partial)
                let report = try ledger.open(.readWrite).importSnapshot(
                    path: path, format: format, source: source, published: published, effective: effective,
                    options: options)
                try Console.print(ImportOutput.text(report))
                if !report.skippedRows.isEmpty {
                    Console.note("skipped \(report.skippedRows.count) malformed rows:")
                    for error in report.skippedRows { Console.note("  \(error)") }
                }
            }
        }
    }
}
