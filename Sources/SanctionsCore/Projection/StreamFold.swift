/// Projects one stream's events onto both time axes: valid time (`effective`) and knowledge time
/// (`published`).
///
/// The stream is folded once per distinct publication instant ("epoch"), each time over the events
/// published by then, with the corrections and retractions published by then applied. A row keeps
/// its knowledge interval open for as long as consecutive epochs produce it unchanged. The result
/// does not depend on the order in which events were appended.
///
/// For example:
/// ```swift
/// // given: eventsOfHikvisionOnEntityList: [LedgerEvent]
/// let projection = StreamFold.project(eventsOfHikvisionOnEntityList)
/// projection.designations.first?.valid.from // 2019-10-09
/// ```
public enum StreamFold {
    /// Projects the events of one stream (all with the same ``LedgerEvent/stream``), given in any order.
    public static func project(_ events: [LedgerEvent]) -> StreamProjection {
        if let first = events.first, case .observed = first.payload { return projectObservations(events) }
        if let projection = projectInPublicationOrder(events) { return projection }
        return projectEpochByEpoch(events)
    }

    /// The most folding steps one stream may cost (a step folds one event once): above it an
    /// append is refused rather than tying the writer up for minutes.
    public static let costLimit = 50_000_000

    /// How many steps ``project(_:)`` takes for `events`: one per event in the common case, one
    /// per event and distinct publication instant when knowledge does not extend history at its end.
    public static func cost(_ events: [LedgerEvent]) -> Int {
        if let first = events.first, case .observed = first.payload { return events.count }
        if isInPublicationOrder(events) { return events.count }
        return Set(events.map(\.published)).count * events.count
    }

    /// Whether the linear algorithm applies (see ``projectInPublicationOrder(_:)``): no corrections
    /// or retractions, and knowledge extends history only at its end (effective and publication
    /// order agree, and the events of one instant were published together).
    static func isInPublicationOrder(_ events: [LedgerEvent]) -> Bool {
        isInPublicationOrder(sorted: events.sorted(by: ValidTimeFold.effectiveOrder))
    }

    static func isInPublicationOrder(sorted ordered: [LedgerEvent]) -> Bool {
        for (index, event) in ordered.enumerated() {
            if event.kind == .corrected || event.kind == .retracted { return false }
            guard index > 0 else { continue }
            let previous = ordered[index - 1]
            guard previous.published <= event.published else { return false }
            if previous.effective.seconds == event.effective.seconds, previous.published != event.published {
                return false
            }
        }
        return true
    }

    /// An observation stream: one row per publication, in time order (observations are never
    /// corrected, so there is nothing to fold).
    static func projectObservations(_ events: [LedgerEvent]) -> StreamProjection {
        var projection = StreamProjection()
        for event in events.sorted(by: { ($0.effective, $0.id) < ($1.effective, $1.id) }) {
            guard case .observed(let observation) = event.payload else {
                projection.anomalies.append(
                    HistoryAnomaly(
                        event: event.id,
                        message: "a \(event.kind.rawValue) event in the observation stream of \(event.regime)"))
                continue
            }
            projection.publications.append(
                PublicationRow(
                    regime: event.regime, observation: observation, instant: event.effective,
                    published: event.published, event: event.id, observedAfter: event.effectiveAfter))
        }
        return projection
    }

    /// The general algorithm: one valid-time fold per publication epoch. Quadratic in the stream's
    /// length, and always right.
    static func projectEpochByEpoch(_ events: [LedgerEvent]) -> StreamProjection {
        var projection = StreamProjection()
        guard let first = events.first else { return projection }
        let party = first.party ?? PartyID("")
        let regime = first.regime
        let epochs = Array(Set(events.map(\.published))).sorted()
        let byPublication = events.sorted { ($0.published, $0.id) < ($1.published, $1.id) }

        var openDesignations: [DesignationSegment: LedgerTime] = [:]
        var openNames: [NameSegment: LedgerTime] = [:]
        var openRules: [RuleSegment: LedgerTime] = [:]
        var visibleCount = 0
        var lastAnomalies: [HistoryAnomaly] = []
        for epoch in epochs {
            while visibleCount < byPublication.count, byPublication[visibleCount].published <= epoch {
                visibleCount += 1
            }
            var anomalies: [HistoryAnomaly] = []
            let resolved = CorrectionResolver.resolve(Array(byPublication[..<visibleCount]), anomalies: &anomalies)
            let fold = ValidTimeFold.run(resolved, party: party, regime: regime)
            advance(&openDesignations, to: Set(fold.designations), at: epoch, closed: &projection.designations) {
                $0.known = $1
            }
            advance(&openNames, to: Set(fold.names), at: epoch, closed: &projection.names) { $0.known = $1 }
            advance(&openRules, to: Set(fold.rules), at: epoch, closed: &projection.rules) { $0.known = $1 }
            lastAnomalies = anomalies + fold.anomalies
        }
        flush(openDesignations, into: &projection.designations) { $0.known = $1 }
        flush(openNames, into: &projection.names) { $0.known = $1 }
        flush(openRules, into: &projection.rules) { $0.known = $1 }
        projection.designations.sort(by: DesignationSegment.projectionOrder)
        projection.names.sort(by: NameSegment.projectionOrder)
        projection.rules.sort(by: RuleSegment.projectionOrder)
        projection.anomalies = lastAnomalies
        return projection
    }

