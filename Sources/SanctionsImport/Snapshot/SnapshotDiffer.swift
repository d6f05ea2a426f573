public import SanctionsCore

/// Compares a list snapshot with the ledger's designations of the same source at the snapshot's
/// effective time, and produces exactly the events that explain the difference.
///
/// - an entry the ledger lacks: `listed`, or `escalated` when the party is designated at that time
///   on a less severe regime (a listing beside a stricter or equal one is only `listed`),
///   effective at the list's own listing date when it states one;
/// - a designation the snapshot lacks: `delisted`;
/// - a different name, programmes, addresses, remarks, type, identifiers or dates: `amended`;
/// - aliases added or removed: `alias-added` / `alias-removed` (only the kinds the files carry:
///   without alt.csv only the remarks' weak aliases are compared).
///
/// Event ids are derived from the source, entry, change and snapshot time, so importing the same
/// snapshot twice gives the same events (and the second import appends nothing).
public enum SnapshotDiffer {
    /// A designation of the source in force at the snapshot time.
    public struct Current: Sendable {
        public var party: PartyID
        public var regime: RegimeID
        public var details: DesignationDetails
        /// Names valid at that time, with their kinds (primary excluded).
        public var aliases: [Alias]
        /// The event that opened the designation (a later list stating its undated listing's dates corrects it).
        public var listingEvent: EventID?

        public init(
            party: PartyID, regime: RegimeID, details: DesignationDetails, aliases: [Alias],
            listingEvent: EventID? = nil
        ) {
            self.party = party
            self.regime = regime
            self.details = details
            self.aliases = aliases
            self.listingEvent = listingEvent
        }
    }

    /// The events that turn `current` (keyed by entry number) into `snapshot`.
    ///
    /// - Parameters:
    ///   - party: the party of an entry key (an existing party holding that entry number, or a new slug).
    ///   - otherRegimes: the regimes (outside this source) a party is designated on at the snapshot time.
    ///   - severity: each regime's severity (a higher number is stricter).
    ///   - dating: how changes without a stated date are dated (default: at the snapshot's time).
    public static func events(
        _ snapshot: ListSnapshot, current: [String: Current], party: (String) -> PartyID,
        otherRegimes: (PartyID) -> [RegimeID],
        severity: (RegimeID) -> Int, dating: SnapshotDating? = nil
    ) -> [LedgerEvent] {
        let source = Source(
            citation: snapshot.citation, title: snapshot.title, url: snapshot.url, authority: snapshot.authority)
        let dating = dating ?? SnapshotDating(by: snapshot.effective, after: nil, previous: nil)
        let undated = dating.change
        var events: [LedgerEvent] = []
        func event(
            _ key: String, _ change: String, party: PartyID, regime: RegimeID, effective: LedgerTime? = nil,
            published: LedgerTime? = nil,
            source override: Source? = nil, _ payload: LedgerEvent.Payload
        ) -> LedgerEvent {
            LedgerEvent(
                id: SnapshotEventID.make(source: snapshot.source, key: key, change: change, at: snapshot.effective),
                party: party, regime: regime,
                effective: effective ?? undated.effective, published: published ?? snapshot.published,
                source: override ?? source, effectiveAfter: effective == nil ? undated.effectiveAfter : nil,
                payload: payload)
        }
        var seen = Set<String>()
        for entry in snapshot.entries {
            seen.insert(entry.key)
            guard let existing = current[entry.key], existing.regime == entry.regime else {
                if let existing = current[entry.key] {
                    // The entry moved to another regime of this source (a programme change).
                    events.append(
                        event(
                            entry.key, "delisted-\(existing.regime)", party: existing.party, regime: existing.regime,
                            .delisted(reason: "moved to \(entry.regime) in this list")))
                }
                let partyID = current[entry.key]?.party ?? party(entry.key)
                // A date the list states wins over the observation window (the disagreement is noted).
                let stated = entry.listedEffective.flatMap { $0 < snapshot.effective ? $0 : nil }
                let effective = stated ?? undated.effective
                var note = entry.note
                if let stated, let disagreement = dating.disagreement(stated: stated) {
                    note = [note, disagreement].compactMap { $0 }.joined(separator: "; ")
                }
                // A list that names the notice behind a listing dates its publication by the listing.
                let published = entry.source != nil && effective < snapshot.published ? effective : snapshot.published
                let others = otherRegimes(partyID).filter {
                    $0 != entry.regime && severity($0) < severity(entry.regime)
                }
                let payload: LedgerEvent.Payload =
                    others.isEmpty ? .listed(entry.details) : .escalated(entry.details, from: others)
                var listing = event(
                    entry.key, "listed", party: partyID, regime: entry.regime, effective: stated,
                    published: published, source: entry.source, payload)
                listing.note = note
                events.append(listing)
                continue
            }
            events += differences(entry, existing, snapshot: snapshot) {
                key, change, party, regime, effective, payload in
                event(key, change, party: party, regime: regime, effective: effective, payload)
            }
        }
        // A sample shows entries, never their absence: it delists nothing.
        for key in current.keys.filter({ !seen.contains($0) && !snapshot.partial }).sorted() {
            guard let existing = current[key] else { continue }
            events.append(
                event(
                    key, "delisted", party: existing.party, regime: existing.regime,
                    .delisted(reason: "no longer on the list")))
        }
        return events
    }

