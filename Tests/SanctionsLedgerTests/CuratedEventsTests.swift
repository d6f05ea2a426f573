import Foundation
import SanctionsBenchmarks
import SanctionsCore
import SanctionsImport
import SanctionsLedger
import SanctionsScreening
import SanctionsStore
import SanctionsTestSupport
import Testing

/// The curated `Events/` files: every one decodes, satisfies the JSON Schema's required fields, and
/// imports into a ledger whose history has no anomaly.
@Suite struct CuratedEventsTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let eventFiles: [String] = {
        let folder = root.appendingPathComponent("Events")
        let names = (FileManager.default.enumerator(atPath: folder.path)?.allObjects as? [String]) ?? []
        return names.filter { $0.hasSuffix(".json") && $0 != "coverage.json" }.sorted().map {
            folder.appendingPathComponent($0).path
        }
    }()

    @Test func thereAreCuratedFiles() {
        // regimes.json, program-regimes.json and the 61 notices of the README.
        #expect(Self.eventFiles.count == 63)
    }

    @Test func theCoverageDeclarationsNameDeclaredRegimes() throws {
        let declared = try Ledger.declaredCoverage()
        let regimes = Set(try TemporaryLedger.makeCuratedNoticesOnly().regimes().map(\.id))
        #expect(!declared.isEmpty)
        #expect(declared.keys.allSatisfy { regimes.contains($0) })
    }

    @Test(arguments: eventFiles)
    func everyFileDecodesAndMeetsTheSchema(path: String) throws {
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        let file = try EventFileDecoder.decode(bytes, path: path)
        #expect(!file.events.isEmpty || !file.regimes.isEmpty || path.hasSuffix("program-regimes.json"))
        let raw = try JSONParser.parse(bytes)
        let problems = try SchemaRequirements.load(Self.root.appendingPathComponent("Schema/events.schema.json")).check(
            raw)
        #expect(problems.isEmpty, "\(problems)")
    }

    @Test func theCuratedLedgerHasNoAnomalies() throws {
        let ledger = try TemporaryLedger.makeCurated()
        let report = try ledger.database.rebuildProjections()
        #expect(report.anomalies.isEmpty, "\(report.anomalies)")
        #expect(report.events >= 300)
        #expect(try ledger.database.verifyChain().isIntact)
    }

    @Test func factsTableActionsAreAllThere() throws {
        let ledger = try TemporaryLedger.makeCurated()
        let citations = Set(try ledger.database.storedEvents(EventFilter()).map(\.event.source.citation))
        for citation in [
            "84 FR 22961", "84 FR 43493", "84 FR 54002", "85 FR 51596", "85 FR 83416", "86 FR 60759", "86 FR 67317",
            "86 FR 71557",
            "Treasury press release SM1055", "85 FR 73185",
        ] {
            #expect(citations.contains(citation), "missing \(citation)")
        }
        let xinjiang = try ledger.database.storedEvents(EventFilter(regime: RegimeID("bis-entity-list"))).filter {
            $0.event.source.citation == "84 FR 54002" && $0.event.kind == .listed
        }
        #expect(xinjiang.count == 28)
        let december = try ledger.database.storedEvents(EventFilter(kind: .escalated)).filter {
            $0.event.regime == RegimeID("ofac-ns-cmic") && $0.event.effective.description == "2021-12-16"
        }
        #expect(december.count == 8)
    }
}

/// The parts of `Schema/events.schema.json` that the Swift decoder must agree with: required fields
/// of files, notices and events (including the per-type conditions), and the allowed event fields.
struct SchemaRequirements {
    var noticeFileRequired: [String]
    var noticeRequired: [String]
    var eventRequired: [String]
    var eventProperties: Set<String>
    var conditional: [(types: [String], required: [String])]

    static func load(_ url: URL) throws -> SchemaRequirements {
        let schema = try JSONParser.parse(Array(try Data(contentsOf: url)))
        func strings(_ value: JSONValue?) -> [String] {
            guard case .array(let items)? = value else { return [] }
            return items.compactMap(\.stringValue)
        }
        let defs = schema["$defs"]
        var conditional: [(types: [String], required: [String])] = []
        if case .array(let rules)? = defs?["event"]?["allOf"] {
            for rule in rules {
                let type = rule["if"]?["properties"]?["type"]
                let types = type?["const"]?.stringValue.map { [$0] } ?? strings(type?["enum"])
                conditional.append((types, strings(rule["then"]?["required"])))
            }
        }
        var properties = Set<String>()
        if case .object(let members)? = defs?["event"]?["properties"] { properties = Set(members.map(\.key)) }
        return SchemaRequirements(
            noticeFileRequired: strings(defs?["noticeFile"]?["required"]),
            noticeRequired: strings(defs?["notice"]?["required"]),
            eventRequired: strings(defs?["event"]?["required"]), eventProperties: properties, conditional: conditional)
    }

    func check(_ file: JSONValue) -> [String] {
        guard file["regimes"] == nil, file["sources"] == nil else { return [] }
        var problems = noticeFileRequired.filter { file[$0] == nil }.map { "file lacks \($0)" }
        problems += noticeRequired.filter { file["notice"]?[$0] == nil }.map { "notice lacks \($0)" }
        guard case .array(let events)? = file["events"] else { return problems + ["no events array"] }
        for (index, event) in events.enumerated() {
            problems += eventRequired.filter { event[$0] == nil }.map { "events[\(index)] lacks \($0)" }
            if case .object(let members) = event {
                problems += members.map(\.key).filter { !eventProperties.contains($0) }.map {
                    "events[\(index)] has unknown \($0)"
                }
            }
            let type = event["type"]?.stringValue ?? ""
            for rule in conditional where rule.types.contains(type) {
                problems += rule.required.filter { event[$0] == nil }.map { "events[\(index)] (\(type)) lacks \($0)" }
            }
        }
        return problems
    }
}
