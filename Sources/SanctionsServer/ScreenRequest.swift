import Foundation
import HTTPTypes
import SanctionsLedger

/// The body of `POST /v1/screen`: the names, the date whose law applies, the transaction type,
/// and optionally the knowledge time and the ledger state to answer as of.
///
/// ```json
/// {"names": ["Hikvision"], "on": "2019-10-09", "type": "export", "knownAt": "2019-10-09"}
/// ```
struct ScreenRequest: Decodable {
    var names: [String]
    var on: String?
    var type: String?
    var knownAt: String?
    var asOfSequence: Int?

    /// The most names one request may screen.
    static let maximumNames = 100

    /// The request checked: every field named when it is wrong.
    func validated(today: LedgerTime, head: LedgerHead) throws -> (names: [String], view: AsOf, type: TransactionType) {
        let names = names.map { $0.trimmingCharacters(in: .whitespaces) }
        guard !names.isEmpty, names.allSatisfy({ !$0.isEmpty }) else {
            throw Problem(.badRequest, "Invalid input", detail: "names: give at least one name, none of them empty")
        }
        guard names.count <= Self.maximumNames else {
            throw Problem(
                .badRequest, "Too many names",
                detail: "names: \(names.count) names; at most \(Self.maximumNames) a request")
        }
        let transactionType = try type.map { text in
            guard let parsed = TransactionType(rawValue: text) else {
                let known = TransactionType.allCases.map(\.rawValue).joined(separator: ", ")
                throw Problem(.badRequest, "Invalid input", detail: "type: unknown type '\(text)' (one of: \(known))")
            }
            return parsed
        }
        if let asOfSequence, asOfSequence < 0 || asOfSequence > head.sequence {
            throw Problem(
                .badRequest, "Invalid input",
                detail: "asOfSequence: \(asOfSequence) is not a sequence of this ledger (0 to \(head.sequence))")
        }
        let view = AsOf(
            on: try on.map { try Self.time($0, field: "on") } ?? today,
            knownAt: try knownAt.map { try Self.time($0, field: "knownAt") },
            recordedThrough: asOfSequence ?? head.sequence)
        return (names, view, transactionType ?? .export)
    }

    static func time(_ text: String, field: String) throws -> LedgerTime {
        do {
            return try LedgerTime.parse(text)
        } catch {
            throw Problem(.badRequest, "Invalid date", detail: "\(field): \(error)")
        }
    }
}
