/// What changed in the lists between two dates: a comparison of the designations in force on each.
///
/// A change that happened and was undone inside the period does not show (the two states are
/// equal); every change that shows names the events behind it.
public struct ListDiff: Sendable {
    /// The kind of a change.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case added, escalated, removed, renamed, amended
        case aliasAdded = "alias-added"
        case aliasRemoved = "alias-removed"
    }

    /// One change.
    public struct Change: Sendable, Hashable {
        public var kind: Kind
        public var party: PartyID
        public var regime: RegimeID
        /// The listed name at the end of the period (at its start for removals).
        public var name: String
        /// What changed, in words.
        public var detail: String
        /// The events behind the change.
        public var events: [EventID]
        /// When it took effect, when known.
        public var effective: LedgerTime?
    }

    public var from: AsOf
    public var to: AsOf
    public var changes: [Change]

    /// Compares the views at the start and end of the period. `endings` are the designation rows
    /// that ended a designation inside the period (they name the delisting events); `context` is
    /// every designation at the start on any regime (to tell an escalation from a first listing),
    /// defaulting to `before`. An escalation is a listing on a stricter regime than one the party
    /// was already on (by `severity`); a listing beside a stricter or equal one is an addition.
    public static func compute(
        from: AsOf, to: AsOf, before: [DesignationView], after: [DesignationView], endings: [DesignationSegment],
        context: [DesignationView]? = nil,
        severity: (RegimeID) -> Int = { _ in 0 }
    ) -> ListDiff {
        func key(_ view: DesignationView) -> String { view.party.rawValue + "|" + view.regime.rawValue }
        let beforeByKey = Dictionary(before.map { (key($0), $0) }, uniquingKeysWith: { first, _ in first })
        let afterByKey = Dictionary(after.map { (key($0), $0) }, uniquingKeysWith: { first, _ in first })
        let partiesBefore = Dictionary(grouping: context ?? before, by: \.party)
        var changes: [Change] = []
        for view in after {
            guard let old = beforeByKey[key(view)], old.listedFrom == view.listedFrom else {
                let others =
                    (partiesBefore[view.party] ?? []).filter { $0.regime != view.regime }.map(\.regime)
                    + view.segment.escalatedFrom
                let escalated = Array(Set(others)).filter { severity($0) < severity(view.regime) }.sorted()
                let detail =
                    escalated.isEmpty ? "listed" : "escalated from " + escalated.map(\.rawValue).joined(separator: ", ")
                changes.append(
                    Change(
                        kind: escalated.isEmpty ? .added : .escalated, party: view.party, regime: view.regime,
                        name: view.listedName,
                        detail: detail, events: [view.segment.listingEvent], effective: view.listedFrom))
                continue
            }
            if old.listedName != view.listedName {
                changes.append(
                    Change(
                        kind: .renamed, party: view.party, regime: view.regime, name: view.listedName,
                        detail: "'\(old.listedName)' -> '\(view.listedName)'", events: newEvents(old, view),
                        effective: view.segment.valid.from))
            } else if old.segment.details != view.segment.details {
                changes.append(
                    Change(
                        kind: .amended, party: view.party, regime: view.regime, name: view.listedName,
                        detail: describeAmendment(old.segment.details, view.segment.details),
                        events: newEvents(old, view), effective: view.segment.valid.from))
            }
            let oldNames = Set(old.aliases.map(\.name))
            let newNames = Set(view.aliases.map(\.name))
            for alias in view.aliases where !oldNames.contains(alias.name) {
                changes.append(
                    Change(
                        kind: .aliasAdded, party: view.party, regime: view.regime, name: view.listedName,
                        detail: "'\(alias.name)'", events: [alias.startEvent], effective: alias.valid.from))
            }
            for alias in old.aliases where !newNames.contains(alias.name) {
                let ending = view.names.isEmpty ? nil : alias.endEvent
                changes.append(
                    Change(
                        kind: .aliasRemoved, party: view.party, regime: view.regime, name: view.listedName,
                        detail: "'\(alias.name)'", events: ending.map { [$0] } ?? [], effective: alias.valid.to))
            }
        }
        for view in before where afterByKey[key(view)]?.listedFrom != view.listedFrom {
            let ending = endings.filter {
                $0.party == view.party && $0.regime == view.regime && $0.listedFrom == view.listedFrom
            }
            .sorted { ($0.valid.to ?? .distantFuture) < ($1.valid.to ?? .distantFuture) }.last
            changes.append(
                Change(
                    kind: .removed, party: view.party, regime: view.regime, name: view.listedName, detail: "delisted",
                    events: ending?.endEvent.map { [$0] } ?? [], effective: ending?.valid.to))
        }
        changes.sort {
            ($0.regime, $0.effective ?? .distantFuture, $0.party, $0.kind.rawValue, $0.detail) < (
                $1.regime, $1.effective ?? .distantFuture, $1.party, $1.kind.rawValue, $1.detail
            )
        }
        return ListDiff(from: from, to: to, changes: changes)
    }

    private static func newEvents(_ old: DesignationView, _ new: DesignationView) -> [EventID] {
        let seen = Set(old.segment.detailEvents)
        return new.segment.detailEvents.filter { !seen.contains($0) }
    }

    private static func describeAmendment(_ old: DesignationDetails, _ new: DesignationDetails) -> String {
        var parts: [String] = []
        if old.addresses != new.addresses { parts.append("addresses") }
        if old.programs != new.programs {
            parts.append(
                "programmes \((old.programs ?? []).joined(separator: " ")) -> "
                    + "\((new.programs ?? []).joined(separator: " "))"
            )
        }
        if old.license != new.license { parts.append("licence terms") }
        if old.country != new.country { parts.append("country") }
        if old.identifiers != new.identifiers { parts.append("identifiers") }
        if old.remarks != new.remarks { parts.append("remarks") }
        if old.milestones != new.milestones { parts.append("dates") }
        if old.entityType != new.entityType { parts.append("type") }
        return parts.isEmpty ? "details" : parts.joined(separator: "; ")
    }
}
