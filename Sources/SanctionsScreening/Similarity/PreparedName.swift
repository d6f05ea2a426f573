/// A normalised name ready for fast scoring: scalar arrays, roles, weights and sound keys. A class,
/// so that scoring thousands of candidates passes one reference each, not a dozen arrays.
public final class PreparedName: Sendable {
    public let normalized: NormalizedName
    /// The matcher version whose vocabulary gave the roles.
    public let algorithm: MatchingAlgorithm
    let tokens: [[UInt32]]
    let phonetic: [[UInt8]]
    /// Each token as a scanner might have misread it, read back ("0" → "o", "rn" → "m"); empty
    /// when reading back changes nothing.
    let visual: [[UInt32]]
    /// Each token respelled by sound ("micam" → "mikam"); empty when that changes nothing.
    let sound: [[UInt32]]
    /// Whether each token is written without vowels after its first letter ("MHMMD", "RHM").
    let vowelless: [Bool]
    /// The one token without vowels, when the name has only one and it has three letters or
    /// fewer: it may be an acronym, and pairs only with a word at most two letters longer.
    let loneShortVowelless: Int?
    let roles: [NameVocabulary.Role]
    /// Distinctive tokens joined, for names split or joined differently ("Sense Time" / "SenseTime").
    let joinedDistinctive: [UInt32]
    /// Whether the name has no distinctive token (then descriptors and places count fully).
    let onlyGeneric: Bool
    /// How many tokens carry weight (legal forms and titles do not).
    let weightedTokens: Int

    public init(_ normalized: NormalizedName, algorithm: MatchingAlgorithm = .current) {
        self.normalized = normalized
        self.algorithm = algorithm
        tokens = normalized.tokens.map { $0.unicodeScalars.map(\.value) }
        phonetic = tokens.map(PhoneticKey.make)
        let readBack = algorithm >= .tokensV2
        visual = tokens.map { readBack ? OCRReading.readBack($0) : [] }
        sound = tokens.map { readBack ? SoundSpelling.make($0) : [] }
        var roles =
            algorithm == .current
            ? normalized.roles : normalized.tokens.map { NameVocabulary.role(of: $0, algorithm: algorithm) }
        if readBack {
            var respelled = roles
            for index in roles.indices
            where roles[index] == .distinctive
                && NameVocabulary.looksLikeLegalForm(tokens[index], respelled: sound[index])
            {
                respelled[index] = .legalForm
            }
            // A name made only of words that sound like legal forms ("KK Compagnie") keeps them:
            // a name needs a word that counts, or it would not match even itself.
            if respelled.contains(where: { $0.weighs && $0 != .stopWord }) { roles = respelled }
        }
        var vowelless = zip(tokens, roles).map { readBack && $1 == .distinctive && PhoneticKey.isVowelless($0) }
        // A lone word of three letters or fewer without vowels may be an acronym ("HMN
        // Technologies"): it stands for a word of at most two letters more ("SS" for "SES", not
        // "HMN" for "HAMOON"), unless the name has another word without vowels ("MHMMD RHM").
        let vowellessCount = vowelless.filter { $0 }.count
        if vowellessCount == 1, let lone = vowelless.firstIndex(of: true), tokens[lone].count <= 3 {
            loneShortVowelless = lone
        } else {
            loneShortVowelless = nil
        }
        // A name written without vowels ("RDRGZ ESPNZ, Mr Antn"): its short words that read as a
        // title or a particle ("Mr" for "Mario", "Al" for "Ali") are words of the name too.
        if vowellessCount >= 2 {
            for index in roles.indices
            where (roles[index] == .title || roles[index] == .stopWord) && PhoneticKey.isVowelless(tokens[index]) {
                roles[index] = .distinctive
                vowelless[index] = true
            }
        }
        self.vowelless = vowelless
        self.roles = roles
        onlyGeneric = !roles.contains(.distinctive)
        weightedTokens = roles.filter { $0.weighs && $0 != .stopWord }.count
        var joined: [UInt32] = []
        for (token, role) in zip(tokens, roles)
        where role == .distinctive || (onlyGeneric && role.weighs && role != .stopWord) {
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
        case .title: 1.0  // when paired; an unpaired title costs the query nothing (see NameScorer)
        case .legalForm: 0
        }
    }
}

extension NameVocabulary.Role {
    /// Whether tokens of this role count at all (legal forms and titles do not).
    var weighs: Bool { self != .legalForm && self != .title }
}
