/// What a regime does to one kind of transaction.
public enum TransactionType: String, Sendable, CaseIterable, Hashable, Comparable {
    /// Export, reexport or transfer of items subject to the EAR (a classified item, ECCN other than EAR99).
    case export
    /// Export of EAR99 items (subject to the EAR but not on the Commerce Control List).
    case exportEAR99 = "export-ear99"
    /// A payment by a US person.
    case payment
    /// A service provided by a US person.
    case service
    /// A purchase of publicly traded securities.
    case securitiesPurchase = "securities-purchase"
    /// A sale of publicly traded securities.
    case securitiesSale = "securities-sale"
    /// Federal procurement.
    case procurement

    public static func < (lhs: TransactionType, rhs: TransactionType) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// The consequence of a rule for a transaction, ordered from weakest to strongest.
public enum Outcome: String, Sendable, CaseIterable, Hashable, Comparable {
    case permitted
    /// No match, but a list that could restrict the transaction has no coverage on its date (the
    /// ledger holds no publication of it then): the ledger cannot say "permitted". Never a rule's outcome.
    case unknown
    /// A possible match below the certain-match threshold, a listing whose date is only known to
    /// lie in a window around the transaction's date, or a rule whose effect depends on facts the
    /// ledger cannot know (the items, the purpose): a person has to look.
    case review
    case licenseRequired = "license-required"
    case prohibited

    private var strength: Int {
        switch self {
        case .permitted: 0
        case .unknown: 1
        case .review: 2
        case .licenseRequired: 3
        case .prohibited: 4
        }
    }

    public static func < (lhs: Outcome, rhs: Outcome) -> Bool { lhs.strength < rhs.strength }
}

/// One rule of a regime for one transaction type, as stated by a `rule-changed` event.
///
/// The outcome starts at the listing date; `changes` switch it at later points relative to the
/// listing: a named milestone of the listing when the listing states it, else a number of days
/// after the listing. For example EO 14032 purchases: permitted at listing, prohibited from the
/// `purchase-prohibited` milestone or 60 days after listing.
public struct RuleSpec: Hashable, Sendable {
    /// A later change of outcome relative to the listing date.
    public struct Change: Hashable, Sendable {
        /// The listing milestone that dates the change when the listing states it.
        public var milestone: String?
        /// Days after the listing when no milestone dates it.
        public var days: Int?
        /// The outcome from that point on.
        public var outcome: Outcome
        /// Why.
        public var note: String?

        public init(milestone: String? = nil, days: Int? = nil, outcome: Outcome, note: String? = nil) {
            self.milestone = milestone
            self.days = days
            self.outcome = outcome
            self.note = note
        }
    }

    /// The transaction type this rule governs.
    public var transactionType: TransactionType
    /// The outcome from the listing date.
    public var outcome: Outcome
    /// The default licence review policy when the designation states none.
    public var policy: String?
    /// Later changes relative to the listing.
    public var changes: [Change]
    /// What the rule is, in words.
    public var note: String?
    /// When set, the rule governs only the regime's designations whose listed remarks or programmes
    /// contain this text (a directive or statute named on the entry, e.g. "Executive Order 14024
    /// Directive Information Subject to Directive 4", "INKSNA"), and for them it takes the place of
    /// the regime's general rule for the type.
    public var entryStates: String?

    public init(
        transactionType: TransactionType, outcome: Outcome, policy: String? = nil, changes: [Change] = [],
        note: String? = nil, entryStates: String? = nil
    ) {
        self.transactionType = transactionType
        self.outcome = outcome
        self.policy = policy
        self.changes = changes
        self.note = note
        self.entryStates = entryStates
    }

    /// Whether this rule governs a designation with these details (a general rule governs every one).
    public func governs(_ details: DesignationDetails) -> Bool {
        guard let entryStates else { return true }
        return details.remarks?.contains(entryStates) == true
            || details.programs?.contains { $0.contains(entryStates) } == true
    }
}
