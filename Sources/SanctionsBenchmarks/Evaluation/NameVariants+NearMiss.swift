import SanctionsScreening

/// Near misses: names one decisive word away from a listed name.
extension NameVariants {
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

    /// A near miss of `name` in class `kind`; `vocabulary` holds distinctive words of other listed
    /// names (for `swappedWord`).
    public mutating func nearMiss(_ kind: NearMissClass, of name: String, vocabulary: [String]) -> String? {
        let words = name.split(separator: " ").map(String.init)
        let distinctive = Self.distinctive(words, minimumLength: 4)
        guard let index = distinctive.max(by: { words[$0].count < words[$1].count }) else { return nil }
        let original = NameNormalizer.normalize(words[index]).text.unicodeScalars.map(\.value)
        for _ in 0..<20 {
            let replacement: String
            switch kind {
            case .inventedWord: replacement = inventedWord(length: original.count)
            case .swappedWord:
                guard let word = vocabulary.randomElement(using: &random) else { return nil }
                replacement = word
            case .editedWord:
                guard words[index].count >= 5 else { return nil }
                replacement = edited(words[index], edits: max(3, words[index].count / 3))
            }
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

    /// `word` with `edits` letters after the first replaced by other letters, at distinct places.
    private mutating func edited(_ word: String, edits: Int) -> String {
        var letters = Array(word.uppercased())
        for position in Array(1..<letters.count).shuffled(using: &random).prefix(edits) {
            var replacement = letters[position]
            while replacement == letters[position] {
                replacement = Character(Unicode.Scalar(UInt8.random(in: 65...90, using: &random)))
            }
            letters[position] = replacement
        }
        return String(letters)
    }
}
