import Foundation
import SanctionsScreening

/// Variants that change words: their order, legal forms, words left out or cut, initials,
/// titles, joined particles, punctuation.
extension NameVariants {
    private static let titles = [
        "Dr.", "Col.", "Gen.", "Sheikh", "Hajji", "Mr", "Mr.", "Mrs.", "Prof.", "Eng.", "Maj.", "Capt.", "Haji",
    ]
    private static let suffixes = ["Jr.", "Sr.", "II"]
    /// Particles written apart or hyphenated in listed names and joined by others.
    private static let particles: Set<String> = [
        "al", "el", "abd", "abu", "bin", "ibn", "bint", "de", "del", "della", "da", "di", "du", "la", "le", "van",
        "von", "der", "den", "ul", "ud", "ben",
    ]

    func wordOrder(_ words: [String]) -> String? {
        let core = words.filter { Self.role($0) != .legalForm }
        guard core.count >= 2 else { return nil }
        return (Array(core.dropFirst()) + [core[0]]).joined(separator: " ")
    }

    mutating func legalForm(_ words: [String], name: String) -> String? {
        let kept = words.filter { Self.role($0) != .legalForm }
        if kept.count < words.count, !kept.isEmpty { return kept.joined(separator: " ") }
        return name + [" Co., Ltd.", " LLC", " Limited", " GmbH", " S.A."].randomElement(using: &random)!
    }

    /// A word other than the first left out (for people: one of the given names).
    mutating func wordDropped(_ words: [String]) -> String? {
        let weighted = words.indices.filter { $0 > 0 && Self.role(words[$0]) != .legalForm }
        guard words.count >= 3, let index = weighted.randomElement(using: &random) else { return nil }
        var copy = words
        copy.remove(at: index)
        return copy.joined(separator: " ")
    }

    /// The text cut at 55 to 85 percent of its length, often mid-word.
    mutating func truncated(_ name: String) -> String? {
        guard name.count >= 12 else { return nil }
        let length = Int(Double(name.count) * Double.random(in: 0.55...0.85, using: &random))
        let cut = String(name.prefix(length)).trimmingCharacters(in: .whitespaces.union(.punctuationCharacters))
        return cut.split(separator: " ").count >= 2 ? cut : nil
    }

    func casePunctuation(_ name: String) -> String? {
        let stripped = name.lowercased().unicodeScalars.map {
            $0.properties.isAlphabetic || $0.properties.numericType != nil ? Character($0) : " "
        }
        return String(stripped).split(separator: " ").joined(separator: "  ")
    }

    /// People: every given name as an initial ("A. M. RAHIMI" or "RAHIMI, A.M."); organisations:
    /// the first of two or more distinctive words as an initial.
    mutating func initials(_ words: [String], individual: Bool) -> String? {
        if individual {
            guard let comma = words.firstIndex(where: { $0.hasSuffix(",") }), comma + 1 < words.count else {
                return nil
            }
            let surname = words[...comma].joined(separator: " ").dropLast()
            let given = words[(comma + 1)...].compactMap { $0.first.map { "\($0)." } }
            return Bool.random(using: &random)
                ? (given + [String(surname)]).joined(separator: " ")
                : surname + ", " + given.joined()
        }
        let distinctive = Self.distinctive(words, minimumLength: 3)
        guard distinctive.count >= 2, let first = words[distinctive[0]].first else { return nil }
        var copy = words
        copy[distinctive[0]] = "\(first)."
        return copy.joined(separator: " ")
    }

    /// A title before the name or a suffix after it.
    mutating func honorific(_ words: [String]) -> String? {
        if Int.random(in: 0..<5, using: &random) == 0 {
            return (words + [Self.suffixes.randomElement(using: &random)!]).joined(separator: " ")
        }
        let title = Self.titles.randomElement(using: &random)!
        if let comma = words.firstIndex(where: { $0.hasSuffix(",") }), Bool.random(using: &random) {
            var copy = words
            copy.insert(title, at: comma + 1)
            return copy.joined(separator: " ")
        }
        return ([title] + words).joined(separator: " ")
    }

    /// A particle joined to the next word ("AL RAHIM" → "ALRAHIM"), or a hyphen left out.
    mutating func particleJoined(_ words: [String]) -> String? {
        var options: [[String]] = []
        for index in words.indices.dropLast()
        where Self.particles.contains(words[index].lowercased()) && Self.role(words[index + 1]) != .legalForm {
            var copy = words
            copy[index] += copy.remove(at: index + 1)
            options.append(copy)
        }
        for index in words.indices {
            let parts = words[index].split(separator: "-")
            guard parts.count == 2, let head = parts.first, Self.particles.contains(head.lowercased()) else {
                continue
            }
            var copy = words
            copy[index] = parts.joined()
            options.append(copy)
        }
        return options.randomElement(using: &random)?.joined(separator: " ")
    }
}
