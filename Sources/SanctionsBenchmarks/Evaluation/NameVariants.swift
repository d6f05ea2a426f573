import Foundation
public import SanctionsCore
import SanctionsImport
import SanctionsLedger
import SanctionsScreening

/// Systematic variants of listed names, the way clerks and evaders write them.
public enum VariantClass: String, CaseIterable, Sendable {
    case typo
    case wordOrder = "word-order"
    case legalForm = "legal-form"
    case homoglyph, invisible, transliteration, truncation
    case casePunctuation = "case-punctuation"
}

/// Generates variants of names with a seeded random generator.
public struct NameVariants {
    private var random: SplitMix64

    public init(seed: UInt64) {
        random = SplitMix64(seed: seed)
    }

    private static let homoglyphs: [Character: Character] = [
        "a": "а", "e": "е", "o": "о", "p": "р", "c": "с", "x": "х", "i": "і", "A": "А", "E": "Е", "O": "О", "P": "Р",
        "C": "С", "H": "Н", "K": "К", "M": "М", "T": "Т", "X": "Х", "B": "В",
    ]
    private static let transliterations: [(String, String)] = [
        ("ou", "u"), ("ph", "f"), ("ck", "k"), ("kh", "h"), ("dh", "d"), ("q", "k"), ("w", "v"), ("ee", "i"),
        ("oo", "u"), ("y", "i"),
        ("mohammed", "muhammad"), ("mohamed", "mohammad"), ("abdul", "abd al"), ("ei", "ai"), ("tch", "ch"),
        ("ss", "s"), ("zh", "j"),
    ]

    /// A variant of `name` in class `variant`, or nil when the class does not apply to it.
    public mutating func make(_ variant: VariantClass, of name: String) -> String? {
        let words = name.split(separator: " ").map(String.init)
        switch variant {
        case .typo:
            let candidates = words.indices.filter {
                words[$0].count >= 5
                    && NameVocabulary.role(of: NameNormalizer.normalize(words[$0]).text) == .distinctive
            }
            guard let index = candidates.randomElement(using: &random) else { return nil }
            var letters = Array(words[index])
            let position = Int.random(in: 1..<(letters.count - 1), using: &random)
            switch Int.random(in: 0..<4, using: &random) {
            case 0: letters[position] = Character(Unicode.Scalar(UInt8.random(in: 97...122, using: &random)))
            case 1: letters.remove(at: position)
            case 2: letters.insert(letters[position], at: position)
            default: letters.swapAt(position, position + 1 < letters.count ? position + 1 : position - 1)
            }
            var copy = words
            copy[index] = String(letters)
            let result = copy.joined(separator: " ")
            return result == name ? nil : result
        case .wordOrder:
            let core = words.filter { NameVocabulary.role(of: NameNormalizer.normalize($0).text) != .legalForm }
            guard core.count >= 2 else { return nil }
            return (Array(core.dropFirst()) + [core[0]]).joined(separator: " ")
        case .legalForm:
            let kept = words.filter { NameVocabulary.role(of: NameNormalizer.normalize($0).text) != .legalForm }
            if kept.count < words.count, !kept.isEmpty { return kept.joined(separator: " ") }
            return name + [" Co., Ltd.", " LLC", " Limited", " GmbH", " S.A."].randomElement(using: &random)!
        case .homoglyph:
            var letters = Array(name)
            let positions = letters.indices.filter { Self.homoglyphs[letters[$0]] != nil }
            guard !positions.isEmpty else { return nil }
            for position in positions.shuffled(using: &random).prefix(3) {
                letters[position] = Self.homoglyphs[letters[position]]!
            }
            return String(letters)
        case .invisible:
            var scalars = Array(name.unicodeScalars)
            guard scalars.count >= 3 else { return nil }
            for _ in 0..<2 {
                let position = Int.random(in: 1..<scalars.count, using: &random)
                scalars.insert(
                    ["\u{200B}", "\u{200D}", "\u{00AD}", "\u{FEFF}", "\u{2060}"].randomElement(using: &random)!,
                    at: position)
            }
            return String(String.UnicodeScalarView(scalars))
        case .transliteration:
            let lower = name.lowercased()
            let applicable = Self.transliterations.filter { lower.contains($0.0) }
            guard let (from, to) = applicable.randomElement(using: &random) else { return nil }
            return lower.replacingFirst(from, with: to)
        case .truncation:
            guard words.count >= 3 else { return nil }
            let index = Int.random(in: 1..<words.count, using: &random)
            var copy = words
            copy.remove(at: index)
            let result = copy.joined(separator: " ")
            return NameNormalizer.normalize(result).hasDistinctiveToken ? result : nil
        case .casePunctuation:
            let stripped = name.lowercased().unicodeScalars.map {
                $0.properties.isAlphabetic || $0.properties.numericType != nil ? Character($0) : " "
            }
            return String(stripped).split(separator: " ").joined(separator: "  ")
        }
    }

    /// An invented word of `length` letters, from syllables (not a word of any list).
    public mutating func inventedWord(length: Int) -> String {
        let syllables = [
            "ba", "ke", "lo", "mu", "ri", "sa", "to", "ve", "zo", "qui", "dra", "ful", "gen", "hom", "jat", "pex",
            "wun", "yor",
        ]
        var word = ""
        while word.count < length { word += syllables.randomElement(using: &random)! }
        return String(word.prefix(max(3, length))).uppercased()
    }

    /// A name that must not match `name`: its longest distinctive word replaced by an unrelated word.
    public mutating func nearMiss(of name: String, vocabulary: [String]) -> String? {
        let words = name.split(separator: " ").map(String.init)
        let distinctive = words.indices.filter {
            NameVocabulary.role(of: NameNormalizer.normalize(words[$0]).text) == .distinctive && words[$0].count >= 4
        }
        guard let index = distinctive.max(by: { words[$0].count < words[$1].count }) else { return nil }
        let original = NameNormalizer.normalize(words[index]).text.unicodeScalars.map(\.value)
        for _ in 0..<20 {
            let replacement =
                vocabulary.isEmpty ? inventedWord(length: original.count) : vocabulary.randomElement(using: &random)!
            let candidate = NameNormalizer.normalize(replacement).text.unicodeScalars.map(\.value)
            guard abs(candidate.count - original.count) <= 3, JaroWinkler.similarity(candidate, original) < 0.75 else {
                continue
            }
            var copy = words
            copy[index] = replacement
            return copy.joined(separator: " ")
        }
        return nil
    }
}

extension String {
    func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let range = range(of: target) else { return self }
        return replacingCharacters(in: range, with: replacement)
    }
}
