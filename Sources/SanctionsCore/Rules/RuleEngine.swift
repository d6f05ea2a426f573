/// Applies a regime's rule for a transaction type to one designation on one date.
///
/// For example: the NS-CMIC rule for `securities-purchase` says "permitted at listing, prohibited
/// from the listing's `purchase-prohibited` date (else 60 days after listing)"; for SenseTime
/// (listed 2021-12-10, purchase-prohibited 2022-02-08) a purchase on 2022-01-15 is permitted and on
/// 2022-02-08 prohibited.
public enum RuleEngine {
    /// The outcome of a rule for one designation, with its reasons.
    public struct Evaluation: Sendable, Hashable {
        public var outcome: Outcome
        /// The licence review policy (for `license-required`).
        public var policy: String?
        /// Why, in words.
        public var note: String
        /// The rule-changed event that stated the rule.
        public var ruleEvent: EventID?
    }

    public static func evaluate(
        rule: RuleSegment?, designation: DesignationSegment, type: TransactionType, on date: LedgerTime
    ) -> Evaluation {
        guard let rule else {
            return Evaluation(
                outcome: .review, policy: nil,
                note: "no rule for \(type.rawValue) on \(designation.regime) is in the ledger: review by hand",
                ruleEvent: nil)
        }
        let details = designation.details
        if let license = details.license, license.exempt.contains(type) {
            return Evaluation(
                outcome: .permitted, policy: nil,
                note: "the entry's licence requirement excludes \(type.rawValue): \(license.requirement ?? "")",
                ruleEvent: rule.event)
        }
        let instant = date.queryInstant
        var outcome = rule.rule.outcome
        var note = rule.rule.note ?? "\(designation.regime): \(type.rawValue) \(outcome.rawValue)"
        if let seen = details.milestones?[DesignationDetails.undatedMilestone],
            let unplaced = rule.rule.changes.first(where: { change in
                change.outcome != outcome && change.milestone.flatMap { details.milestones?[$0] } == nil
            })
        {
            // The list gives no date to count the window from: the publication date is not a legal milestone.
            return Evaluation(
                outcome: .review, policy: nil,
                note: "the list states no date for this listing (first seen in the publication of \(seen.dayString)), "
                    + "so when \(unplaced.milestone ?? "the change") falls cannot be placed: "
                    + (unplaced.note ?? "\(unplaced.outcome.rawValue) from then"),
                ruleEvent: rule.event)
        }
        let changes = rule.rule.changes.map { change -> (LedgerTime, RuleSpec.Change) in
            let milestone = change.milestone.flatMap { details.milestones?[$0] }
            return (milestone ?? designation.listedFrom.adding(days: change.days ?? 0), change)
        }.sorted { $0.0 < $1.0 }
        for (start, change) in changes where start.seconds <= instant.seconds {
            outcome = change.outcome
            note = (change.note ?? "\(change.outcome.rawValue) from \(start.dayString)") + " (from \(start.dayString))"
        }
        if let (start, change) = changes.first(where: { $0.0.seconds > instant.seconds }) {
            note += "; becomes \(change.outcome.rawValue) on \(start.dayString)"
        }
        if outcome == .licenseRequired, let scope = LicenseScope.of(details.license?.requirement),
            scope.types.contains(type)
        {
            // The licence depends on the end use or the goods, which the transaction does not state.
            return Evaluation(outcome: .review, policy: nil, note: scope.explanation, ruleEvent: rule.event)
        }
        let policy = outcome == .licenseRequired ? (details.license?.policy ?? rule.rule.policy) : nil
        return Evaluation(outcome: outcome, policy: policy, note: note, ruleEvent: rule.event)
    }
}
