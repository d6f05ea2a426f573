import Foundation
import SanctionsBenchmarks
import SanctionsImport
import SanctionsLedger
import SanctionsTestSupport
import Testing

/// `sanctions eval` (issue 15) on the real SDN publication of 2023-12-28, on a small sample: every
/// variant and near-miss class is generated and reported, and the second matcher finds what the first missed without matching more near misses.
@Suite struct ScreeningEvaluationTests {
    static let entries: [OFACEntry] = {
        // swiftlint:disable:next force_try
        try! OFACCSVParser.parse(OFACCSVParser.readFolder(SharedData.url("ofac-sdn-2023-12-28").path)).entries
    }()

    func evaluate(_ algorithm: MatchingAlgorithm) -> [String: ScreeningEvaluation.Row] {
        let evaluation = ScreeningEvaluation.run(
            entries: Self.entries, options: ScreeningOptions(algorithm: algorithm), sample: 150, seed: 7,
            aliases: false)
        return Dictionary(uniqueKeysWithValues: evaluation.rows.map { ($0.name, $0) })
    }

    @Test func everyClassIsGeneratedAndTheSecondMatcherDoesBetter() throws {
        let second = evaluate(.tokensV2)
        let first = evaluate(.tokensV1)
        for variant in VariantClass.allCases {
            let row = try #require(second["variant: \(variant.rawValue)"])
            #expect(row.queries >= 10, "\(variant.rawValue): \(row.queries) queries")
            // Every variant class is alerted (certain or review) for most of its queries.
            #expect(row.possibleRate >= 0.85, "\(variant.rawValue): \(row.possibleRate)")
        }
        for kind in NearMissClass.allCases {
            let row = try #require(second["near miss: \(kind.rawValue)"])
            #expect(row.queries >= 60, "\(kind.rawValue): \(row.queries) queries")
            #expect(row.certainRate <= 0.03, "\(kind.rawValue): \(row.certainRate) certain")
            let before = try #require(first["near miss: \(kind.rawValue)"])
            #expect(row.possibleRate <= before.possibleRate, "\(kind.rawValue): more near misses alerted than v1")
        }
        // The classes the first matcher missed most.
        for variant in [VariantClass.vowelsDropped, .initials, .particleJoined] {
            let name = "variant: \(variant.rawValue)"
            let (after, before) = (try #require(second[name]), try #require(first[name]))
            #expect(
                after.certainRate >= before.certainRate + 0.2, "\(name): \(before.certainRate) → \(after.certainRate)")
        }
    }
}
