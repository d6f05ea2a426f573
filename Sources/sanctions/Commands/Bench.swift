import ArgumentParser
import SanctionsBenchmarks
import SanctionsLedger

extension SanctionsCommand {
    struct Bench: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Measure the ledger on generated or real data and print the figures.",
            discussion: "Use a release build for figures worth reporting: swift run -c release sanctions bench ledger",
            subcommands: [BenchLedger.self, BenchScreen.self, BenchRescreen.self])
    }

    struct BenchLedger: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "ledger",
            abstract: "Append a generated ledger in batches, then verify and rebuild it, and time queries.",
            discussion: "Example: sanctions bench ledger --events 1000000 --parties 100000 --batch 100000")

        @Option(help: ArgumentHelp("Number of events to generate (about).", valueName: "n")) var events = 100_000
        @Option(help: ArgumentHelp("Number of parties.", valueName: "n")) var parties = 10_000
        @Option(help: ArgumentHelp("Events per append transaction.", valueName: "n")) var batch = 100_000
        @Option(help: ArgumentHelp("Random seed.", valueName: "n")) var seed: UInt64 = 42
        @Option(
            help: ArgumentHelp("Keep the ledger at this path (default: a temporary file, deleted).", valueName: "path"))
        var keep: String?

        func run() throws {
            try runReportingErrors {
                var benchmark = LedgerBenchmark()
                (benchmark.events, benchmark.parties, benchmark.batch, benchmark.seed, benchmark.keep) = (
                    events, parties, batch, seed, keep
                )
                try benchmark.run { try? Console.print($0) }
            }
        }
    }

    struct BenchScreen: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "screen",
            abstract: "Single-name screening latency against a real SDN publication loaded as one snapshot.",
            discussion: "Example: sanctions bench screen ../shared/data/ofac-sdn-2023-12-28 --queries 5000")

        @Argument(help: ArgumentHelp("A folder with sdn.csv, alt.csv, add.csv, sdn_comments.csv.", valueName: "folder"))
        var sdn: String
        @Option(
            help: ArgumentHelp("Number of queries (half variants of listed names, half other names).", valueName: "n"))
        var queries = 5000
        @Option(help: ArgumentHelp("Random seed.", valueName: "n")) var seed: UInt64 = 3
        @Option(help: ArgumentHelp("The name matcher to measure.", valueName: "name"))
        var algorithm = MatchingAlgorithm.current

        func run() throws {
            try runReportingErrors {
                try ScreeningBenchmark.screen(sdn: sdn, queries: queries, seed: seed, algorithm: algorithm) {
                    try? Console.print($0)
                }
            }
        }
    }

    struct BenchRescreen: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "rescreen",
            abstract: "Rescreen a generated transactions file against the curated history and a real SDN publication.",
            discussion: """
                Generates ROWS transactions over COUNTERPARTIES distinct names (10% variants of listed names), dated \
                2018-2024, then times the match-once rescreen (streaming, all cores) and the naive way on a sample.
                Example: sanctions bench rescreen ../shared/data/ofac-sdn-2023-12-28 --rows 1000000 --counterparties 100000
                """)

        @Argument(help: ArgumentHelp("A folder with sdn.csv, alt.csv, add.csv, sdn_comments.csv.", valueName: "folder"))
        var sdn: String
        @Option(help: ArgumentHelp("Transactions.", valueName: "n")) var rows = 1_000_000
        @Option(help: ArgumentHelp("Distinct counterparties.", valueName: "n")) var counterparties = 100_000
        @Option(help: ArgumentHelp("Transactions screened the naive way (one by one) to compare.", valueName: "n"))
        var naiveSample = 20_000
        @Option(help: ArgumentHelp("Keep the generated file here.", valueName: "file")) var keepFile: String?
        @Option(help: ArgumentHelp("Keep the ledger here.", valueName: "file")) var keepLedger: String?
        @Option(help: ArgumentHelp("Random seed.", valueName: "n")) var seed: UInt64 = 5
        @Option(help: ArgumentHelp("Worker threads (default: all cores).", valueName: "n")) var threads: Int?

        func run() throws {
            try runReportingErrors {
                var parameters = ScreeningBenchmark.Rescreen(sdn: sdn)
                (parameters.rows, parameters.counterparties, parameters.naiveSample) = (
                    rows, counterparties, naiveSample
                )
                (parameters.keepFile, parameters.keepLedger, parameters.seed) = (keepFile, keepLedger, seed)
                parameters.threads = threads ?? Parallel.defaultWidth
                try ScreeningBenchmark.rescreen(parameters) { try? Console.print($0) }
            }
        }
    }

    struct Eval: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Measure screening quality on a real OFAC list: recall by variant class and false positives.",
            discussion: "Example: sanctions eval ../shared/data/ofac-sdn-2023-12-28 --sample 2000")

        @Argument(help: ArgumentHelp("A folder with sdn.csv, alt.csv, add.csv, sdn_comments.csv.", valueName: "folder"))
        var folder: String
        @Option(help: ArgumentHelp("Entries sampled for variants and near misses.", valueName: "n")) var sample = 2000
        @Option(help: ArgumentHelp("Random seed.", valueName: "n")) var seed: UInt64 = 7
        @Option(help: ArgumentHelp("Certain-match threshold.", valueName: "score")) var threshold: Double =
            ScreeningOptions.defaultThreshold
        @Option(
            help: ArgumentHelp(
                "Print this many near misses that reached the review floor, with what they matched.", valueName: "n"))
        var showNearMisses = 0
        @Option(
            help: ArgumentHelp(
                "Print this many variants per class that missed their entry, with their score.", valueName: "n"))
        var showMisses = 0
        @Option(help: ArgumentHelp("The name matcher to measure.", valueName: "name"))
        var algorithm = MatchingAlgorithm.current

        func run() throws {
            try runReportingErrors {
                var evaluation = EvaluationReport(folder: folder)
                (evaluation.sample, evaluation.seed, evaluation.threshold, evaluation.showNearMisses) = (
                    sample, seed, threshold, showNearMisses
                )
                (evaluation.showMisses, evaluation.algorithm) = (showMisses, algorithm)
                try evaluation.run { try? Console.print($0) }
            }
        }
    }
}
