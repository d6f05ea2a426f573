import ArgumentParser
import Foundation
import SanctionsLedger

/// The list file formats `import-snapshot` reads.
enum SnapshotFormat: String, ExpressibleByArgument, CaseIterable {
    case ofacCSV = "ofac-csv"
    case ofacXML = "ofac-xml"
    case csl
}

extension SanctionsCommand {
    struct ImportSnapshot: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import-snapshot",
            abstract: "Import a published list (a snapshot) as the events that explain how it differs from the ledger.",
            discussion: """
                Reads sdn.csv with alt.csv, add.csv and sdn_comments.csv (or cons_prim.csv and its companions for \
                --source ofac-consolidated) from FOLDER; with --format ofac-xml OFAC's SDN_ENHANCED or CONS_ENHANCED \
                publication (.XML, the .ZIP OFAC publishes, or a folder holding one; --published defaults to its \
                dataAsOf date); or with --format csl trade.gov's consolidated.csv[.gz] (the BIS and \
                State lists; --source csl-ofac for OFAC's lists as the CSL carries them), compares the list with the ledger's designations of that \
                source at --effective (default: --published) and appends listed, delisted, alias-added, alias-removed, \
                amended and escalated events. Importing the same snapshot twice appends nothing; a snapshot older \
                than the last one imported for the source is refused, and so is one that would remove more than 10% \
                (and more than 25) of the source's designations in force, the mark of a truncated file \
                (--allow-mass-removal accepts it).

                Example: sanctions import-snapshot ../shared/data/ofac-sdn-2023-12-28 --format ofac-csv --published 2023-12-28
                """)

        @OptionGroup var ledger: LedgerOptions

        @Argument(help: ArgumentHelp("The folder holding the list files (ofac-csv), the Enhanced XML file, .ZIP or folder (ofac-xml), or the CSL file (csl).", valueName: "path"))
        var folder: String

        @Option(help: ArgumentHelp("File format: ofac-csv, ofac-xml or csl.", valueName: "format"))
        var format: SnapshotFormat = .ofacCSV

        @Option(help: ArgumentHelp("Source: ofac-sdn or ofac-consolidated (ofac-csv, ofac-xml; for ofac-xml the default follows the file name); csl or csl-ofac (csl).", valueName: "source"))
        var source: String?

        @Option(help: ArgumentHelp("When the list was published (observed); required except for ofac-xml, whose default is the file's dataAsOf.", valueName: "date"))
        var published: LedgerTime?

        @Option(help: ArgumentHelp("When its changes took effect (default: --published).", valueName: "date"))
        var effective: LedgerTime?

        @Flag(help: "Show what would be appended, without writing.")
        var dryRun = false

        @Flag(help: "Skip malformed rows (and list them) instead of failing the import.")
        var skipBadRows = false

        @Flag(help: "Accept a list that removes more than 10% (and more than 25) of the source's designations; refused by default as the mark of a truncated file.")
        var allowMassRemoval = false

        @OptionGroup var limits: LimitOptions

        func validate() throws {
            if published == nil && format != .ofacXML { throw ValidationError("--published is required for --format \(format.rawValue)") }
            if format == .ofacXML && skipBadRows { throw ValidationError("--skip-bad-rows applies to CSV formats; an XML publication is read whole or not at all") }
        }

        func run() throws {
            try runReportingErrors {
                let opened = try ledger.open()
                if format == .ofacXML {
                    let snapshot = try opened.readOFACEnhancedXMLSnapshot(path: folder, source: source, published: published, effective: effective, limits: limits.inputLimits)
                    let (report, seconds) = try measure { try opened.importSnapshot(snapshot, dryRun: dryRun, removalGuard: allowMassRemoval ? .off : .standard) }
                    Console.print("\(snapshot.entries.count) entries in \(snapshot.citation)")
                    Console.print(AppendSummary.render(report))
                    Console.print("in \(formatSeconds(seconds)) s")
                    return
                }
                guard let published else { return }
                if format == .csl {
                    let (snapshot, skipped) = try opened.readCSLSnapshot(path: folder, source: source ?? "csl", published: published, skipBadRows: skipBadRows, limits: limits.inputLimits)
                    let ((report, linked), seconds) = try measure { try opened.importCSLSnapshot(snapshot, dryRun: dryRun, removalGuard: allowMassRemoval ? .off : .standard) }
                    Console.print("\(snapshot.entries.count) entries on \(snapshot.regimes.map(\.rawValue).sorted().joined(separator: ", ")) in \(snapshot.citation); \(linked) linked to designations the ledger already had")
                    Console.print(AppendSummary.render(report))
                    Console.print("in \(formatSeconds(seconds)) s")
                    for error in skipped { Console.note("skipped: \(error)") }
                    return
                }
                let (snapshot, skipped) = try opened.readOFACSnapshot(folder: folder, source: source, published: published, effective: effective, skipBadRows: skipBadRows, limits: limits.inputLimits)
                let (report, seconds) = try measure { try opened.importSnapshot(snapshot, dryRun: dryRun, removalGuard: allowMassRemoval ? .off : .standard) }
                Console.print("\(snapshot.entries.count) entries in \(snapshot.citation)")
                Console.print(AppendSummary.render(report))
                Console.print("in \(formatSeconds(seconds)) s")
                if !skipped.isEmpty {
                    Console.note("skipped \(skipped.count) malformed rows:")
                    for error in skipped { Console.note("  \(error)") }
                }
            }
        }
    }

    struct ImportSnapshots: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import-snapshots",
            abstract: "Import a dated series of SDN publications (a folder of sdn-*.csv or a .tar.xz archive) in time order.",
            discussion: """
                Times come from --manifest (columns file and commit_time_utc) or from the file names \
                (sdn-2021-08-20T185052Z.csv). Each publication becomes a snapshot observed at its time.

                Example: sanctions import-snapshots ../shared/data/ofac-sdn-daily-2021-08-to-2024-05/sdn-daily.tar.xz \\
                           --manifest ../shared/data/ofac-sdn-daily-2021-08-to-2024-05/MANIFEST.tsv
                """)

        @OptionGroup var ledger: LedgerOptions

        @OptionGroup var series: SeriesOptions

        @Flag(help: "After importing, check every publication against the ledger (see verify-snapshots).")
        var verify = false

        @Flag(help: "Accept publications that remove more than 10% (and more than 25) of the list's designations.")
        var allowMassRemoval = false

        func run() throws {
            try runReportingErrors {
                let opened = try ledger.open()
                try series.withItems { items in
                    let terminal = Console.stderrIsTerminal
                    let report = try opened.importSnapshotSeries(items, removalGuard: allowMassRemoval ? .off : .standard) { position, item, appended in
                        if terminal { Console.note("\r[\(position + 1)/\(items.count)] \(item.time): +\(appended.appended) events") }
                    }
                    Console.print("imported \(report.snapshots) publications, \(report.appended) events in \(formatSeconds(report.seconds)) s (parsing \(formatSeconds(report.parseSeconds)) s)")
                    for (kind, count) in report.byKind.sorted(by: { $0.key.rawValue < $1.key.rawValue }) { Console.print("  \(kind.rawValue): \(count)") }
                    if verify { try SeriesCheck.run(opened, items) }
                }
            }
        }
    }

    struct VerifySnapshots: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "verify-snapshots",
            abstract: "Check that the ledger reproduces every publication of a series; exit 1 on any mismatch.",
            discussion: "Example: sanctions verify-snapshots sdn-daily.tar.xz --manifest MANIFEST.tsv")

        @OptionGroup var ledger: LedgerOptions

        @OptionGroup var series: SeriesOptions

        func run() throws {
            try runReportingErrors {
                let opened = try ledger.openForReading(seed: false)
                try series.withItems { items in try SeriesCheck.run(opened, items) }
            }
        }
    }
}

enum SeriesCheck {
    static func run(_ ledger: Ledger, _ items: [Ledger.SeriesItem]) throws {
        let (result, seconds) = try measure { try ledger.verifySnapshotSeries(items) }
        for mismatch in result.mismatches.prefix(20) { Console.note("mismatch at \(mismatch.time), entry \(mismatch.key): \(mismatch.problem)") }
        Console.print("checked \(result.checked) publications, \(result.entries) entries: \(result.mismatches.count) mismatches (\(formatSeconds(seconds)) s)")
        if !result.mismatches.isEmpty { throw ExitCode(Exit.verifyFailed) }
    }
}
