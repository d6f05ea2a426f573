/// How well the ledger knows one regime's list at one instant.
///
/// - `full`: publications of the list close together (or a scrape that checked it every few
///   hours) around that instant: a change is dated to its day.
/// - `partial`: the ledger knows what was in force, but not every change: two publications far
///   apart (a change between them is dated only to that window), a publication whose entries
///   state their listing dates reaching back before it (an entry added and removed before it is
///   invisible), or a date after the newest publication.
/// - `none`: before the earliest evidence: no publication, no stated date reaches back that far.
public struct CoverageAssessment: Hashable, Sendable {
    public enum Level: String, Hashable, Sendable, Comparable, CaseIterable {
        case none, partial, full

        private var rank: Int {
            switch self {
            case .none: 0
            case .partial: 1
            case .full: 2
            }
        }

        public static func < (lhs: Level, rhs: Level) -> Bool { lhs.rank < rhs.rank }
    }

    public var regime: RegimeID
    public var level: Level
    /// The instant is later than the newest publication by more than the allowance.
    public var stale: Bool
    /// Why, in words (e.g. "before the first ofac-sdn publication the ledger holds, 2019-01-04").
    public var reason: String
    /// The lists whose publications were consulted (e.g. `ofac-sdn`, `csl`).
    public var lists: [String]
    /// The newest publication of the regime the ledger holds.
    public var newest: LedgerTime?

    public init(regime: RegimeID, level: Level, stale: Bool, reason: String, lists: [String], newest: LedgerTime?) {
        self.regime = regime
        self.level = level
        self.stale = stale
        self.reason = reason
        self.lists = lists
        self.newest = newest
    }

    /// E.g. `ofac-sdn: full` or `bis-entity-list: partial (stale: ...)`.
    public var summary: String {
        "\(regime): \(level.rawValue)\(stale ? ", stale" : "")"
    }
}

/// A regime whose whole list the curated notices hold (a statute that names every company):
/// covered in full from `from`, without any publication.
public struct DeclaredCoverage: Hashable, Sendable {
    public var regime: RegimeID
    public var from: LedgerTime
    public var note: String

    public init(regime: RegimeID, from: LedgerTime, note: String) {
        self.regime = regime
        self.from = from
        self.note = note
    }
}

/// The coverage of one regime over time, from the publications of its lists the ledger observed.
///
/// For example:
/// ```swift
/// // given: rows: [PublicationRow]
/// let sdn = RegimeCoverage(regime: RegimeID("ofac-sdn"), publications: rows)
/// sdn.at(try LedgerTime.parse("2018-06-01")).level   // .none: before the first publication
/// ```
public struct RegimeCoverage: Sendable {
    /// Publications at most this far apart (or a window of at most this) cover the time between in full.
    public static let fullWindowSeconds: Int64 = 4 * 86_400
    /// How long after the newest publication a date is still current (then: stale).
    public static let defaultStaleAfterDays = 7

    public let regime: RegimeID
    /// The whole publications (not samples), in time order.
    public let publications: [PublicationRow]
    /// The earliest listing date any publication states.
    public let statedFrom: LedgerTime?
    public let declared: DeclaredCoverage?

    public init(regime: RegimeID, publications: [PublicationRow], declared: DeclaredCoverage? = nil) {
        self.regime = regime
        let whole = publications.filter { $0.regime == regime && !$0.observation.partial }
        self.publications = whole.sorted { ($0.instant, $0.event) < ($1.instant, $1.event) }
        self.statedFrom = whole.compactMap(\.observation.statedFrom).min()
        self.declared = declared
    }

    /// The lists whose publications this regime's coverage rests on.
    public var lists: [String] { Array(Set(publications.map(\.observation.list))).sorted() }

    /// The window in which publication `index` appeared: from the last time its list was seen
    /// without it (or the publication before it) to its instant.
    func window(_ index: Int) -> (from: LedgerTime, to: LedgerTime)? {
        guard index > 0 else { return nil }
        let previous = publications[index - 1].instant
        let after = publications[index].observedAfter.map { max($0, previous) } ?? previous
        return (after, publications[index].instant)
    }

