import Foundation
import SanctionsBenchmarks
import SanctionsCore
import SanctionsLedger
import SanctionsScreening
import SanctionsStore
import SanctionsTestSupport
import Testing

/// Screening compares the projection's stored normalised names with queries normalised by the
/// running build; a ledger written by another normaliser version must not keep stale names.
@Suite struct NormalizerVersionTests {
    @Test func aLedgerWrittenByAnotherNormaliserIsRenormalisedWhenOpened() throws {
        // Given an on-disk ledger whose names were normalised by an older normaliser
        let ledger = try TemporaryLedger.make(.onDisk)
        try ledger.database.append([
            EventFactory.listed("a", party: "a", effective: "2020-01-01", name: "ԝІᆹ Trading Co., Ltd."),
            EventFactory.listed(
                "b", party: "b", effective: "2020-01-01", name: "Hangzhou Hikvision Digital Technology Co., Ltd."),
        ])
        #expect(try ledger.database.storedNormalizerVersion() == NameNormalizer.version)
        try ledger.database.executeRawSQLForTesting(
            "UPDATE projectionInfo SET value = '1'; UPDATE designationName SET normalized = 'stale'")
        let path = try #require(ledger.database.path)
        // When it is opened again
        let reopened = try Ledger.open(path: path, clock: TemporaryLedger.fixedClock)
        // Then every stored name is what this build's normaliser makes of it, and the version is recorded
        let rows = try reopened.database.projectionRows()
        #expect(rows.names.count == 2)
        for (name, normalized) in zip(rows.names, rows.normalizedNames) {
            #expect(normalized == NameNormalizer.normalize(name.name).text)
        }
        #expect(rows.normalizedNames.contains("wiᆹ trading co ltd"))
        #expect(try reopened.database.storedNormalizerVersion() == NameNormalizer.version)
        // And the event log was not touched
        #expect(try reopened.database.verifyChain().isIntact)
    }
}
