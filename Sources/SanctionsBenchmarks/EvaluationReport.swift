import Foundation
import SanctionsImport
public import SanctionsLedger

/// `sanctions eval`: screening quality on a real OFAC list, by variant class, with a threshold sweep.
public struct EvaluationReport: Sendable {
    public var folder: String
    public var sample = 2000
    public var seed: UInt64 = 7
    public var threshold = ScreeningOptions.defaultThreshold
    /// How many near misses that reached the review floor to print, with what they matched.
    public var showNearMisses = 0
    /// How many variants (per class) that missed their entry to print, with their score.
    public var showMisses = 0
    /// The matcher version to measure.
    public var algorithm = MatchingAlgorithm.current

    public init(folder: String) { self.folder = folder }

    public func run(report: (String) -> Void) throws {
        let result = try OFACCSVParser.parse(OFACCSVParser.readFolder(folder))
        let options = ScreeningOptions(threshold: threshold, algorithm: algorithm)
        let evaluation = ScreeningEvaluation.run(entries: result.entries, options: options, sample: sample, seed: seed)
        report(
            "\(evaluation.entries) entries, \(evaluation.names) names indexed; threshold \(options.threshold), "
                + "review floor \(options.reviewFloor); \(algorithm.name); \(String(format: "%.1f", evaluation.seconds)) s"
        )
        var table = TextTable(["class", "queries", "certain (>= threshold)", "possible (>= floor)", "candidates/query"])
        for row in evaluation.rows {
            table.add([
                row.name, String(row.queries), String(format: "%.1f%%", row.certainRate * 100),
                String(format: "%.1f%%", row.possibleRate * 100), String(row.candidates),
            ])
        }
        report(table.render())
        report("\nthreshold sweep (all variant classes vs near misses):")
        var sweep = TextTable(["threshold", "variant recall", "near-miss match rate"])
        for point in evaluation.sweep {
            sweep.add([
                String(format: "%.2f", point.threshold), String(format: "%.1f%%", point.variantRecall * 100),
                String(format: "%.1f%%", point.nearMissRate * 100),
            ])
        }
        report(sweep.render())
        for miss in evaluation.variantMisses where showMisses > 0 {
            let shown = evaluation.variantMisses.filter { $0.variant == miss.variant }.firstIndex {
                $0.query == miss.query
            }
            guard let shown, shown < showMisses else { continue }
            report(
                String(format: "miss %.3f  ", miss.score)
                    + "[\(miss.variant.rawValue)] \(miss.query)  <=  \(miss.listed)")
        }
        for example in evaluation.nearMissExamples.prefix(showNearMisses) {
            report(String(format: "%.3f  ", example.score) + "\(example.query)  =>  \(example.matched)")
        }
    }
}
