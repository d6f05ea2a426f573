/// Jaro-Winkler similarity of two strings given as arrays of Unicode scalar values, in 0...1.
///
/// Robust to transpositions ("Hikvsion") and rewarding a common prefix (up to four characters,
/// scaling factor 0.1), as in Winkler (1990).
public enum JaroWinkler {
    public static func similarity(_ a: [UInt32], _ b: [UInt32]) -> Double {
        if a == b { return a.isEmpty ? 0 : 1 }
        if a.isEmpty || b.isEmpty { return 0 }
        let (short, long) = a.count <= b.count ? (a, b) : (b, a)
        let window = max(0, long.count / 2 - 1)
        if long.count <= 64 { return masked(a, b, short: short, long: long, window: window) }
        var longMatched = [Bool](repeating: false, count: long.count)
        var shortMatches: [UInt32] = []
        shortMatches.reserveCapacity(short.count)
        var shortMatchedFlags = [Bool](repeating: false, count: short.count)
        for (i, scalar) in short.enumerated() {
            let start = max(0, i - window)
            let end = min(long.count - 1, i + window)
            if start > end { continue }
            for j in start...end where !longMatched[j] && long[j] == scalar {
                longMatched[j] = true
                shortMatchedFlags[i] = true
                break
            }
        }
        for (i, flag) in shortMatchedFlags.enumerated() where flag { shortMatches.append(short[i]) }
        let matches = shortMatches.count
        if matches == 0 { return 0 }
        var transpositions = 0
        var k = 0
        for (j, flag) in longMatched.enumerated() where flag {
            if long[j] != shortMatches[k] { transpositions += 1 }
            k += 1
        }
        return winkler(a, b, matches: matches, transpositions: transpositions, short: short.count, long: long.count)
    }

    /// The same computation with bit masks instead of arrays, for tokens of up to 64 scalars
    /// (every name token in practice): no allocation per comparison.
    private static func masked(_ a: [UInt32], _ b: [UInt32], short: [UInt32], long: [UInt32], window: Int) -> Double {
        var longMask: UInt64 = 0
        var shortMask: UInt64 = 0
        var matches = 0
        for i in 0..<short.count {
            let start = max(0, i - window)
            let end = min(long.count - 1, i + window)
            if start > end { continue }
            for j in start...end where longMask & (1 << UInt64(j)) == 0 && long[j] == short[i] {
                longMask |= 1 << UInt64(j)
                shortMask |= 1 << UInt64(i)
                matches += 1
                break
            }
        }
        if matches == 0 { return 0 }
        var transpositions = 0
        var remainingLong = longMask
        var remainingShort = shortMask
        while remainingLong != 0 {
            let j = remainingLong.trailingZeroBitCount
            let i = remainingShort.trailingZeroBitCount
            if long[j] != short[i] { transpositions += 1 }
            remainingLong &= remainingLong - 1
            remainingShort &= remainingShort - 1
        }
        return winkler(a, b, matches: matches, transpositions: transpositions, short: short.count, long: long.count)
    }

    /// Jaro from the match counts, then Winkler's common-prefix bonus.
    private static func winkler(
        _ a: [UInt32], _ b: [UInt32], matches: Int, transpositions: Int, short: Int, long: Int
    ) -> Double {
        let m = Double(matches)
        let jaro = (m / Double(short) + m / Double(long) + (m - Double(transpositions / 2)) / m) / 3
        var prefix = 0
        while prefix < min(4, short), a[prefix] == b[prefix] { prefix += 1 }
        return jaro + Double(prefix) * 0.1 * (1 - jaro)
    }
}

/// A coarse sound key for transliteration variants: the first letter, then consonant classes
/// with vowels, `h`, `w`, `y` and doubled letters dropped (`qaddafi` and `gadhafi` both → `k-t-f`).
enum PhoneticKey {
    static func make(_ token: [UInt32]) -> [UInt8] {
        var key: [UInt8] = []
        var previous: UInt8 = 0
        for (index, value) in token.enumerated() {
            guard value < 0x80 else { continue }
            let code: UInt8
            switch UInt8(value) {
            case UInt8(ascii: "b"), UInt8(ascii: "p"): code = 1
            case UInt8(ascii: "c"), UInt8(ascii: "k"), UInt8(ascii: "q"), UInt8(ascii: "g"): code = 2
            case UInt8(ascii: "d"), UInt8(ascii: "t"): code = 3
            case UInt8(ascii: "f"), UInt8(ascii: "v"): code = 4
            case UInt8(ascii: "s"), UInt8(ascii: "z"), UInt8(ascii: "x"): code = 5
            case UInt8(ascii: "j"): code = 6
            case UInt8(ascii: "l"): code = 7
            case UInt8(ascii: "r"): code = 8
            case UInt8(ascii: "m"), UInt8(ascii: "n"): code = 9
            case UInt8(ascii: "0")...UInt8(ascii: "9"): code = 20 + UInt8(value) - UInt8(ascii: "0")
            default: code = index == 0 ? 10 : 0  // a leading vowel counts once
            }
            if code != 0, code != previous { key.append(code) }
            previous = code
        }
        return key
    }

    /// Whether a token is written without vowels after its first letter ("MHMMD", "RHM", "ALKS",
    /// "BJ"): two or more ASCII letters, none of `aeiou` but the first.
    static func isVowelless(_ token: [UInt32]) -> Bool {
        guard token.count >= 2, token.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) else { return false }
        return !token.dropFirst().contains(where: isVowel)
    }

    /// Whether a scalar is one of `aeiou`.
    static func isVowel(_ scalar: UInt32) -> Bool {
        switch scalar {
        case 0x61, 0x65, 0x69, 0x6F, 0x75: true
        default: false
        }
    }
}
