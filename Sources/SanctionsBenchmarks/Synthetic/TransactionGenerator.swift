import Foundation
public import SanctionsCore
import SanctionsImport
import SanctionsLedger
import SanctionsScreening

/// Generates realistic transactions files for benchmarks: N rows over M distinct counterparties, a
/// share of them variants of listed names (typos, word order, dropped legal forms, case), the rest
/// synthetic company names, dates spread over a span of years, all transaction types.
public struct TransactionGenerator {
    private var random: SplitMix64
    private var variants: NameVariants
    private var names: SyntheticLedger

    public init(seed: UInt64) {
        random = SplitMix64(seed: seed)
        variants = NameVariants(seed: seed &+ 17)
        names = SyntheticLedger(seed: seed &+ 31)
    }

    /// The distinct counterparties: `listedShare` of them derived from `listedNames`.
    public mutating func counterparties(_ count: Int, listedNames: [String], listedShare: Double) -> [String] {
        var result: [String] = []
        result.reserveCapacity(count)
        let listedCount = listedNames.isEmpty ? 0 : Int(Double(count) * listedShare)
        let classes: [VariantClass] = [.typo, .wordOrder, .legalForm, .casePunctuation, .wordDropped]
        for _ in 0..<listedCount {
            let name = listedNames.randomElement(using: &random)!
            let variant = classes.randomElement(using: &random)!
            result.append(Bool.random(using: &random) ? name : (variants.make(variant, of: name) ?? name))
        }
        while result.count < count {
            result.append(
                names.name() + " " + ["Inc", "Ltd", "GmbH", "LLC", "S.A.", "Co."].randomElement(using: &random)!)
        }
        return result
    }

    /// Writes `rows` transactions as CSV lines (header first) through `write`, dated between `from` and `to`.
    public mutating func write(
        rows: Int, counterparties: [String], from: LedgerTime, to: LedgerTime, _ write: (String) throws -> Void
    ) rethrows {
        try write("id,date,counterparty,type,country,eccn,amount,currency\n")
        let span = from.days(until: to)
        let types = TransactionType.allCases
        for index in 0..<rows {
            let date = from.adding(days: Int.random(in: 0...span, using: &random))
            let name = counterparties.randomElement(using: &random)!
            let type = types.randomElement(using: &random)!
            let quoted =
                name.contains(",") || name.contains("\"")
                ? "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : name
            try write(
                "T\(index),\(date),\(quoted),\(type.rawValue),CN,\(type == .exportEAR99 ? "EAR99" : "3A001"),\(Int.random(in: 100...100_000, using: &random)),USD\n"
            )
        }
    }
}
