import Foundation
public import SanctionsCore
public import SanctionsImport
public import SanctionsScreening
package import SanctionsStore

/// Screening results as text and as JSON (the shape the README documents).
public enum ScreeningOutput {
    /// One match as a JSON object, with its events and their citations.
    public static func json(_ match: ScreeningMatch, sources: [EventID: Source]) -> JSONValue {
        .object([
            JSONMember(key: "party", value: .string(match.party.rawValue)),
            JSONMember(key: "regime", value: .string(match.regime.rawValue)),
            JSONMember(key: "matchedName", value: .string(match.matchedName)),
            JSONMember(key: "nameKind", value: .string(match.nameKind.rawValue)),
            JSONMember(key: "listedName", value: .string(match.listedName)),
            JSONMember(key: "score", value: .decimal(match.score)),
            JSONMember(key: "certain", value: .bool(match.certain)),
            JSONMember(key: "outcome", value: .string(match.outcome.rawValue)),
            JSONMember(key: "ruleOutcome", value: .string(match.ruleOutcome.rawValue)),
            JSONMember(key: "policy", value: .optional(match.policy)),
            JSONMember(key: "note", value: .string(match.note)),
            JSONMember(key: "listedFrom", value: .string(match.listedFrom.description)),
            JSONMember(key: "dateUncertain", value: .optional(match.uncertainty?.description)),
            JSONMember(key: "normalizedQuery", value: .string(match.normalizedQuery)),
            JSONMember(key: "normalizedName", value: .string(match.normalizedName)),
            JSONMember(key: "events", value: .array(match.events.map { .string($0.rawValue) })),
            JSONMember(key: "citations", value: .array(Citations.list(match.events, sources).map(JSONValue.string))),
        ])
    }

    /// One result as a JSON object.
    public static func json(_ result: ScreeningResult, sources: [EventID: Source]) -> JSONValue {
        .object([
            JSONMember(key: "query", value: .string(result.query)),
            JSONMember(key: "date", value: .string(result.date.description)),
            JSONMember(key: "type", value: .string(result.type.rawValue)),
            JSONMember(key: "verdict", value: .string(result.verdict.rawValue)),
            JSONMember(key: "matches", value: .array(result.matches.map { json($0, sources: sources) })),
            JSONMember(key: "coverage", value: CoverageOutput.json(result.coverage)),
        ])
    }

    /// One result for people: the verdict line, then each match with its rule and sources.
    public static func text(_ result: ScreeningResult, sources: [EventID: Source]) -> String {
        var lines = [
            "\(result.query): \(result.verdict.rawValue.uppercased()) for \(result.type.rawValue) on \(result.date)"
        ]
        if result.matches.isEmpty { lines.append("  no listed name in force on that date matches") }
        for match in result.matches {
            let citations = Citations.list(match.events, sources).joined(separator: "; ")
            let score = String(format: "%.3f", match.score)
            lines.append(
                "  \(match.outcome.rawValue): \(match.regime) \(match.party), matched '\(match.matchedName)' "
                    + "(\(match.nameKind.rawValue)) score \(score)\(match.certain ? "" : " [possible match]")"
            )
            lines.append(
                "    listed as '\(match.listedName)' since \(match.listedFrom); \(match.note)"
                    + (match.policy.map { "; policy: \($0)" } ?? ""))
            lines.append("    sources: \(citations) (events \(match.events.map(\.rawValue).joined(separator: ", ")))")
        }
        if !result.coverage.isEmpty {
            lines.append("  lists consulted and their coverage on that date: " + CoverageOutput.line(result.coverage))
        }
        for caveat in result.caveats {
            lines.append(
                "    \(caveat.regime) \(caveat.level.rawValue)\(caveat.stale ? ", stale" : ""): \(caveat.reason)")
        }
        return lines.joined(separator: "\n")
    }
}
