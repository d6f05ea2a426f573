public import SanctionsCore
public import SanctionsImport
public import SanctionsScreening

// Each query's whole answer in each of its formats, in one place: the CLI writes these strings,
// and any other front end writes exactly the same ones.
extension ScreeningOutput {
    /// The formats a screening answer is written in.
    public enum Format: String, CaseIterable, Sendable {
        case table, json
    }

    /// A whole answer: a JSON array of results, or the results for people one after another.
    public static func render(_ answer: ScreeningAnswer, format: Format) -> String {
        switch format {
        case .json: PrettyJSON.render(.array(answer.results.map { json($0, sources: answer.sources) })) + "\n"
        case .table: answer.results.map { text($0, sources: answer.sources) }.joined(separator: "\n") + "\n"
        }
    }
}

extension DesignationOutput {
    /// The formats of `list`.
    public enum Format: String, CaseIterable, Sendable {
        case table, json, csv
    }

    /// The designations in force in the view `asOf`, with their citations.
    public static func render(
        _ views: [DesignationView], asOf: AsOf, sources: [EventID: Source], format: Format
    ) -> String {
        switch format {
        case .json: PrettyJSON.render(.array(views.map { json($0, sources: sources) })) + "\n"
        case .csv: ([csvHeader] + views.map { csv($0, sources: sources) }).joined(separator: "\n") + "\n"
        case .table: table(views, asOf: asOf, sources: sources) + "\n"
        }
    }
}

extension DiffOutput {
    /// The formats of `diff` (html and markdown: the change digest grouped by regime and notice).
    public enum Format: String, CaseIterable, Sendable {
        case table, json, markdown, html
    }

    /// What changed between the two dates of `diff`.
    public static func render(
        _ diff: ListDiff, sources: [EventID: Source], regimes: [Regime], format: Format
    ) -> String {
        switch format {
        case .json: PrettyJSON.render(json(diff, sources: sources)) + "\n"
        case .markdown: ChangeDigest(diff: diff, sources: sources, regimes: regimes).markdown()
        case .html: ChangeDigest(diff: diff, sources: sources, regimes: regimes).html()
        case .table: table(diff, sources: sources) + "\n"
        }
    }
}

extension TimelineOutput {
    /// The formats of `timeline` (html: one chart with a lane per regime).
    public enum Format: String, CaseIterable, Sendable {
        case table, json, markdown, html
    }

    /// One or more parties' histories; `now` is the end of the chart's open spans.
    public static func render(_ timelines: [Timeline], regimes: [Regime], now: LedgerTime, format: Format) -> String {
        switch format {
        case .html: TimelineReport.html(timelines, regimes: regimes, now: now)
        case .json: PrettyJSON.render(json(timelines)) + "\n"
        case .markdown: timelines.map(markdown).joined(separator: "\n")
        case .table: timelines.map(table).joined(separator: "\n")
        }
    }
}

extension CoverageOutput {
    /// The formats of `coverage`.
    public enum Format: String, CaseIterable, Sendable {
        case table, json
    }

    /// How well the ledger knows each list.
    public static func render(_ reports: [CoverageReport], format: Format) -> String {
        switch format {
        case .table: table(reports) + "\n"
        case .json: PrettyJSON.render(json(reports)) + "\n"
        }
    }
}

extension LedgerOutput {
    /// The formats of `events` and `stats`.
    public enum Format: String, CaseIterable, Sendable {
        case table, json
    }

    /// Stored events, one line each or as JSON.
    public static func render(_ events: [StoredEvent], format: Format) -> String {
        format == .json ? PrettyJSON.render(json(events)) : table(events)
    }

    /// The ledger's counts and head.
    public static func render(_ stats: LedgerStats, path: String?, format: Format) -> String {
        format == .json ? PrettyJSON.render(json(stats, path: path)) : text(stats, path: path)
    }
}

extension Ledger {
    /// The regime named by a `--regime` filter, checked to be declared (nil: no filter).
    public func regimeFilter(_ name: String?) throws -> RegimeID? {
        guard let name else { return nil }
        try requireRegime(RegimeID(name))
        return RegimeID(name)
    }
}
