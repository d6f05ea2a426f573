import Foundation
import HTTPTypes
import SanctionsLedger

/// The body of yente's `POST /match/{dataset}`: entities to match, keyed by the client's own
/// names for them. Only `schema` and `properties` are read (`weights` and `config` are accepted
/// and ignored: this matcher has its own).
///
/// ```json
/// {"queries": {"q1": {"schema": "Company", "properties": {"name": ["Hikvision"], "country": ["cn"]}}}}
/// ```
struct MatchRequest: Decodable {
    struct Query: Decodable {
        var schema: String
        var properties: [String: PropertyValues]
    }

    /// A property's values: yente takes a list, or one value.
    struct PropertyValues: Decodable {
        var values: [String]

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let list = try? container.decode([String].self) {
                values = list
            } else {
                values = [try container.decode(String.self)]
            }
        }
    }

    var queries: [String: Query]

    /// The most queries one request may hold (yente's limit).
    static let maximumQueries = 100

    /// The schemata of FollowTheMoney a query may name (those yente matches).
    static let schemata: Set<String> = [
        "Thing", "LegalEntity", "Person", "Organization", "Company", "PublicBody", "Vessel", "Airplane", "Asset",
        "Security",
    ]

    /// The queries in key order, each with its names; every fault names the query and field.
    func validated() throws -> [(key: String, query: Query, names: [String])] {
        guard !queries.isEmpty else {
            throw Problem(.badRequest, "Invalid input", detail: "queries: give at least one query")
        }
        guard queries.count <= Self.maximumQueries else {
            throw Problem(
                .badRequest, "Too many queries",
                detail: "queries: \(queries.count) queries; at most \(Self.maximumQueries) a request")
        }
        return try queries.keys.sorted().map { key in
            let query = queries[key]!
            guard Self.schemata.contains(query.schema) else {
                throw Problem(
                    .badRequest, "Invalid input",
                    detail: "queries.\(key).schema: '\(query.schema)' is not a schema that can be matched "
                        + "(one of: \(Self.schemata.sorted().joined(separator: ", ")))")
            }
            let names = (query.properties["name"]?.values ?? []).map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty }
            guard !names.isEmpty else {
                throw Problem(
                    .badRequest, "Invalid input", detail: "queries.\(key).properties.name: give at least one name")
            }
            return (key, query, names)
        }
    }
}
