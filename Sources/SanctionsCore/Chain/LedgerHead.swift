/// The head of a ledger's hash chain, `SEQUENCE:HASH`: the token an audit report prints and an
/// auditor keeps. A hash chain proves the prefix it was computed over, not that nothing was cut
/// after it; comparing the log with a kept head proves both (as Certificate Transparency keeps
/// signed tree heads).
///
/// For example:
/// ```swift
/// let head = try LedgerHead(parsing: "353:47e4601a…")   // 64 hex digits in full
/// head.sequence  // 353
/// ```
public struct LedgerHead: Hashable, Sendable, CustomStringConvertible {
    /// The sequence number of the last event (0 for an empty ledger).
    public var sequence: Int
    /// The hash of that event, 64 lowercase hexadecimal digits.
    public var hash: String

    public init(sequence: Int, hash: String) {
        self.sequence = sequence
        self.hash = hash
    }

    /// Parses `SEQUENCE:HASH`.
    public init(parsing token: String) throws(InputError) {
        let parts = token.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, let sequence = Int(parts[0]), sequence >= 0 else {
            throw InputError(
                .invalidField, "'\(token)' is not a ledger head: expected SEQUENCE:HASH, e.g. 353:47e4…",
                field: "--expect")
        }
        let hash = parts[1].lowercased()
        guard hash.utf8.count == 64, hash.utf8.allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0) })
        else {
            throw InputError(.invalidField, "'\(token)': the hash must be 64 hexadecimal digits", field: "--expect")
        }
        self.init(sequence: sequence, hash: hash)
    }

    /// `SEQUENCE:HASH`.
    public var description: String { "\(sequence):\(hash)" }
}