    /// The coverage at `instant` (a day means its end).
    public func at(_ instant: LedgerTime, staleAfterDays: Int = defaultStaleAfterDays) -> CoverageAssessment {
        let moment = instant.queryInstant
        func assessment(_ level: CoverageAssessment.Level, _ reason: String, stale: Bool = false) -> CoverageAssessment
        {
            CoverageAssessment(
                regime: regime, level: level, stale: stale, reason: reason, lists: lists,
                newest: publications.last?.instant)
        }
        if let declared, moment >= declared.from {
            return assessment(.full, declared.note)
        }
        guard let first = publications.first, let last = publications.last else {
            return assessment(.none, "the ledger holds no publication of the list of \(regime)")
        }
        let firstList = first.observation.list
        if moment < first.instant {
            if let statedFrom, moment >= statedFrom {
                return assessment(
                    .partial,
                    "before the first \(firstList) publication the ledger holds (\(first.instant.dayString)), whose "
                        + "entries state listing dates back to \(statedFrom.dayString): an entry removed before it is "
                        + "not known")
            }
            return assessment(
                .none, "before the first \(firstList) publication the ledger holds (\(first.instant.dayString))")
        }
        if moment >= last.instant {
            let days = last.instant.days(until: moment)
            let lastLevel: CoverageAssessment.Level =
                publications.count > 1 && (window(publications.count - 1).map(Self.isShort) ?? false) ? .full : .partial
            if days > staleAfterDays {
                return assessment(
                    .partial,
                    "\(days) days after the newest \(last.observation.list) publication the ledger holds "
                        + "(\(last.instant.dayString)): later changes are not known",
                    stale: true)
            }
            return assessment(lastLevel, "within \(staleAfterDays) days of the newest publication (\(last.instant))")
        }
        // publications[index - 1].instant <= moment < publications[index].instant
        var low = 1
        var high = publications.count - 1
        while low < high {
            let middle = (low + high) / 2
            if publications[middle].instant <= moment { low = middle + 1 } else { high = middle }
        }
        guard let window = window(low) else { return assessment(.partial, "between publications") }
        if Self.isShort(window) {
            return assessment(.full, "between publications at most \(Self.fullWindowSeconds / 86_400) days apart")
        }
        return assessment(
            .partial,
            "between the \(publications[low - 1].observation.list) publications of \(window.from.dayString) and "
                + "\(window.to.dayString): a change in between is dated only to that window")
    }

    static func isShort(_ window: (from: LedgerTime, to: LedgerTime)) -> Bool {
        window.to.seconds - window.from.seconds <= fullWindowSeconds
    }

    /// One stretch of time with one level, for `sanctions coverage`.
    public struct Period: Hashable, Sendable {
        public var from: LedgerTime?
        public var to: LedgerTime?
        public var level: CoverageAssessment.Level
    }

    /// The coverage by period, oldest first: none (or partial, by stated dates) before the first
    /// publication, then each window merged with its neighbours of the same level, then after the
    /// newest publication.
    public var periods: [Period] {
        var result: [Period] = []
        func add(_ from: LedgerTime?, _ to: LedgerTime?, _ level: CoverageAssessment.Level) {
            if var last = result.last, last.level == level, last.to == from {
                last.to = to
                result[result.count - 1] = last
            } else {
                result.append(Period(from: from, to: to, level: level))
            }
        }
        if let declared {
            add(nil, declared.from, .none)
            add(declared.from, nil, .full)
            return result
        }
        guard let first = publications.first, let last = publications.last else {
            add(nil, nil, .none)
            return result
        }
        if let statedFrom, statedFrom < first.instant {
            add(nil, statedFrom, .none)
            add(statedFrom, first.instant, .partial)
        } else {
            add(nil, first.instant, .none)
        }
        for index in publications.indices.dropFirst() {
            guard let window = window(index) else { continue }
            let level: CoverageAssessment.Level = Self.isShort(window) ? .full : .partial
            add(publications[index - 1].instant, publications[index].instant, level)
        }
        add(last.instant, nil, .partial)
        return result
    }

    /// The largest gaps between consecutive publications, largest first.
    public func largestGaps(_ count: Int) -> [(from: LedgerTime, to: LedgerTime)] {
        var gaps: [(from: LedgerTime, to: LedgerTime)] = []
        for index in publications.indices.dropFirst() {
            gaps.append((publications[index - 1].instant, publications[index].instant))
        }
        gaps.sort { lhs, rhs in
            let left = lhs.to.seconds - lhs.from.seconds
            let right = rhs.to.seconds - rhs.from.seconds
            return left != right ? left > right : lhs.from < rhs.from
        }
        return Array(gaps.prefix(count))
    }
}
