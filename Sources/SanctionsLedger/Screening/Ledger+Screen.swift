public import SanctionsCore
public import SanctionsImport
public import SanctionsScreening

/// The answer to "screen these names on this date": a result per name, and the citation of every
/// event behind its matches, in the view asked.
public struct ScreeningAnswer: Sendable {
    /// One result per name, in the order asked.
    public let results: [ScreeningResult]
    /// The source of every event the results name, as known in the view asked.
    public let sources: [EventID: Source]

    /// The strongest verdict of all the names (permitted when there are none).
    public var worst: Outcome { results.map(\.verdict).max() ?? .permitted }
}

extension Ledger {
    /// Screens `names` on `view.on` for a transaction of `type`, with only what was known at
    /// `view.knownAt` and recorded through `view.recordedThrough`.
    ///
    /// ```swift
    /// // given: ledger: Ledger
    /// let answer = try ledger.screen(["Hikvision"], at: AsOf(on: try .parse("2019-10-09")), type: .export)
    /// // answer.worst == .licenseRequired; answer.sources names 84 FR 54002
    /// ```
    public func screen(
        _ names: [String], at view: AsOf, type: TransactionType, options: ScreeningOptions = ScreeningOptions()
    ) throws -> ScreeningAnswer {
        let snapshot = try screeningSnapshot(
            knownAt: view.knownAt, recordedThrough: view.recordedThrough, options: options)
        return try screen(names, at: view, type: type, with: snapshot)
    }

    /// Screens `names` with a snapshot already built for `view.knownAt` and `view.recordedThrough`
    /// (a server keeps one per ledger state instead of building one per request).
    public func screen(
        _ names: [String], at view: AsOf, type: TransactionType, with snapshot: ScreeningSnapshot
    ) throws -> ScreeningAnswer {
        let results = names.map { snapshot.screen($0, on: view.on, type: type) }
        let sources = try sources(
            of: results.flatMap { $0.matches.flatMap(\.events) }, knownAt: view.knownAt,
            recordedThrough: view.recordedThrough)
        return ScreeningAnswer(results: results, sources: sources)
    }
}
