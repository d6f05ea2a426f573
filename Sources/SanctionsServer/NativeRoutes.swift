import Foundation
import HTTPTypes
import Hummingbird
import SanctionsCore
import SanctionsLedger

/// The native history API beside screening: the list as of a date, the changes between two
/// dates, a party's timeline (JSON or the HTML chart), and the events after a sequence (a change
/// feed to poll). Each answer that reads the log names the ledger state it was read at.
enum NativeRoutes {
    /// The most events one page of the change feed holds.
    static let maximumEvents = 10_000

    static func add(to router: Router<BasicRequestContext>, ledger: Ledger, today: @escaping @Sendable () -> LedgerTime)
    {
        router.get("v1/list") { request, _ in
            let query = LedgerServer.parameters(request)
            let head = try ledger.head()
            let view = AsOf(
                on: try query["on"].map { try ScreenRequest.time($0, field: "on") } ?? today(),
                knownAt: try query["known_at"].map { try ScreenRequest.time($0, field: "known_at") },
                recordedThrough: head.sequence)
            let party = try query["party"].map { try ledger.requireParty($0) }
            let views = try ledger.list(asOf: view, regime: try ledger.regimeFilter(query["regime"]), party: party)
            let sources = try ledger.sources(
                of: views.flatMap(\.eventIDs), knownAt: view.knownAt, recordedThrough: head.sequence)
            return LedgerServer.json(
                LedgerServer.stamped(
                    head, [("designations", .array(views.map { DesignationOutput.json($0, sources: sources) }))]))
        }
        router.get("v1/diff") { request, _ in
            let query = LedgerServer.parameters(request)
            let head = try ledger.head()
            guard let fromText = query["from"], let toText = query["to"] else {
                throw Problem(.badRequest, "Invalid input", detail: "from, to: both dates are required")
            }
            let diff = try ledger.diff(
                from: try ScreenRequest.time(fromText, field: "from"), to: try ScreenRequest.time(toText, field: "to"),
                knownAt: try query["known_at"].map { try ScreenRequest.time($0, field: "known_at") },
                recordedThrough: head.sequence, regime: try ledger.regimeFilter(query["regime"]))
            let sources = try ledger.sources(of: diff.changes.flatMap(\.events), recordedThrough: head.sequence)
            if query["format"] == "html" {
                return html(DiffOutput.render(diff, sources: sources, regimes: try ledger.regimes(), format: .html))
            }
            return LedgerServer.json(LedgerServer.stamped(head, [("diff", DiffOutput.json(diff, sources: sources))]))
        }
        router.get("v1/timeline/:party") { request, context in
            let party = try ledger.requireParty(try context.parameters.require("party"))
            let now = Ledger.systemClock()
            let timeline = try ledger.timeline(party, now: now)
            if LedgerServer.parameters(request)["format"] == "html" {
                return html(TimelineReport.html([timeline], regimes: try ledger.regimes(), now: now))
            }
            return LedgerServer.json(TimelineOutput.json(timeline))
        }
        router.get("v1/coverage") { request, _ in
            let head = try ledger.head()
            let report = try ledger.coverageReport(
                regime: try ledger.regimeFilter(LedgerServer.parameters(request)["regime"]))
            return LedgerServer.json(LedgerServer.stamped(head, [("coverage", CoverageOutput.json(report))]))
        }
        router.get("entities/:id") { _, context in
            let id = try context.parameters.require("id")
            guard try ledger.resolveParty(id).contains(PartyID(id)) else {
                throw Problem(.notFound, "Unknown entity", detail: "no party has the id '\(id)'")
            }
            return LedgerServer.json(entity(try ledger.timeline(PartyID(id), now: Ledger.systemClock())))
        }
        router.get("v1/events") { request, _ in
            let query = LedgerServer.parameters(request)
            let head = try ledger.head()
            let after = try number(query["after"], field: "after", range: 0...Int.max) ?? 0
            let limit = try number(query["limit"], field: "limit", range: 1...maximumEvents) ?? 1_000
            let events = try ledger.events(
                EventFilter(fromSequence: after + 1, toSequence: head.sequence, limit: limit))
            return LedgerServer.json(LedgerServer.stamped(head, [("events", LedgerOutput.json(events))]))
        }
    }

    /// yente's entity (`GET /entities/{id}`): the party's names on every regime, the regimes it was
    /// listed on as its datasets, when it was first listed and last changed, and its whole timeline.
    static func entity(_ timeline: Timeline) -> JSONValue {
        var names: [String] = []
        for name in timeline.regimes.flatMap(\.names) where !names.contains(name) { names.append(name) }
        let latest = timeline.regimes.flatMap(\.spans).max { $0.from < $1.from }?.listedNames.last?.name
        return .object([
            JSONMember(key: "id", value: .string(timeline.party.rawValue)),
            JSONMember(key: "caption", value: .string(latest ?? names.first ?? timeline.party.rawValue)),
            JSONMember(key: "schema", value: .string("LegalEntity")),
            JSONMember(
                key: "properties", value: .object([JSONMember(key: "name", value: .array(names.map(JSONValue.string)))])
            ),
            JSONMember(key: "datasets", value: .array(timeline.regimes.map { .string($0.regime.rawValue) })),
            JSONMember(key: "first_seen", value: .optional(timeline.regimes.compactMap(\.first).min()?.description)),
            JSONMember(
                key: "last_change", value: .optional(timeline.entries.map(\.event.published).max()?.description)),
            JSONMember(key: "timeline", value: TimelineOutput.json(timeline)),
        ])
    }

    static func number(_ text: String?, field: String, range: ClosedRange<Int>) throws -> Int? {
        guard let text else { return nil }
        guard let value = Int(text), range.contains(value) else {
            throw Problem(.badRequest, "Invalid input", detail: "\(field): '\(text)' is not a number in \(range)")
        }
        return value
    }

    static func html(_ page: String) -> Response {
        Response(
            status: .ok, headers: [.contentType: "text/html; charset=utf-8"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: page)))
    }
}
