/// The stable ledger identity of one real-world party, a slug such as `hangzhou-hikvision`.
public struct PartyID: RawRepresentable, Hashable, Comparable, Sendable, CustomStringConvertible {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }
    public static func < (lhs: PartyID, rhs: PartyID) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// A sanctions or export-control list with its legal consequences, such as `bis-entity-list`.
public struct RegimeID: RawRepresentable, Hashable, Comparable, Sendable, CustomStringConvertible {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }
    public static func < (lhs: RegimeID, rhs: RegimeID) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// The stable id of one event; importing the same id twice is a no-op when the content is the same.
public struct EventID: RawRepresentable, Hashable, Comparable, Sendable, CustomStringConvertible {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }
    public static func < (lhs: EventID, rhs: EventID) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// Validation of identifier syntax, shared by the decoders.
public enum IdentifierSyntax {
    /// A slug: lowercase ASCII letters, digits, `-`, `.` and `_`, starting with a letter or digit, 1 to 120 characters.
    public static func isSlug(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard !bytes.isEmpty, bytes.count <= 120 else { return false }
        for (offset, byte) in bytes.enumerated() {
            let alnum = (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte)
            if offset == 0 ? !alnum : !(alnum || byte == 0x2D || byte == 0x2E || byte == 0x5F) { return false }
        }
        return true
    }

    /// An event id: 1 to 200 printable ASCII characters without spaces.
    public static func isEventID(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        return !bytes.isEmpty && bytes.count <= 200 && bytes.allSatisfy { (0x21...0x7E).contains($0) }
    }
}
