import SanctionsCore
import SanctionsScreening

/// One stream's projection rows as the projection tables store them: every column value computed
/// (canonical JSON of the details, name keys, normalised names), so that the writer thread only
/// binds. Built on worker threads by appends and rebuilds alike.
struct StoredProjection: Sendable {
    /// Which stream the rows belong to, in stored form.
    struct Stream: Sendable {
        /// `party|regime` or `rules|regime`.
        var key: String
        /// The party, for a party stream; nil for a rule stream.
        var party: String?
        var regime: String
        /// Whether this is a regime's observation stream (its rows are publications).
        var isObservation: Bool
    }

    /// A half-open interval in stored form (seconds; an open end is ``ProjectionWriter/openEnd``).
    struct Interval: Sendable {
        var from: Int64
        var to: Int64

        init(_ interval: LedgerInterval) {
            from = interval.from.seconds
            to = ProjectionWriter.stored(interval.to)
        }
    }

    struct Designation: Sendable {
        var party: String
        var listedFrom: Int64
        var valid: Interval
        var known: Interval
        var name: String
        var details: String
        var escalatedFrom: String
        var listingEvent: String
        var detailEvents: String
        var endEvent: String?
        var endsDesignation: Bool
        var uncertainty: String?
    }

    struct Name: Sendable {
        var party: String
        var name: String
        var nameKey: String
        var normalized: String
        var kind: String
        var weak: Bool
        var listedFrom: Int64
        var valid: Interval
        var known: Interval
        var startEvent: String
        var endEvent: String?
    }

    struct Rule: Sendable {
        var transactionType: String
        var spec: String
        var valid: Interval
        var known: Interval
        var event: String
        var endEvent: String?
    }

    struct Publication: Sendable {
        var list: String
        var instant: Int64
        var published: Int64
        var file: String?
        var sha256: String?
        var entries: Int
        var event: String
        var observedAfter: Int64?
        var statedFrom: Int64?
        var partial: Bool
    }

    var stream: Stream
    var designations: [Designation]
    var names: [Name]
    var rules: [Rule]
    var publications: [Publication]

    /// The stored rows of `projection`, the projection of the stream that `event` belongs to.
    init(_ projection: StreamProjection, ofStreamOf event: LedgerEvent) {
        stream = Stream(
            key: event.stream.rawValue, party: event.party?.rawValue, regime: event.regime.rawValue,
            isObservation: event.kind == .observed)
        designations = projection.designations.map { row in
            Designation(
                party: row.party.rawValue, listedFrom: row.listedFrom.seconds, valid: Interval(row.valid),
                known: Interval(row.known),
                name: row.details.name ?? "", details: CanonicalJSON.string(row.details.json),
                escalatedFrom: row.escalatedFrom.map(\.rawValue).joined(separator: ","),
                listingEvent: row.listingEvent.rawValue,
                detailEvents: row.detailEvents.map(\.rawValue).joined(separator: "\n"),
                endEvent: row.endEvent?.rawValue,
                endsDesignation: row.endsDesignation, uncertainty: row.uncertainty.map(ProjectionRecords.stored))
        }
        // A name recurs in every version of its row (valid and knowledge intervals): normalise it once.
        var forms: [String: (key: String, normalized: String)] = [:]
        names = projection.names.map { row in
            let form =
                forms[row.name]
                ?? {
                    let form = (key: NameKey.make(row.name), normalized: NameNormalizer.normalize(row.name).text)
                    forms[row.name] = form
                    return form
                }()
            return Name(
                party: row.party.rawValue, name: row.name, nameKey: form.key, normalized: form.normalized,
                kind: row.kind.rawValue, weak: row.weak, listedFrom: row.listedFrom.seconds, valid: Interval(row.valid),
                known: Interval(row.known), startEvent: row.startEvent.rawValue, endEvent: row.endEvent?.rawValue)
        }
        rules = projection.rules.map { row in
            Rule(
                transactionType: row.rule.transactionType.rawValue, spec: CanonicalJSON.string(row.rule.jsonValue),
                valid: Interval(row.valid), known: Interval(row.known), event: row.event.rawValue,
                endEvent: row.endEvent?.rawValue)
        }
        publications = projection.publications.map { row in
            Publication(
                list: row.observation.list, instant: row.instant.seconds, published: row.published.seconds,
                file: row.observation.file,
                sha256: row.observation.sha256, entries: row.observation.entries, event: row.event.rawValue,
                observedAfter: row.observedAfter?.seconds, statedFrom: row.observation.statedFrom?.seconds,
                partial: row.observation.partial)
        }
    }
}
