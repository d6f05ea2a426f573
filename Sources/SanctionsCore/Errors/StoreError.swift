/// A failure of the store itself (as opposed to bad input): a write conflict, a busy database, a
/// broken chain.
public struct StoreError: Error, Sendable, CustomStringConvertible {
    /// What kind of failure this is.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private let name: String
        private init(_ name: String) { self.name = name }
        public var description: String { name }

        /// The ledger's last sequence number was not the one the writer expected.
        public static let writeConflict = Code("write-conflict")
        /// Another writer held the database for longer than the busy timeout.
        public static let busy = Code("busy")
        /// The database is not a ledger, is damaged, or its migrations differ from this version's.
        public static let corrupt = Code("corrupt")
        /// The database file cannot be opened or created.
        public static let cannotOpen = Code("cannot-open")
        /// The file is not a ledger (an empty file, another application's database): left unchanged.
        public static let notALedger = Code("not-a-ledger")
        /// The ledger was written by a newer version (a schema or normaliser this build does not know).
        public static let newerLedger = Code("newer-ledger")
        /// A write was asked of a ledger opened read-only (or stored where it cannot be written).
        public static let readOnly = Code("read-only")
    }

    public var code: Code
    public var message: String
    /// The underlying error, when there is one.
    public var cause: (any Error & Sendable)?

    public init(_ code: Code, _ message: String, cause: (any Error & Sendable)? = nil) {
        self.code = code
        self.message = message
        self.cause = cause
    }

    public var description: String {
        guard let cause else { return message }
        return "\(message) (\(cause))"
    }
}
