/// Something a user did or wants to check: a dated dealing with a counterparty.
public struct Transaction: Sendable, Hashable {
    public var id: String
    /// The day of the transaction (its rules are those in force then).
    public var date: LedgerTime
    /// The counterparty's name as a clerk typed it.
    public var counterparty: String
    public var type: TransactionType
    public var country: String?
    /// The item's Export Control Classification Number (EAR99 for items not on the CCL).
    public var eccn: String?
    public var amount: String?
    public var currency: String?
    /// Other input columns, carried through to the output in their order.
    public var extra: [String]
    /// The line (or record number) it was read from.
    public var line: Int

    public init(
        id: String, date: LedgerTime, counterparty: String, type: TransactionType, country: String? = nil,
        eccn: String? = nil,
        amount: String? = nil, currency: String? = nil, extra: [String] = [], line: Int = 0
    ) {
        self.id = id
        self.date = date
        self.counterparty = counterparty
        self.type = type
        self.country = country
        self.eccn = eccn
        self.amount = amount
        self.currency = currency
        self.extra = extra
        self.line = line
    }
}
