/// Letters from other scripts that look like Latin letters, and transliterations of whole
/// Cyrillic and Greek words.
///
/// A token that mixes Latin with look-alikes (or consists only of look-alikes) is folded letter by
/// letter to the Latin it imitates: `НІКVІЅІОN` → `hikvision`. A token written in Cyrillic or Greek
/// with letters that have no Latin look-alike is transliterated instead: `Сбербанк` → `sberbank`.
enum Confusables {
    /// Lowercase look-alikes (the input is already case-folded) → Latin.
    static let lookAlikes: [Unicode.Scalar: String] = [
        // Cyrillic
        "а": "a", "в": "b", "е": "e", "ё": "e", "к": "k", "м": "m", "н": "h", "о": "o", "р": "p", "с": "c", "т": "t",
        "у": "y",
        "х": "x", "ѕ": "s", "і": "i", "ї": "i", "ј": "j", "һ": "h", "ԁ": "d", "ԛ": "q", "ԝ": "w", "ү": "y", "ӏ": "l",
        "ь": "b",
        // Greek
        "α": "a", "β": "b", "ε": "e", "ζ": "z", "η": "n", "ι": "i", "κ": "k", "μ": "m", "ν": "v", "ο": "o", "ρ": "p",
        "τ": "t",
        "υ": "u", "χ": "x", "γ": "y", "ϲ": "c", "ϳ": "j",
        // Latin look-alikes outside ASCII
        "ı": "i", "ɩ": "i", "ℓ": "l", "ɡ": "g", "ꞵ": "b",
    ]

    /// Cyrillic → Latin transliteration (BGN/PCGN-like, simplified).
    static let cyrillic: [Unicode.Scalar: String] = [
        "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z", "и": "i", "й": "y",
        "к": "k",
        "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh",
        "ц": "ts",
        "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya", "і": "i",
        "ї": "yi",
        "є": "ye", "ґ": "g", "ў": "u", "ј": "j", "ђ": "dj", "ћ": "c", "љ": "lj", "њ": "nj", "џ": "dz", "ѕ": "dz",
    ]

    /// Greek → Latin transliteration (simplified).
    static let greek: [Unicode.Scalar: String] = [
        "α": "a", "β": "v", "γ": "g", "δ": "d", "ε": "e", "ζ": "z", "η": "i", "θ": "th", "ι": "i", "κ": "k", "λ": "l",
        "μ": "m",
        "ν": "n", "ξ": "x", "ο": "o", "π": "p", "ρ": "r", "σ": "s", "ς": "s", "τ": "t", "υ": "y", "φ": "f", "χ": "ch",
        "ψ": "ps", "ω": "o",
    ]

    static func isCyrillic(_ scalar: Unicode.Scalar) -> Bool { (0x0400...0x052F).contains(scalar.value) }
    static func isGreek(_ scalar: Unicode.Scalar) -> Bool { (0x0370...0x03FF).contains(scalar.value) }
    static func isLatin(_ scalar: Unicode.Scalar) -> Bool {
        (0x61...0x7A).contains(scalar.value) || (0x00C0...0x024F).contains(scalar.value)
    }

    /// Folds one token (lowercase) to Latin when it is written with other scripts.
    static func fold(_ token: [Unicode.Scalar]) -> [Unicode.Scalar] {
        guard token.contains(where: { isCyrillic($0) || isGreek($0) }) else { return token }
        let mixed = token.contains(where: isLatin)
        let allLookAlike = token.allSatisfy { isLatin($0) || !$0.properties.isAlphabetic || lookAlikes[$0] != nil }
        var output: [Unicode.Scalar] = []
        for scalar in token {
            if mixed || allLookAlike, let latin = lookAlikes[scalar] {
                output += latin.unicodeScalars
            } else if let latin = cyrillic[scalar] ?? greek[scalar] ?? lookAlikes[scalar] {
                // A letter with no transliteration (`ԝ`) still folds to its look-alike: every
                // mapped letter becomes ASCII in one pass, so folding twice changes nothing.
                output += latin.unicodeScalars
            } else {
                output.append(scalar)
            }
        }
        return output
    }
}
