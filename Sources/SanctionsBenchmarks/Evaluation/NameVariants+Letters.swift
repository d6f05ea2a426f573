import SanctionsScreening

/// Variants that change letters inside words: typos, look-alikes, OCR, spelling by sound.
extension NameVariants {
    private static let homoglyphTable: [Character: Character] = [
        "a": "а", "e": "е", "o": "о", "p": "р", "c": "с", "x": "х", "i": "і", "A": "А", "E": "Е", "O": "О", "P": "Р",
        "C": "С", "H": "Н", "K": "К", "M": "М", "T": "Т", "X": "Х", "B": "В",
    ]
    private static let transliterations: [(String, String)] = [
        ("ou", "u"), ("ph", "f"), ("ck", "k"), ("kh", "h"), ("dh", "d"), ("q", "k"), ("w", "v"), ("ee", "i"),
        ("oo", "u"), ("y", "i"),
        ("mohammed", "muhammad"), ("mohamed", "mohammad"), ("abdul", "abd al"), ("ei", "ai"), ("tch", "ch"),
        ("ss", "s"), ("zh", "j"),
    ]
    /// What a scanner reads instead (letters of the upper-case forms OFAC writes, and lower case).
    private static let ocrTable: [(String, String)] = [
        ("O", "0"), ("I", "1"), ("l", "1"), ("S", "5"), ("B", "8"), ("M", "RN"), ("m", "rn"), ("W", "VV"),
        ("w", "vv"), ("D", "CL"), ("d", "cl"), ("o", "0"), ("Z", "2"), ("G", "6"),
    ]
    /// Spellings that sound the same.
    private static let soundTable: [(String, String)] = [
        ("PH", "F"), ("F", "PH"), ("CK", "K"), ("C", "K"), ("K", "C"), ("Z", "S"), ("S", "Z"), ("V", "W"),
        ("W", "V"), ("IE", "EE"), ("EE", "I"), ("OO", "U"), ("OU", "U"), ("X", "KS"), ("KS", "X"), ("GH", "G"),
        ("KH", "H"), ("Y", "I"), ("I", "Y"), ("Q", "K"), ("J", "DJ"), ("TH", "T"), ("SH", "SCH"),
    ]

    mutating func typo(_ words: [String]) -> String? {
        guard let index = Self.distinctive(words, minimumLength: 5).randomElement(using: &random) else { return nil }
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
        return copy.joined(separator: " ")
    }

    mutating func homoglyphs(_ name: String) -> String? {
        var letters = Array(name)
        let positions = letters.indices.filter { Self.homoglyphTable[letters[$0]] != nil }
        guard !positions.isEmpty else { return nil }
        for position in positions.shuffled(using: &random).prefix(3) {
            letters[position] = Self.homoglyphTable[letters[position]]!
        }
        return String(letters)
    }

    mutating func invisible(_ name: String) -> String? {
        var scalars = Array(name.unicodeScalars)
        guard scalars.count >= 3 else { return nil }
        for _ in 0..<2 {
            let position = Int.random(in: 1..<scalars.count, using: &random)
            scalars.insert(
                ["\u{200B}", "\u{200D}", "\u{00AD}", "\u{FEFF}", "\u{2060}"].randomElement(using: &random)!,
                at: position)
        }
        return String(String.UnicodeScalarView(scalars))
    }

    mutating func transliteration(_ name: String) -> String? {
        let lower = name.lowercased()
        let applicable = Self.transliterations.filter { lower.contains($0.0) }
        guard let (from, to) = applicable.randomElement(using: &random) else { return nil }
        return lower.replacingFirst(from, with: to)
    }

    /// Every vowel after a word's first letter left out ("MHMMD RHM").
    func vowelsDropped(_ words: [String]) -> String? {
        let vowels: Set<Character> = ["A", "E", "I", "O", "U", "a", "e", "i", "o", "u"]
        let dropped = words.map { word in
            guard Self.role(word) == .distinctive, let first = word.first else { return word }
            return String(first) + String(word.dropFirst().filter { !vowels.contains($0) })
        }
        return dropped.joined(separator: " ")
    }

    mutating func ocrConfusion(_ words: [String]) -> String? {
        replaceInOneWord(words, table: Self.ocrTable, keepFirstLetter: false)
    }

    mutating func soundAlike(_ words: [String]) -> String? {
        let upper = words.map { $0.uppercased() }
        return replaceInOneWord(upper, table: Self.soundTable, keepFirstLetter: false)
    }

    /// One replacement from `table` in one distinctive word of at least four letters.
    private mutating func replaceInOneWord(_ words: [String], table: [(String, String)], keepFirstLetter: Bool)
        -> String?
    {
        var options: [(index: Int, from: String, to: String)] = []
        for index in Self.distinctive(words, minimumLength: 4) {
            let body = keepFirstLetter ? String(words[index].dropFirst()) : words[index]
            for (from, to) in table where body.contains(from) { options.append((index, from, to)) }
        }
        guard let choice = options.randomElement(using: &random) else { return nil }
        var copy = words
        copy[choice.index] = copy[choice.index].replacingFirst(choice.from, with: choice.to)
        return copy.joined(separator: " ")
    }
}
