import Foundation

/// A name reduced to comparable tokens, each with its role.
public struct NormalizedName: Sendable, Hashable {
    public var tokens: [String]
    public var roles: [NameVocabulary.Role]

    public init(tokens: [String], roles: [NameVocabulary.Role]) {
        self.tokens = tokens
        self.roles = roles
    }

    /// The tokens joined by single spaces (how the store keeps the name index).
    public var text: String { tokens.joined(separator: " ") }

    /// Rebuilds a normalised name from its stored text (roles are derived again).
    public init(storedText: String) {
        tokens = storedText.split(separator: " ").map(String.init)
        roles = tokens.map { NameVocabulary.role(of: $0) }
    }

    /// Whether any token identifies the party (not only legal forms, descriptors and places).
    public var hasDistinctiveToken: Bool { roles.contains(.distinctive) }
}

/// The one normalisation pipeline for listed names and queries alike.
///
/// 1. Unicode compatibility folding (NFKC: full-width letters, ligatures, superscripts) and case folding.
/// 2. Invisible and control characters removed: zero-width spaces and joiners, bidirectional
///    overrides, BOMs, soft hyphens, C0 and C1 controls (the CSL's mojibake `U+0092` included).
/// 3. Diacritics removed (canonical decomposition, combining marks dropped) and special letters
///    spelled out (`ß` → `ss`, `æ` → `ae`, `ø` → `o`, `ł` → `l`).
/// 4. Apostrophes dropped (`Xi'an` → `xian`), `&` read as `and`, other punctuation and spacing
///    split tokens; runs of single letters are joined (`S.A.` → `sa`, `L L C` → `llc`).
/// 5. Cyrillic and Greek look-alikes folded to Latin inside Latin-looking tokens, whole Cyrillic and
///    Greek words transliterated (see ``Confusables``).
/// 6. Each token classified as distinctive, generic descriptor, place, legal form or stop word
///    (see ``NameVocabulary``).
///
/// For example:
/// ```swift
/// NameNormalizer.normalize("Hangzhou Hikvision Digital Technology Co., Ltd.").text
/// // "hangzhou hikvision digital technology co ltd"
/// NameNormalizer.normalize("НІКVІЅІОN\u{200B}").text  // "hikvision"
/// ```
public enum NameNormalizer {
    /// Bumped whenever the pipeline changes: a ledger whose projection holds names normalised by
    /// another version recomputes them when opened. Version 2 folds look-alike letters that have
    /// no transliteration (`ԝ`) in Cyrillic words too, so that normalising twice changes nothing.
    public static let version = 2

    private static let specialLetters: [Unicode.Scalar: String] = [
        "ß": "ss", "æ": "ae", "ø": "o", "œ": "oe", "đ": "d", "ð": "d", "ł": "l", "þ": "th", "ħ": "h", "ŧ": "t",
        "ŋ": "n", "ĸ": "k",
    ]
    private static let apostrophes: Set<UInt32> = [0x27, 0x2019, 0x2018, 0x02BC, 0x60, 0xB4, 0x02BB, 0x2032]

    /// Normalises `name` into tokens with roles.
    public static func normalize(_ name: String) -> NormalizedName {
        let tokens = joinSingleLetters(tokenize(name)).map { String(String.UnicodeScalarView(Confusables.fold($0))) }
            .filter { !$0.isEmpty }
        return NormalizedName(tokens: tokens, roles: tokens.map { NameVocabulary.role(of: $0) })
    }

    private static func tokenize(_ name: String) -> [[Unicode.Scalar]] {
        let isASCII = name.utf8.allSatisfy { $0 < 0x80 }
        let prepared =
            isASCII
            ? name.lowercased()
            : name.precomposedStringWithCompatibilityMapping.lowercased().decomposedStringWithCanonicalMapping
        var tokens: [[Unicode.Scalar]] = []
        var current: [Unicode.Scalar] = []
        func flush() {
            if !current.isEmpty { tokens.append(current) }
            current.removeAll(keepingCapacity: true)
        }
        for scalar in prepared.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                switch value {
                case 0x61...0x7A, 0x30...0x39: current.append(scalar)
                case 0x27, 0x60: continue
                case 0x26:
                    flush()
                    tokens.append(["a", "n", "d"])
                default: flush()
                }
                continue
            }
            if apostrophes.contains(value) { continue }
            let properties = scalar.properties
            switch properties.generalCategory {
            case .nonspacingMark, .enclosingMark, .spacingMark, .format, .control, .privateUse, .unassigned, .surrogate:
                continue  // diacritics, invisible characters, controls
            default: break
            }
            if let spelled = specialLetters[scalar] {
                current += spelled.unicodeScalars
            } else if properties.isAlphabetic || properties.numericType != nil {
                current.append(scalar)
            } else {
                flush()
            }
        }
        flush()
        return tokens
    }

    /// `s a` → `sa`: joins runs of two or more one-letter tokens (dotted abbreviations).
    private static func joinSingleLetters(_ tokens: [[Unicode.Scalar]]) -> [[Unicode.Scalar]] {
        var output: [[Unicode.Scalar]] = []
        var run: [Unicode.Scalar] = []
        var runLength = 0
        func flushRun() {
            if runLength >= 2 {
                output.append(run)
            } else if runLength == 1 {
                output.append(run)
            }
            run.removeAll()
            runLength = 0
        }
        for token in tokens {
            if token.count == 1, token[0].properties.isAlphabetic {
                run += token
                runLength += 1
            } else {
                flushRun()
                output.append(token)
            }
        }
        flushRun()
        return output
    }
}
