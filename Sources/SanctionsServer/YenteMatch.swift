import Foundation
import HTTPTypes
import Hummingbird
import SanctionsCore
import SanctionsLedger

/// yente's matching API (`POST /match/{dataset}`, `GET /algorithms`, `GET /catalog`) answered
/// from the ledger, so that a client written for yente works unchanged. The dataset `default`
/// holds every regime, and each regime is a dataset of its own. Our additions are query
/// parameters (`as_of`, `known_at`, `type`) and keys in each result (`verdict` of the query,
/// `outcome`, `citations`, `events`) and in the response (`sequence`, `headHash`), which yente's
/// clients ignore.
enum YenteMatch {
    /// The results a query returns unless `limit` says otherwise (yente's default).
    static let defaultLimit = 5

    /// The parameters of a match request, checked.
    struct Parameters {
        var limit = YenteMatch.defaultLimit
        var threshold = ScreeningOptions.defaultThreshold
        var algorithm = MatchingAlgorithm.current
        var type = TransactionType.export
        var asOf: LedgerTime?
        var knownAt: LedgerTime?

        /// Reads `limit`, `threshold`, `algorithm`, `type`, `as_of` and `known_at` from `query`.
        init(_ query: [String: String]) throws {
            func value(_ name: String) -> String? { query[name] }
            if let text = value("limit") {
                guard let number = Int(text), (1...500).contains(number) else {
                    throw Problem(
                        .badRequest, "Invalid input", detail: "limit: '\(text)' is not a number from 1 to 500")
                }
                limit = number
            }
            if let text = value("threshold") {
                guard let number = Double(text), (0.5...1).contains(number) else {
                    throw Problem(
                        .badRequest, "Invalid input", detail: "threshold: '\(text)' is not a number from 0.5 to 1")
                }
                threshold = number
            }
            if let text = value("algorithm") {
                guard let named = MatchingAlgorithm(name: text) else {
                    let known = MatchingAlgorithm.allCases.map(\.name).joined(separator: ", ")
                    throw Problem(
                        .badRequest, "Invalid input",
                        detail: "algorithm: unknown algorithm '\(text)' (one of: \(known))")
                }
                algorithm = named
            }
            if let text = value("type") {
                guard let parsed = TransactionType(rawValue: text) else {
                    throw Problem(.badRequest, "Invalid input", detail: "type: unknown type '\(text)'")
                }
                type = parsed
            }
            asOf = try value("as_of").map { try ScreenRequest.time($0, field: "as_of") }
            knownAt = try value("known_at").map { try ScreenRequest.time($0, field: "known_at") }
        }
    }

    /// The regimes a dataset stands for, or a 404 problem naming the datasets there are.
    static func regimes(of dataset: String, in ledger: Ledger) throws -> Set<RegimeID> {
        let declared = try ledger.regimes().map(\.id)
        if dataset == "default" { return Set(declared) }
        guard declared.contains(RegimeID(dataset)) else {
            throw Problem(
                .notFound, "Unknown dataset",
                detail: "dataset '\(dataset)' does not exist (default, or one of: "
                    + "\(declared.map(\.rawValue).joined(separator: ", ")))")
        }
        return [RegimeID(dataset)]
    }

    /// One query's response: the parties whose names match, best first, at most `limit`.
    static func response(
        key: String, query: MatchRequest.Query, answer: ScreeningAnswer, regimes: Set<RegimeID>,
        parameters: Parameters
    ) -> JSONValue {
        var best: [PartyID: (match: ScreeningMatch, regimes: Set<RegimeID>, events: [EventID])] = [:]
        for match in answer.results.flatMap(\.matches) where regimes.contains(match.regime) {
            var entry = best[match.party] ?? (match, [], [])
            if match.score > entry.match.score { entry.match = match }
            entry.regimes.insert(match.regime)
            entry.events += match.events.filter { !entry.events.contains($0) }
            best[match.party] = entry
        }
        let ranked = best.values.sorted {
            $0.match.score != $1.match.score ? $0.match.score > $1.match.score : $0.match.party < $1.match.party
        }
        let verdict = answer.results.map(\.verdict).max() ?? .permitted
        let results: [JSONValue] = ranked.prefix(parameters.limit).map { entry in
            let match = entry.match
            var names = [match.listedName]
            if match.matchedName != match.listedName { names.append(match.matchedName) }
            return .object([
                JSONMember(key: "id", value: .string(match.party.rawValue)),
                JSONMember(key: "caption", value: .string(match.listedName)),
                JSONMember(key: "schema", value: .string("LegalEntity")),
                JSONMember(
                    key: "properties",
                    value: .object([JSONMember(key: "name", value: .array(names.map(JSONValue.string)))])),
                JSONMember(key: "datasets", value: .array(entry.regimes.sorted().map { .string($0.rawValue) })),
                JSONMember(key: "score", value: .decimal(match.score)),
                JSONMember(key: "match", value: .bool(match.score >= parameters.threshold)),
                JSONMember(key: "explanations", value: explanations(match)),
                JSONMember(key: "first_seen", value: .string(match.listedFrom.description)),
                JSONMember(key: "last_seen", value: .null),
                JSONMember(key: "last_change", value: .null),
                JSONMember(key: "outcome", value: .string(match.outcome.rawValue)),
                JSONMember(key: "events", value: .array(entry.events.map { .string($0.rawValue) })),
                JSONMember(
                    key: "citations",
                    value: .array(Citations.list(entry.events, answer.sources).map(JSONValue.string))),
            ])
        }
        return .object([
            JSONMember(key: "status", value: .int(200)),
            JSONMember(key: "results", value: .array(results)),
            JSONMember(
                key: "total",
                value: .object([
                    JSONMember(key: "value", value: .int(ranked.count)),
                    JSONMember(key: "relation", value: .string("eq")),
                ])),
            JSONMember(key: "verdict", value: .string(verdict.rawValue)),
            JSONMember(
                key: "query",
                value: .object([
                    JSONMember(key: "id", value: .string(key)),
                    JSONMember(key: "schema", value: .string(query.schema)),
                    JSONMember(
                        key: "properties",
                        value: .object(
                            query.properties.keys.sorted().map { name in
                                JSONMember(
                                    key: name,
                                    value: .array(query.properties[name]!.values.map(JSONValue.string)))
                            })),
                ])),
        ])
    }

    /// yente's explanations: one feature, this matcher's, with its score and how the words paired.
    static func explanations(_ match: ScreeningMatch) -> JSONValue {
        .object([
            JSONMember(
                key: "name_tokens",
                value: .object([
                    JSONMember(key: "score", value: .decimal(match.score)),
                    JSONMember(
                        key: "detail", value: .string(match.explanation.map(ScreeningOutput.text) ?? match.note)),
                    JSONMember(key: "query", value: .string(match.normalizedQuery)),
                    JSONMember(key: "candidate", value: .string(match.normalizedName)),
                ]))
        ])
    }
}
