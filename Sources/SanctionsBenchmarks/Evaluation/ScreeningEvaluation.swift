import Foundation
public import SanctionsCore
public import SanctionsImport
public import SanctionsLedger
import SanctionsScreening

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
    /// Variants their entry did not match as it should (certain, or review where that suffices): up to 20 a class.
    public var variantMisses: [(variant: VariantClass, query: String, listed: String, score: Double)] = []

    /// Runs the harness on OFAC entries. `sample` limits how many entries get variants and near
    /// misses; without `aliases`, the alias rows (every alias of every entry) are left out.
    public static func run(
        entries: [OFACEntry], options: ScreeningOptions, sample: Int, seed: UInt64, aliases: Bool = true
    ) -> ScreeningEvaluation {
        let start = Date()
        var run = EvaluationRun(entries: entries, options: options)
        var random = SplitMix64(seed: seed)
        let sampled = Array(
            entries.filter { $0.type == .entity || $0.type == .individual }.shuffled(using: &random).prefix(sample))
        var variants = NameVariants(seed: seed &+ 1)
        if aliases { run.aliasRows(entries) }
        let variantScores = run.variantRows(sampled, variants: &variants)
        let nearMissScores = run.nearMissRows(sampled, variants: &variants)
        run.sweep(variantScores: variantScores, nearMissScores: nearMissScores)
        run.evaluation.seconds = Date().timeIntervalSince(start)
        return run.evaluation
    }
}

/// One evaluation in progress: the index over every listed name and alias, and the rows so far.
private struct EvaluationRun {
    let options: ScreeningOptions
    let index: NameIndex
    let owner: [String]
    let raw: [String]
    let floor: Double
    var evaluation = ScreeningEvaluation()

    init(entries: [OFACEntry], options: ScreeningOptions) {
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
        self.options = options
        self.owner = owner
        self.raw = raw
        self.index = NameIndex(names: raw, algorithm: options.algorithm)
        self.floor = min(options.reviewFloor, 0.70)
        evaluation.names = raw.count
        evaluation.entries = entries.count
    }

    /// The best score of the expected entry, or for near misses (`derivedFrom` set) of any name
    /// but the other names of the entry the near miss was made from: "GHANNADI X Mohammad",
    /// made from "GHANNADI, Mohammad Y", is rightly a possible match of that entry's shorter
    /// alias "GHANNADI, Mohammad" (a name with a word the list leaves out).
    func best(
        _ query: String, expected: String?, derivedFrom: OFACEntry? = nil,
        statistics: inout NameIndex.SearchStatistics
    ) -> Double {
        let hits = index.search(
            PreparedName(NameNormalizer.normalize(query), algorithm: options.algorithm), minimumScore: floor,
            statistics: &statistics)
        if let expected { return hits.first { owner[$0.entry] == expected }?.score ?? 0 }
        return hits.first { hit in
            guard let derivedFrom, owner[hit.entry] == derivedFrom.number else { return true }
            return raw[hit.entry] == derivedFrom.name
        }?.score ?? 0
    }

    mutating func record(_ name: String, _ scores: [Double], statistics: NameIndex.SearchStatistics) {
        var row = ScreeningEvaluation.Row(name: name)
        row.queries = scores.count
        row.certain = scores.filter { $0 >= options.threshold }.count
        row.possible = scores.filter { $0 >= options.reviewFloor }.count
        row.candidates = statistics.candidatesScored / max(1, statistics.queries)
        evaluation.rows.append(row)
    }

    /// Every alias (and every weak alias) as a query for its own entry.
    mutating func aliasRows(_ entries: [OFACEntry]) {
        for weak in [false, true] {
            var statistics = NameIndex.SearchStatistics()
            var scores: [Double] = []
            for entry in entries {
                for alias in entry.aliases where alias.weak == weak {
                    scores.append(best(alias.name, expected: entry.number, statistics: &statistics))
                }
            }
            record(weak ? "weak alias (remarks)" : "alias (a.k.a./f.k.a./n.k.a.)", scores, statistics: statistics)
        }
    }

