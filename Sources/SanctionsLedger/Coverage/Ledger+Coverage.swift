import Foundation
public import SanctionsCore
import SanctionsDefaultEvents
import SanctionsEmbedding
public import SanctionsImport
public import SanctionsScreening
package import SanctionsStore

/// How well the ledger knows each regime's list over time: from the publications its snapshot
/// imports observed, and the regimes whose whole list the curated notices hold (`Events/coverage.json`).
extension Ledger {
    /// The coverage of every declared regime, as known at `knownAt` (nil: everything) and as
    /// recorded through a sequence number (nil: the whole log).
    public func coverage(knownAt: LedgerTime? = nil, recordedThrough: Int? = nil) throws -> [RegimeID: RegimeCoverage] {
        var rows: [PublicationRow]
        if let recordedThrough {
            rows = try database.storedEvents(EventFilter(kind: .observed, toSequence: recordedThrough)).compactMap {
                stored in
                guard case .observed(let observation) = stored.event.payload else { return nil }
                return PublicationRow(
                    regime: stored.event.regime, observation: observation, instant: stored.event.effective,
                    published: stored.event.published, event: stored.event.id,
                    observedAfter: stored.event.effectiveAfter)
            }
        } else {
            rows = try database.publications()
        }
        if let knownAt {
            let instant = knownAt.queryInstant
            rows = rows.filter { $0.published <= instant }
        }
        let declared = try Self.declaredCoverage()
        let byRegime = Dictionary(grouping: rows, by: \.regime)
        var result: [RegimeID: RegimeCoverage] = [:]
        for regime in try database.regimes().map(\.id) {
            result[regime] = RegimeCoverage(
                regime: regime, publications: byRegime[regime] ?? [], declared: declared[regime])
        }
        return result
    }

    /// The regimes whose whole list the curated notices hold, from the embedded `Events/coverage.json`.
    package static func declaredCoverage() throws -> [RegimeID: DeclaredCoverage] {
        let file = try DefaultEvents.coverage()
        let path = "Events/" + file.name
        let json: JSONValue
        do { json = try JSONParser.parse(file.bytes) } catch {
            throw InputError(.malformedJSON, "\(error)", file: path)
        }
        var reader = try JSONObjectReader(json, path: "", line: 1)
        _ = try reader.string("note")
        var result: [RegimeID: DeclaredCoverage] = [:]
        for element in try reader.array("complete") ?? [] {
            var item = try JSONObjectReader(element.value, path: element.path, line: 1)
            let regime = RegimeID(try item.requiredString("regime"))
            guard let from = try item.time("from") else {
                throw InputError(.missingField, "a declared coverage needs 'from'", file: path, field: element.path)
            }
            result[regime] = DeclaredCoverage(regime: regime, from: from, note: try item.requiredString("note"))
            try item.finish()
        }
        try reader.finish()
        return result
    }
}

/// One regime's coverage, for `sanctions coverage`.
public struct CoverageReport: Sendable {
    public var regime: RegimeID
    public var coverage: RegimeCoverage
    /// Events on the regime (all kinds).
    public var events: Int
}

extension Ledger {
    /// The coverage of every regime (or one), with its event count.
    public func coverageReport(regime: RegimeID? = nil) throws -> [CoverageReport] {
        let all = try coverage()
        let counts = Dictionary(
            try stats().byRegime.map { (RegimeID($0.regime), $0.count) }, uniquingKeysWith: { first, _ in first })
        return all.keys.sorted().filter { regime == nil || $0 == regime }.compactMap { id in
            all[id].map { CoverageReport(regime: id, coverage: $0, events: counts[id] ?? 0) }
        }
    }
}
