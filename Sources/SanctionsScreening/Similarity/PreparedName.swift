/// A normalised name ready for fast scoring: scalar arrays, roles, weights and sound keys.
public struct PreparedName: Sendable {
    public let normalized: NormalizedName
    let tokens: [[UInt32]]
    let phonetic: [[UInt8]]
    let roles: [NameVocabulary.Role]
    /// Distinctive tokens joined, for names split or joined differently ("Sense Time" / "SenseTime").
    let joinedDistinctive: [UInt32]
    /// Whether the name has no distinctive token (then descriptors and places count fully).
    let onlyGeneric: Bool
    /// How many tokens carry weight (legal forms do not).
    let weightedTokens: Int

    public init(_ normalized: NormalizedName) {
        self.normalized = normalized
        tokens = normalized.tokens.map { $0.unicodeScalars.map(\.value) }
        phonetic = tokens.map(PhoneticKey.make)
        roles = normalized.roles
        onlyGeneric = !normalized.roles.contains(.distinctive)
        weightedTokens = normalized.roles.filter { $0 != .legalForm && $0 != .stopWord }.count
        var joined: [UInt32] = []
        for (token, role) in zip(tokens, roles)
        where role == .distinctive || (onlyGeneric && role != .legalForm && role != .stopWord) {
            joined += token
        }
        joinedDistinctive = joined
    }

    /// How much a token weighs when matched.
    func weight(_ index: Int) -> Double {
        switch roles[index] {
        case .distinctive: 1.0
        case .generic, .place: onlyGeneric ? 1.0 : 0.3
        case .stopWord: 0.05
        case .legalForm: 0
        }
    }
}