    /// OFAC caps the remarks of sdn.csv at 1,000 characters and continues them in sdn_comments.csv;
    /// a publication without that file shows the cut remark, which is the same remark, not a change.
    static func isCapped(_ remarks: String, of known: String?) -> Bool {
        guard let known, remarks.count >= 990, known.count > remarks.count else { return false }
        return known.hasPrefix(remarks)
    }

    private static func differences(
        _ entry: ListSnapshot.Entry, _ existing: Current, snapshot: ListSnapshot,
        make: (String, String, PartyID, RegimeID, LedgerTime?, LedgerEvent.Payload) -> LedgerEvent
    ) -> [LedgerEvent] {
        var events: [LedgerEvent] = []
        let new = entry.details
        let old = existing.details
        var amendment = DesignationDetails()
        if new.name != old.name { amendment.name = new.name }
        // Programme tags are a set: another order in another file format is not a change.
        if Set(new.programs ?? []) != Set(old.programs ?? []) { amendment.programs = new.programs ?? [] }
        if snapshot.coverage.addresses, (new.addresses ?? []) != (old.addresses ?? []) {
            amendment.addresses = new.addresses ?? []
        }
        if snapshot.coverage.addresses, new.country != old.country, let country = new.country {
            amendment.country = country
        }
        if new.remarks != old.remarks, let remarks = new.remarks, !isCapped(remarks, of: old.remarks) {
            amendment.remarks = remarks
        }
        if new.entityType != old.entityType, let type = new.entityType { amendment.entityType = type }
        if snapshot.coverage.remarks, (new.identifiers ?? []) != (old.identifiers ?? []) {
            amendment.identifiers = new.identifiers ?? []
        }
        if let correction = datesStated(entry, existing, snapshot: snapshot, make: make) {
            events.append(correction)
        } else if let milestones = new.milestones, milestones != (old.milestones ?? [:]) {
            amendment.milestones = milestones
        }
        if !amendment.isEmpty {
            events.append(make(entry.key, "amended", existing.party, existing.regime, nil, .amended(amendment)))
        }
        func managed(_ alias: Alias) -> Bool { alias.weak ? snapshot.coverage.remarks : snapshot.coverage.aliases }
        let primary = NameKey.make(new.name ?? "")
        let newAliases = (new.aliases ?? []).filter { managed($0) && NameKey.make($0.name) != primary }
        let oldAliases = existing.aliases.filter(managed)
        let newKeys = Set(newAliases.map { NameKey.make($0.name) })
        let oldKeys = Set(oldAliases.map { NameKey.make($0.name) })
        var addedKeys = Set<String>()
        let added = newAliases.filter {
            !oldKeys.contains(NameKey.make($0.name)) && addedKeys.insert(NameKey.make($0.name)).inserted
        }
        let removed = oldAliases.filter { !newKeys.contains(NameKey.make($0.name)) && NameKey.make($0.name) != primary }
        if !removed.isEmpty {
            events.append(
                make(entry.key, "alias-removed", existing.party, existing.regime, nil, .aliasRemoved(removed)))
        }
        if !added.isEmpty {
            events.append(make(entry.key, "alias-added", existing.party, existing.regime, nil, .aliasAdded(added)))
        }
        return events
    }

    /// A listing the ledger holds undated (the list stated no date, so it was dated by the
    /// publication it was seen in) whose dates a later publication states: the list now says when
    /// it happened, so the listing is corrected (the authority's correction, known from this
    /// publication), with the disagreement in the note. Nil when there is nothing to correct.
    private static func datesStated(
        _ entry: ListSnapshot.Entry, _ existing: Current, snapshot: ListSnapshot,
        make: (String, String, PartyID, RegimeID, LedgerTime?, LedgerEvent.Payload) -> LedgerEvent
    ) -> LedgerEvent? {
        guard let undatedSince = existing.details.milestones?[DesignationDetails.undatedMilestone],
            let target = existing.listingEvent, let stated = entry.listedEffective, stated < snapshot.effective
        else { return nil }
        let milestones = (entry.details.milestones ?? [:]).filter { $0.key != DesignationDetails.undatedMilestone }
        // The listing's milestones become the stated ones (none: the field is dropped).
        let encoded = DesignationDetails(milestones: milestones.isEmpty ? nil : milestones).jsonMembers
        let changes = [
            JSONMember(key: "effective", value: .string(stated.description)),
            JSONMember(key: "milestones", value: encoded.first { $0.key == "milestones" }?.value ?? .null),
        ]
        var correction = make(
            entry.key, "dated", existing.party, existing.regime, snapshot.effective,
            .corrected(target: target, changes: .object(changes), cause: .authority))
        correction.note =
            "the list now states the listing date \(stated.dayString)"
            + (milestones.isEmpty ? "" : " and its milestones")
            + "; the ledger held the listing undated, dated by the publication of \(undatedSince.dayString) it was first "
            + "seen in"
        return correction
    }
}
