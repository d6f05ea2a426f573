import Foundation
public import SanctionsCore
import SanctionsImport
import SanctionsLedger
import SanctionsScreening

/// Systematic variants of listed names, the way clerks, OCR and evaders write them.
public enum VariantClass: String, CaseIterable, Sendable {
    case typo
    case wordOrder = "word-order"
    case legalForm = "legal-form"
    case homoglyph, invisible, transliteration
    /// "Rahimi, Mohammad" for "Rahimi, Ali Mohammad": a word other than the first left out.
    case wordDropped = "middle-word-dropped"
    /// "Golden Mountain Trad" for "Golden Mountain Trading Company": the text cut short, mid-word.
    case truncated
    case casePunctuation = "case-punctuation"
    /// "MHMMD RHM" for "MOHAMMAD RAHIM".
    case vowelsDropped = "vowels-dropped"
    /// "A. M. RAHIMI" for "RAHIMI, Ali Mohammad"; "G. Mountain Trading" for "Golden Mountain Trading".
    case initials
    /// "Dr.", "Col.", "Sheikh", "Hajji", "Mr", "Jr." added to a person's name.
    case honorific
    /// "ALRAHIM" for "AL-RAHIM", "DELACRUZ" for "DE LA CRUZ".
    case particleJoined = "particle-joined"
    /// "0" for "O", "1" for "l", "rn" for "m".
    case ocr = "ocr-confusion"
    /// "ph" for "f", "k" for "c", "z" for "s" in one word.
    case soundAlike = "sound-alike"

    /// Whether a review (not a certain match) is the right answer for this class.
    public var reviewSuffices: Bool { self == .wordDropped || self == .truncated }
}

/// Near misses: names that must not match any listed name.
public enum NearMissClass: String, CaseIterable, Sendable {
    /// The listed name's most distinctive word replaced by an invented word.
    case inventedWord = "invented-word"
    /// The listed name's most distinctive word replaced by a distinctive word of another listed name.
    case swappedWord = "word-of-another-listed-name"
    /// The listed name's most distinctive word changed in a third of its letters, at least three (beyond a typo).
    case editedWord = "edits-beyond-a-typo"

    /// The position of this class in `allCases`.
    var index: Int { Self.allCases.firstIndex(of: self)! }
}

/// Generates variants of names with a seeded random generator.
public struct NameVariants {
    var random: SplitMix64

    public init(seed: UInt64) {
        random = SplitMix64(seed: seed)
    }

    /// A variant of `name` in class `variant`, or nil when the class does not apply to it.
    /// `individual` says whether the name is a person's ("SURNAME, Given Names" in OFAC's files).
    public mutating func make(_ variant: VariantClass, of name: String, individual: Bool = false) -> String? {
        let words = name.split(separator: " ").map(String.init)
        let result: String?
        switch variant {
        case .typo: result = typo(words)
        case .wordOrder: result = wordOrder(words)
        case .legalForm: result = legalForm(words, name: name)
        case .homoglyph: result = homoglyphs(name)
        case .invisible: result = invisible(name)
        case .transliteration: result = transliteration(name)
        case .wordDropped: result = wordDropped(words)
        case .truncated: result = truncated(name)
        case .casePunctuation: result = casePunctuation(name)
        case .vowelsDropped: result = vowelsDropped(words)
        case .initials: result = initials(words, individual: individual)
        case .honorific: result = individual ? honorific(words) : nil
        case .particleJoined: result = particleJoined(words)
        case .ocr: result = ocrConfusion(words)
        case .soundAlike: result = soundAlike(words)
        }
        guard let result, result != name, Self.hasDistinctiveWord(result) else { return nil }
        return result
    }

    /// The vocabulary that decides which words are distinctive, fixed so that the variants stay the
    /// same whichever matcher is measured.
    static let vocabulary = MatchingAlgorithm.tokensV2

    /// The role of one raw word (after normalisation), in ``vocabulary``.
    static func role(_ word: String) -> NameVocabulary.Role {
        NameVocabulary.role(of: NameNormalizer.normalize(word).text, algorithm: vocabulary)
    }

    /// Whether `name` has a distinctive word (in the fixed vocabulary of ``role(_:)``).
    static func hasDistinctiveWord(_ name: String) -> Bool {
        NameNormalizer.normalize(name).tokens.contains {
            NameVocabulary.role(of: $0, algorithm: vocabulary) == .distinctive
        }
    }

    /// Positions of distinctive words of at least `minimumLength` characters.
    static func distinctive(_ words: [String], minimumLength: Int) -> [Int] {
        words.indices.filter { words[$0].count >= minimumLength && role(words[$0]) == .distinctive }
    }
}

extension String {
    func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let range = range(of: target) else { return self }
        return replacingCharacters(in: range, with: replacement)
    }
}
