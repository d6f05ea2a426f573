import ArgumentParser
import Foundation
import SanctionsLedger

extension SanctionsCommand {
    struct Eval: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Measure screening quality on a real OFAC list: recall by variant class and false positives.",
            discussion: "Example: sanctions eval ../shared/data/ofac-sdn-2023-12-28 --sample 2000")

        @Argument(help: ArgumentHelp("A folder with sdn.csv, alt.csv, add.csv, sdn_comments.csv.", valueName: "folder"))
        var folder: String

        @Option(help: ArgumentHelp("Entries sampled for variants and near misses.", valueName: "n"))
        var sample = 2000

        @Option(help: ArgumentHelp("Random seed.", valueName: "n"))
        var seed: UInt64 = 7

        @Option(help: ArgumentHelp("Certain-match threshold.", valueName: "score"))
        var threshold: Double = ScreeningOptions.defaultThreshold

        @Option(help: ArgumentHelp("Print this many near misses that reached the review floor, with what they matched.", valueName: "n"))
        var showNearMisses = 0

        func run() throws {
            try runReportingErrors {
                let result = try OFACCSVParser.parse(OFACCSVParser.readFolder(folder))
                let options = ScreeningOptions(threshold: threshold)
                let evaluation = ScreeningEvaluation.run(entries: result.entries, options: options, sample: sample, seed: seed)
                Console.print("\(evaluation.entries) entries, \(evaluation.names) names indexed; threshold \(options.threshold), review floor \(options.reviewFloor); \(String(format: "%.1f", evaluation.seconds)) s")
                var table = TextTable(["class", "queries", "certain (>= threshold)", "possible (>= floor)", "candidates/query"])
                for row in evaluation.rows {
                    table.add([row.name, String(row.queries), String(format: "%.1f%%", row.certainRate * 100), String(format: "%.1f%%", row.possibleRate * 100), String(row.candidates)])
                }
                Console.print(table.render())
                Console.print("\nthreshold sweep (all variant classes vs near misses):")
                var sweep = TextTable(["threshold", "variant recall", "near-miss match rate"])
                for point in evaluation.sweep {
                    sweep.add([String(format: "%.2f", point.threshold), String(format: "%.1f%%", point.variantRecall * 100), String(format: "%.1f%%", point.nearMissRate * 100)])
                }
                Console.print(sweep.render())
                for example in evaluation.nearMissExamples.prefix(showNearMisses) {
                    Console.print(String(format: "%.3f  ", example.score) + "\(example.query)  =>  \(example.matched)")
                }
            }
        }
    }
}