    /// One row per variant class; returns every variant's score.
    mutating func variantRows(_ sampled: [OFACEntry], variants: inout NameVariants) -> [Double] {
        var all: [Double] = []
        for variant in VariantClass.allCases {
            var statistics = NameIndex.SearchStatistics()
            var scores: [Double] = []
            for entry in sampled {
                guard let query = variants.make(variant, of: entry.name, individual: entry.type == .individual)
                else { continue }
                let score = best(query, expected: entry.number, statistics: &statistics)
                let missed = score < (variant.reviewSuffices ? options.reviewFloor : options.threshold)
                if missed, evaluation.variantMisses.filter({ $0.variant == variant }).count < 20 {
                    evaluation.variantMisses.append((variant, query, entry.name, score))
                }
                scores.append(score)
            }
            all += scores
            record("variant: \(variant.rawValue)", scores, statistics: statistics)
        }
        return all
    }

    /// Near misses, one row per class: listed names with their most distinctive word replaced.
    mutating func nearMissRows(_ sampled: [OFACEntry], variants: inout NameVariants) -> [Double] {
        // A near miss that is a listed name, or one but for legal forms and descriptors ("GOLSAR
        // COMPANY" when "GOLSAR" is listed), is not a near miss: matching it is right.
        let known = Set(raw.map { NameNormalizer.normalize($0).text })
        let knownDistinctive = Set(index.names.map { Self.distinctiveKey($0.normalized) })
        let vocabulary = Set(
            index.names.flatMap { name in
                name.normalized.tokens.filter {
                    $0.count >= 4 && NameVocabulary.role(of: $0, algorithm: NameVariants.vocabulary) == .distinctive
                }.map { $0.uppercased() }
            }
        ).sorted()
        var all: [Double] = []
        for kind in NearMissClass.allCases {
            var statistics = NameIndex.SearchStatistics()
            var scores: [Double] = []
            for entry in sampled {
                guard let query = variants.nearMiss(kind, of: entry.name, vocabulary: vocabulary),
                    !known.contains(NameNormalizer.normalize(query).text),
                    !knownDistinctive.contains(Self.distinctiveKey(NameNormalizer.normalize(query)))
                else { continue }
                let score = best(query, expected: nil, derivedFrom: entry, statistics: &statistics)
                if score >= options.reviewFloor, evaluation.nearMissExamples.count < 60 * (kind.index + 1),
                    let hit = index.search(query, minimumScore: options.reviewFloor).first(where: { $0.score == score })
                {
                    evaluation.nearMissExamples.append((query: query, matched: raw[hit.entry], score: score))
                }
                scores.append(score)
            }
            all += scores
            record("near miss: \(kind.rawValue)", scores, statistics: statistics)
        }
        return all
    }

    /// A name's distinctive words, sorted: two names with the same key differ only in legal
    /// forms, descriptors, places and word order.
    static func distinctiveKey(_ name: NormalizedName) -> String {
        zip(name.tokens, name.roles).filter { $0.1 == .distinctive }.map(\.0).sorted().joined(separator: " ")
    }

    /// Variant recall against near-miss match rate at thresholds 0.80 to 1.00.
    mutating func sweep(variantScores: [Double], nearMissScores: [Double]) {
        for step in 0...10 {
            let threshold = 0.80 + Double(step) * 0.02
            let recall =
                variantScores.isEmpty
                ? 0 : Double(variantScores.filter { $0 >= threshold }.count) / Double(variantScores.count)
            let falsePositives =
                nearMissScores.isEmpty
                ? 0 : Double(nearMissScores.filter { $0 >= threshold }.count) / Double(nearMissScores.count)
            evaluation.sweep.append(
                ScreeningEvaluation.SweepPoint(
                    threshold: threshold, variantRecall: recall, nearMissRate: falsePositives))
        }
    }
}
