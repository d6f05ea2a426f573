import Foundation
public import SanctionsCore
public import SanctionsLedger
import SanctionsScreening
public import SanctionsImport

/// The screening quality harness: recall on aliases and systematic variants of real listed names,
/// and the false-positive rate on near-miss names, at a threshold and over a sweep of thresholds.
public struct ScreeningEvaluation {
    /// Results for one class of queries.
    public struct Row: Sendable {
        public var name: String
        public var queries = 0
        /// Queries whose own entry was found at or above the threshold (for near misses: any entry).
        public var certain = 0
        /// ... at or above the review floor.
        public var possible = 0
        public var candidates = 0

        public var certainRate: Double { queries == 0 ? 0 : Double(certain) / Double(queries) }
        public var possibleRate: Double { queries == 0 ? 0 : Double(possible) / Double(queries) }
    }

    /// One point of the threshold sweep.
    public struct SweepPoint: Sendable {
        public var threshold: Double
        public var variantRecall: Double
        public var nearMissRate: Double
    }

    public var rows: [Row] = []
    public var sweep: [SweepPoint] = []
    public var names = 0
    public var entries = 0
    public var seconds = 0.0
    /// Near misses that scored at or above the review floor: what they matched.
    public var nearMissExamples: [(query: String, matched: String, score: Double)] = []

    /// Runs the harness on OFAC entries. `sample` limits how many entries get variants and near misses.
    public static func run(entries: [OFACEntry], options: ScreeningOptions, sample: Int, seed: UInt64) -> ScreeningEvaluation {
        let start = Date()
        var evaluation = ScreeningEvaluation()
        var owner: [String] = []
        var raw: [String] = []
        for entry in entries {
            raw.append(entry.name)
            owner.append(entry.number)
            for alias in entry.aliases {
                raw.append(alias.name)
                owner.append(entry.number)
            }
        }
        let index = NameIndex(names: raw)
        evaluation.names = raw.count
        evaluation.entries = entries.count
        let floor = min(options.reviewFloor, 0.70)

        /// The best score of the expected entry (or of any entry for near misses).
        func best(_ query: String, expected: String?, statistics: inout NameIndex.SearchStatistics) -> Double {
            let hits = index.search(PreparedName(NameNormalizer.normalize(query)), minimumScore: floor, statistics: &statistics)
            if let expected { return hits.first { owner[$0.entry] == expected }?.score ?? 0 }
            return hits.first?.score ?? 0
        }

        var random = SplitMix64(seed: seed)
        let sampled = Array(entries.filter { $0.type == .entity || $0.type == .individual }.shuffled(using: &random).prefix(sample))
        var variants = NameVariants(seed: seed &+ 1)
        var variantScores: [Double] = []
        var nearMissScores: [Double] = []

        func record(_ name: String, _ scores: [Double], candidates: Int) {
            var row = Row(name: name)
            row.queries = scores.count
            row.certain = scores.filter { $0 >= options.threshold }.count
            row.possible = scores.filter { $0 >= options.reviewFloor }.count
            row.candidates = candidates
            evaluation.rows.append(row)
        }

        // Every alias as a query for its own entry.
        var statistics = NameIndex.SearchStatistics()
        var aliasScores: [Double] = []
        for entry in entries {
            for alias in entry.aliases where !alias.weak { aliasScores.append(best(alias.name, expected: entry.number, statistics: &statistics)) }
        }
        record("alias (a.k.a./f.k.a./n.k.a.)", aliasScores, candidates: statistics.candidatesScored / max(1, statistics.queries))
        statistics = NameIndex.SearchStatistics()
        var weakScores: [Double] = []
        for entry in entries {
            for alias in entry.aliases where alias.weak { weakScores.append(best(alias.name, expected: entry.number, statistics: &statistics)) }
        }
        record("weak alias (remarks)", weakScores, candidates: statistics.candidatesScored / max(1, statistics.queries))

        for variant in VariantClass.allCases {
            statistics = NameIndex.SearchStatistics()
            var scores: [Double] = []
            for entry in sampled {
                guard let query = variants.make(variant, of: entry.name) else { continue }
                scores.append(best(query, expected: entry.number, statistics: &statistics))
            }
            variantScores += scores
            record("variant: \(variant.rawValue)", scores, candidates: statistics.candidatesScored / max(1, statistics.queries))
        }

        // Invented words (the list's own words would make real names).
        let vocabulary: [String] = []
        statistics = NameIndex.SearchStatistics()
        let known = Set(raw.map { NameNormalizer.normalize($0).text })
        for entry in sampled {
            guard let query = variants.nearMiss(of: entry.name, vocabulary: vocabulary), !known.contains(NameNormalizer.normalize(query).text) else { continue }
            let score = best(query, expected: nil, statistics: &statistics)
            if score >= options.reviewFloor, evaluation.nearMissExamples.count < 50, let hit = index.search(query, minimumScore: options.reviewFloor).first {
                evaluation.nearMissExamples.append((query: query, matched: raw[hit.entry], score: score))
            }
            nearMissScores.append(score)
        }
        record("near miss (must not match)", nearMissScores, candidates: statistics.candidatesScored / max(1, statistics.queries))

        for step in 0...10 {
            let threshold = 0.80 + Double(step) * 0.02
            let recall = variantScores.isEmpty ? 0 : Double(variantScores.filter { $0 >= threshold }.count) / Double(variantScores.count)
            let falsePositives = nearMissScores.isEmpty ? 0 : Double(nearMissScores.filter { $0 >= threshold }.count) / Double(nearMissScores.count)
            evaluation.sweep.append(SweepPoint(threshold: threshold, variantRecall: recall, nearMissRate: falsePositives))
        }
        evaluation.seconds = Date().timeIntervalSince(start)
        return evaluation
    }
}
