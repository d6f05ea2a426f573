/// Checks of an event against the ledger's context that decoding alone cannot make.
public enum EventValidator {
    /// Party slugs that would collide with the names of rule and observation streams.
    static let reservedPartySlugs: Set<String> = ["rules", "observed"]

    /// The earliest accepted `published` and `effective` date.
    public static let earliestDate = LedgerTime(seconds: -2_208_988_800, hasTimeOfDay: false)  // 1900-01-01

    /// Validates `event` given the declared regimes and today's instant.
    public static func validate(_ event: LedgerEvent, regimes: Set<RegimeID>, now: LedgerTime) throws(InputError) {
        func fail(_ field: String, _ code: InputError.Code, _ message: String) -> InputError {
            InputError(code, message, field: field, eventID: event.id)
        }
        guard regimes.contains(event.regime) else {
            let known = regimes.map(\.rawValue).sorted().joined(separator: ", ")
            throw fail("regime", .unknownRegime, "unknown regime '\(event.regime)' (declared: \(known))")
        }
        if case .escalated(_, let from) = event.payload {
            for regime in from where !regimes.contains(regime) {
                throw fail("from", .unknownRegime, "unknown regime '\(regime)' in 'from'")
            }
            if from.contains(event.regime) {
                throw fail(
                    "from", .invalidField, "an escalation to \(event.regime) cannot come from \(event.regime) itself")
            }
        }
        if let party = event.party, reservedPartySlugs.contains(party.rawValue) {
            throw fail("party", .invalidField, "'\(party)' is reserved (it names the rule and observation streams)")
        }
        if case .observed = event.payload, event.published < event.effective {
            throw fail(
                "effective", .invalidDate,
                "an observation is effective at \(event.effective), after its publication \(event.published): a "
                    + "list cannot be compared before it is seen"
            )
        }
        if event.published < earliestDate {
            throw fail("published", .invalidDate, "published \(event.published) is before 1900-01-01")
        }
        if event.published.day > now.day {
            throw fail(
                "published", .invalidDate,
                "published \(event.published) is after today (\(now.dayString)): the public cannot have known it yet")
        }
        if event.effective < earliestDate {
            throw fail("effective", .invalidDate, "effective \(event.effective) is before 1900-01-01")
        }
    }
}