    /// The common case in linear time: no corrections or retractions, publication in effective
    /// order, and the events of one effective instant published together. Knowledge then only ever extends history at its
    /// end, so each row of the final fold was known open-ended from its opening event's publication
    /// until its closing event's publication, and in its final form from then on. Gives exactly the
    /// rows ``projectEpochByEpoch(_:)`` gives (a test compares them); returns nil when not applicable.
    static func projectInPublicationOrder(_ events: [LedgerEvent]) -> StreamProjection? {
        guard let first = events.first else { return StreamProjection() }
        let ordered = events.sorted(by: ValidTimeFold.effectiveOrder)
        guard isInPublicationOrder(sorted: ordered) else { return nil }
        let published = Dictionary(ordered.map { ($0.id, $0.published) }, uniquingKeysWith: { first, _ in first })
        let fold = ValidTimeFold.run(ordered, party: first.party ?? PartyID(""), regime: first.regime)
        var projection = StreamProjection()
        func versions<Row>(
            _ row: Row, opened: EventID, closed: EventID?, reopen: (inout Row) -> Void,
            setKnown: (inout Row, LedgerInterval) -> Void
        ) -> [Row] {
            let start = published[opened] ?? first.published
            guard let closed, let end = published[closed], end > start else {
                var only = row
                setKnown(&only, LedgerInterval(from: start, to: nil))
                return [only]
            }
            var open = row
            reopen(&open)
            setKnown(&open, LedgerInterval(from: start, to: end))
            var final = row
            setKnown(&final, LedgerInterval(from: end, to: nil))
            return [open, final]
        }
        for row in fold.designations {
            projection.designations += versions(
                row, opened: row.uncertainty?.event ?? row.detailEvents.last ?? row.listingEvent, closed: row.endEvent,
                reopen: {
                    $0.valid.to = nil; $0.endEvent = nil; $0.endsDesignation = false
                }, setKnown: { $0.known = $1 })
        }
        for row in fold.names {
            projection.names += versions(
                row, opened: row.startEvent, closed: row.endEvent,
                reopen: {
                    $0.valid.to = nil; $0.endEvent = nil
                }, setKnown: { $0.known = $1 })
        }
        for row in fold.rules {
            projection.rules += versions(
                row, opened: row.event, closed: row.endEvent,
                reopen: {
                    $0.valid.to = nil; $0.endEvent = nil
                }, setKnown: { $0.known = $1 })
        }
        projection.designations.sort(by: DesignationSegment.projectionOrder)
        projection.names.sort(by: NameSegment.projectionOrder)
        projection.rules.sort(by: RuleSegment.projectionOrder)
        projection.anomalies = fold.anomalies
        return projection
    }

    /// Closes the open rows that `current` no longer has and opens the new ones at `epoch`.
    private static func advance<Row: Hashable>(
        _ open: inout [Row: LedgerTime], to current: Set<Row>, at epoch: LedgerTime, closed: inout [Row],
        setKnown: (inout Row, LedgerInterval) -> Void
    ) {
        for (row, from) in open where !current.contains(row) {
            var finished = row
            setKnown(&finished, LedgerInterval(from: from, to: epoch))
            closed.append(finished)
            open[row] = nil
        }
        for row in current where open[row] == nil { open[row] = epoch }
    }

    private static func flush<Row: Hashable>(
        _ open: [Row: LedgerTime], into rows: inout [Row], setKnown: (inout Row, LedgerInterval) -> Void
    ) {
        for (row, from) in open {
            var finished = row
            setKnown(&finished, LedgerInterval(from: from, to: nil))
            rows.append(finished)
        }
    }
}

extension LedgerInterval {
    /// Orders intervals by start, then end (open last).
    static func precedes(_ lhs: LedgerInterval, _ rhs: LedgerInterval) -> Bool {
        if lhs.from != rhs.from { return lhs.from < rhs.from }
        switch (lhs.to, rhs.to) {
        case (let l?, let r?): return l < r
        case (nil, _?): return false
        case (_?, nil): return true
        case (nil, nil): return false
        }
    }
}

extension DesignationSegment {
    /// A deterministic order: valid start, knowledge start, then the rest.
    public static func projectionOrder(_ lhs: DesignationSegment, _ rhs: DesignationSegment) -> Bool {
        if lhs.valid != rhs.valid { return LedgerInterval.precedes(lhs.valid, rhs.valid) }
        if lhs.known != rhs.known { return LedgerInterval.precedes(lhs.known, rhs.known) }
        return lhs.detailEvents.map(\.rawValue).joined(separator: ",")
            < rhs.detailEvents.map(\.rawValue).joined(separator: ",")
    }
}

extension NameSegment {
    public static func projectionOrder(_ lhs: NameSegment, _ rhs: NameSegment) -> Bool {
        if lhs.name != rhs.name { return lhs.name < rhs.name }
        if lhs.valid != rhs.valid { return LedgerInterval.precedes(lhs.valid, rhs.valid) }
        if lhs.known != rhs.known { return LedgerInterval.precedes(lhs.known, rhs.known) }
        return lhs.kind.rawValue < rhs.kind.rawValue
    }
}

extension RuleSegment {
    public static func projectionOrder(_ lhs: RuleSegment, _ rhs: RuleSegment) -> Bool {
        if lhs.rule.transactionType != rhs.rule.transactionType {
            return lhs.rule.transactionType < rhs.rule.transactionType
        }
        if lhs.rule.entryStates != rhs.rule.entryStates {
            return (lhs.rule.entryStates ?? "") < (rhs.rule.entryStates ?? "")
        }
        if lhs.valid != rhs.valid { return LedgerInterval.precedes(lhs.valid, rhs.valid) }
        return LedgerInterval.precedes(lhs.known, rhs.known)
    }
}
