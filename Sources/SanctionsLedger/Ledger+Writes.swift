import Foundation
public import SanctionsCore
public import SanctionsImport
public import SanctionsScreening
package import SanctionsStore

/// Changing the ledger: appending events, declaring regimes, rebuilding the projections.
extension Ledger {
    /// Appends one event given as JSON (`sanctions append`), with the same checks as event files.
    @discardableResult
    public func append(json bytes: [UInt8], source: String = "<stdin>", expectedLastSequence: Int? = nil) throws -> (
        event: LedgerEvent, report: AppendReport
    ) {
        let event = try EventFileDecoder.decodeEvent(bytes, path: source)
        return (event, try append(event, expectedLastSequence: expectedLastSequence))
    }

    /// Declares regimes (new ones are inserted; a different declaration of a known id is refused).
    @discardableResult
    public func declare(_ regimes: [Regime]) throws -> Int {
        try database.declare(regimes)
    }

    /// Drops every projection row and replays the whole log (the answers do not change).
    @discardableResult
    public func rebuild(progress: (@Sendable (Int) -> Void)? = nil) throws -> RebuildReport {
        try database.rebuildProjections(progress: progress)
    }
}
