/// A version of the name matcher. A screening snapshot screens with one (``ScreeningOptions``,
/// `--algorithm` on `screen`, `rescreen`, `lookback`, `eval` and `bench screen`); every verdict
/// and report names it, and every version a build keeps can be chosen again, so that an answer
/// made with an older one can be reproduced exactly.
public enum MatchingAlgorithm: Int, Sendable, Hashable, CaseIterable, Comparable {
    /// Tokens paired by Jaro-Winkler, prefixes and a sound key; descriptors and places cheap to
    /// omit; split and joined words compared joined (2026-12).
    case tokensV1 = 1
    /// `tokensV1` and: titles and honorifics ignored; spelled-out legal forms ignored; initials
    /// paired with the words they abbreviate; a word paired with the two or three words it joins
    /// ("ALRAHIM" with "AL RAHIM"); words without vowels paired by their consonants (and found
    /// through a consonant index); OCR confusions read back ("0"/"O", "rn"/"m"); a distinctive
    /// word on each side left unpaired counted as a conflict; text cut mid-word a possible match.
    case tokensV2 = 2

    /// The version used unless another is asked for.
    public static let current = MatchingAlgorithm.tokensV2

    /// The name `--algorithm` accepts and verdicts carry.
    public var name: String {
        switch self {
        case .tokensV1: "name-tokens-v1"
        case .tokensV2: "name-tokens-v2"
        }
    }

    /// What the version does, in a line (for a server's list of algorithms).
    public var summary: String {
        switch self {
        case .tokensV1: "Name tokens paired by Jaro-Winkler, prefixes and a sound key (2026-12)."
        case .tokensV2:
            "name-tokens-v1 with titles and legal forms ignored, initials, joined particles, consonant "
                + "skeletons, OCR confusions and truncation (the default)."
        }
    }

    /// The algorithm called `name`, if this build keeps it.
    public init?(name: String) {
        guard let match = Self.allCases.first(where: { $0.name == name }) else { return nil }
        self = match
    }

    public static func < (lhs: MatchingAlgorithm, rhs: MatchingAlgorithm) -> Bool { lhs.rawValue < rhs.rawValue }
}
