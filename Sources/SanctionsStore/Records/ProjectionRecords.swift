import GRDB
import SanctionsCore

/// Reading projection rows back into domain values.
enum ProjectionRecords {
    static let designationColumns =
        "party, regime, listedFrom, validFrom, validTo, knownFrom, knownTo, details, escalatedFrom, listingEvent, "
        + "detailEvents, endEvent, endsDesignation, uncertainty"
    static let nameColumns =
        "party, regime, name, kind, weak, listedFrom, validFrom, validTo, knownFrom, knownTo, startEvent, endEvent"
    static let ruleColumns = "regime, spec, validFrom, validTo, knownFrom, knownTo, event, endEvent"

    static func interval(_ row: Row, _ from: String, _ to: String) -> LedgerInterval {
        LedgerInterval(from: LedgerTime(storedSeconds: row[from]), to: ProjectionWriter.time(row[to]))
    }

    static func designation(_ row: Row) throws -> DesignationSegment {
        let details = try DesignationDetails(json: JSONParser.parse(Array((row["details"] as String).utf8)))
        let escalated: String = row["escalatedFrom"]
        let detailEvents: String = row["detailEvents"]
        return DesignationSegment(
            party: PartyID(row["party"] as String), regime: RegimeID(row["regime"] as String),
            listedFrom: LedgerTime(storedSeconds: row["listedFrom"]), valid: interval(row, "validFrom", "validTo"),
            known: interval(row, "knownFrom", "knownTo"), details: details,
            escalatedFrom: escalated.isEmpty ? [] : escalated.split(separator: ",").map { RegimeID(String($0)) },
            listingEvent: EventID(row["listingEvent"] as String),
            detailEvents: detailEvents.split(separator: "\n").map { EventID(String($0)) },
            endEvent: (row["endEvent"] as String?).map(EventID.init(rawValue:)),
            endsDesignation: row["endsDesignation"],
            uncertainty: (row["uncertainty"] as String?).flatMap(uncertainty))
    }

    /// `change|after|by|event`, the stored form of a ``DateUncertainty``.
    static func stored(_ uncertainty: DateUncertainty) -> String {
        [
            uncertainty.change.rawValue, uncertainty.after.description, uncertainty.by.description,
            uncertainty.event.rawValue,
        ].joined(separator: "|")
    }

    static func uncertainty(_ text: String) -> DateUncertainty? {
        let parts = text.split(separator: "|", maxSplits: 3, omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 4, let change = DateUncertainty.Change(rawValue: parts[0]),
            let after = try? LedgerTime.parse(parts[1]), let by = try? LedgerTime.parse(parts[2])
        else { return nil }
        return DateUncertainty(change: change, after: after, by: by, event: EventID(parts[3]))
    }

    static func name(_ row: Row) -> NameSegment {
        NameSegment(
            party: PartyID(row["party"] as String), regime: RegimeID(row["regime"] as String), name: row["name"],
            kind: NameKind(rawValue: row["kind"]) ?? .aka, weak: row["weak"],
            listedFrom: LedgerTime(storedSeconds: row["listedFrom"]),
            valid: interval(row, "validFrom", "validTo"), known: interval(row, "knownFrom", "knownTo"),
            startEvent: EventID(row["startEvent"] as String),
            endEvent: (row["endEvent"] as String?).map(EventID.init(rawValue:)))
    }

    static func rule(_ row: Row) throws -> RuleSegment {
        RuleSegment(
            regime: RegimeID(row["regime"] as String),
            rule: try RuleSpec(json: JSONParser.parse(Array((row["spec"] as String).utf8))),
            valid: interval(row, "validFrom", "validTo"), known: interval(row, "knownFrom", "knownTo"),
            event: EventID(row["event"] as String), endEvent: (row["endEvent"] as String?).map(EventID.init(rawValue:)))
    }
}
