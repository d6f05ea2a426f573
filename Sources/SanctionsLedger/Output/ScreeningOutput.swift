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
            JSONMember(key: "explanation", value: match.explanation.map(json) ?? .null),
        ])
    }

    /// Why a name matched: the words paired (and how), left unpaired, ignored, and the rules applied.
    public static func json(_ explanation: MatchExplanation) -> JSONValue {
        func word(_ word: MatchExplanation.Word) -> JSONValue {
            .object([
                JSONMember(key: "side", value: .string(word.side.rawValue)),
                JSONMember(key: "word", value: .string(word.word)),
                JSONMember(key: "role", value: .string(word.role)),
            ])
        }
        return .object([
            JSONMember(key: "query", value: .string(explanation.query)),
            JSONMember(key: "listed", value: .string(explanation.listed)),
            JSONMember(
                key: "pairs",
                value: .array(
                    explanation.pairs.map { pair in
                        .object([
                            JSONMember(key: "query", value: .string(pair.query.joined(separator: " "))),
                            JSONMember(key: "listed", value: .string(pair.listed.joined(separator: " "))),
                            JSONMember(key: "kind", value: .string(pair.kind)),
                            JSONMember(key: "similarity", value: .decimal(pair.similarity)),
                        ])
                    })),
            JSONMember(key: "unpaired", value: .array(explanation.unpaired.map(word))),
            JSONMember(key: "ignored", value: .array(explanation.ignored.map(word))),
            JSONMember(key: "rules", value: .array(explanation.rules.map(JSONValue.string))),
        ])
    }

    /// An explanation in one line: "ali=ali exact, m=mohammad prefix; unpaired: ...; ignored: ...".
    public static func text(_ explanation: MatchExplanation) -> String {
        var parts = [
            explanation.pairs.map {
                "\($0.query.joined(separator: " "))=\($0.listed.joined(separator: " ")) \($0.kind)"
            }.joined(separator: ", ")
        ]
        func words(_ list: [MatchExplanation.Word]) -> String {
            list.map { "\($0.side.rawValue) '\($0.word)' (\($0.role))" }.joined(separator: ", ")
        }
        if !explanation.unpaired.isEmpty { parts.append("unpaired: " + words(explanation.unpaired)) }
        if !explanation.ignored.isEmpty { parts.append("ignored: " + words(explanation.ignored)) }
        parts += explanation.rules
        return parts.filter { !$0.isEmpty }.joined(separator: "; ")
    }

    /// One result as a JSON object.
    public static func json(_ result: ScreeningResult, sources: [EventID: Source]) -> JSONValue {
        .object([
            JSONMember(key: "query", value: .string(result.query)),
            JSONMember(key: "date", value: .string(result.date.description)),
            JSONMember(key: "type", value: .string(result.type.rawValue)),
            JSONMember(key: "verdict", value: .string(result.verdict.rawValue)),
            JSONMember(key: "algorithm", value: .string(result.algorithm.name)),
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
            if let explanation = match.explanation { lines.append("    why: " + text(explanation)) }
        }
        if !result.matches.isEmpty { lines.append("  matched by \(result.algorithm.name)") }
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
