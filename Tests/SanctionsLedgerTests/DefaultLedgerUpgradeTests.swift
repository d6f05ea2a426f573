import Foundation
import SanctionsCore
import SanctionsLedger
import SanctionsStore
import SanctionsTestSupport
import Testing

/// A new version of the embedded `Events/` that revises an event the default ledger holds never
/// rewrites that ledger: a successor is built beside it, and the old file's log stays as it was.
@Suite struct DefaultLedgerUpgradeTests {
    @Test func aRevisedHistoryGetsASuccessorAndLeavesTheOldLedgerAsItWas() throws {
        // Given a default ledger holding an event the embedded history states differently (as an
        // earlier version of the generated history did: the same id, the listing dated otherwise)
        let folder = try TemporaryLedger.makeFolder()
        let location = Ledger.Location(path: folder.appendingPathComponent("ledger.sqlite").path, isDefault: true)
        do {
            let old = try Ledger.open(path: location.path)
            try old.declareEmbeddedRegimes()
            var details = DesignationDetails(name: "HANIYA, Ismail Abdul Salah")
            details.programs = ["NS-PLC"]
            try old.database.append([
                LedgerEvent(
                    id: EventID("ofac-consolidated:9639:listed@20250110"), party: PartyID("ofac-9639"),
                    regime: RegimeID("ofac-ns-plc"), effective: EventFactory.day("2025-01-10"),
                    published: EventFactory.day("2025-01-10"), source: EventFactory.testSource,
                    payload: .listed(details))
            ])
        }
        let before = try Ledger.open(path: location.path, access: .readOnly).head()

        // When a front end opens the default ledger
        let opened = try Ledger.open(location, access: .readWrite)

        // Then a successor named by the embedded events' digest is built and opened, and says why
        let superseded = try #require(opened.superseded)
        #expect(superseded.path == location.path)
        #expect(superseded.reason.contains("ofac-consolidated:9639:listed@20250110"))
        #expect(opened.path.hasSuffix("/ledger-\(try Ledger.embeddedEventsDigest().prefix(16)).sqlite"))
        #expect((opened.built?.appended ?? 0) > 40_000)
        let listing = try opened.ledger.events(EventFilter(party: PartyID("ofac-9639"))).first {
            $0.event.id == EventID("ofac-consolidated:9639:listed@20250110")
        }
        #expect(listing?.event.effective == EventFactory.day("2006-04-12"))
        // and the old ledger's log is exactly what it was
        #expect(try Ledger.open(path: location.path, access: .readOnly).head() == before)

        // And the next open goes straight to the successor, building nothing
        let again = try Ledger.open(location, access: .readOnly)
        #expect(again.path == opened.path)
        #expect(again.superseded == nil && again.built == nil)
    }
}
