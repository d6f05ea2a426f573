import Foundation

/// A screening query ready for matching: the whole name and, when it holds several names
/// ("X (Y)", "X a.k.a. Y", "X d/b/a Y", "X, formerly Y"), each of them, so that every name the
/// query gives is screened and the best match of each is kept.
///
/// For example `"Dawning Information Industry Co., Ltd. (Sugon)"` is screened as itself, as
/// `"Dawning Information Industry Co., Ltd."` and as `"Sugon"`.
public struct PreparedQuery: Sendable {
    /// The whole query.
    public let whole: PreparedName
    /// The names it holds besides the whole (empty when it holds one name).
    public let parts: [PreparedName]

    public init(_ query: String, algorithm: MatchingAlgorithm = .current) {
        whole = PreparedName(NameNormalizer.normalize(query), algorithm: algorithm)
        let names = Self.names(in: query)
        parts =
            names.count > 1
            ? names.map { PreparedName(NameNormalizer.normalize($0), algorithm: algorithm) }.filter(
                \.normalized.hasDistinctiveToken) : []
    }

    /// Every name to screen: the whole, then its parts.
    public var all: [PreparedName] { [whole] + parts }

    /// A key that is the same exactly when two queries are screened the same way.
    public var key: String { all.map(\.normalized.text).joined(separator: "|") }

    /// Words that join two names of one party in a query, lowercased and padded with spaces.
    static let separators = [
        ", a.k.a. ", " a.k.a. ", " a.k.a ", ", aka ", " aka ", ", f.k.a. ", " f.k.a. ", " f.k.a ", " fka ", " n.k.a. ",
        " nka ", ", d/b/a ", " d/b/a ", " dba ", " t/a ", ", also known as ", " also known as ",
        ", formerly known as ", " formerly known as ", ", formerly ", " formerly ", ", trading as ", " trading as ",
    ]

    /// The names a query holds, in order: the text outside parentheses split at the separators,
    /// then each parenthesised part. One element when the query holds a single name.
    public static func names(in query: String) -> [String] {
        var outside = ""
        var inside: [String] = []
        var depth = 0
        var current = ""
        for character in query {
            switch character {
            case "(", "[":
                if depth == 0 { outside += " " } else { current.append(character) }
                depth += 1
            case ")",
                "]" where depth > 0:
                depth -= 1
                if depth == 0 {
                    inside.append(current)
                    current = ""
                } else {
                    current.append(character)
                }
            default:
                if depth == 0 { outside.append(character) } else { current.append(character) }
            }
        }
        if depth > 0 { outside += " " + current }  // an unclosed parenthesis is part of the name
        var pieces = [" " + outside.lowercased() + " "]
        for separator in separators {
            pieces = pieces.flatMap { $0.components(separatedBy: separator) }
        }
        let names = (pieces + inside.map { $0.lowercased() }).map {
            $0.trimmingCharacters(in: CharacterSet(charactersIn: " ,;").union(.whitespaces))
        }
        return names.filter { $0.filter(\.isLetter).count >= 3 }
    }
}
