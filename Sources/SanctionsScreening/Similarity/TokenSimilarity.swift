/// The similarity of two tokens, in 0...1, and why they are similar.
enum TokenSimilarity {
    /// Compares token `i` of `a` with token `j` of `b`, with the rules of `a`'s algorithm.
    static func compare(_ a: PreparedName, _ i: Int, _ b: PreparedName, _ j: Int) -> (Double, TokenPairing.Kind) {
        let x = a.tokens[i]
        let y = b.tokens[j]
        if x == y { return (1, .exact) }
        let similarity = baseline(x, y, a.phonetic[i], b.phonetic[j])
        // A read-back counts only when it says more than the spelling ("hikkvision" is 0.98 as written).
        if a.algorithm >= .tokensV2, let respelled = readBack(a, i, b, j), respelled.0 > similarity { return respelled }
        return (similarity, similarity >= 0.88 && similarity < 0.9 && isPrefix(x, y) ? .prefix : .similar)
    }

    /// The comparisons `name-tokens-v2` adds: OCR confusions read back, spellings by sound, words
    /// written without vowels compared by their consonants.
    private static func readBack(_ a: PreparedName, _ i: Int, _ b: PreparedName, _ j: Int)
        -> (Double, TokenPairing.Kind)?
    {
        let x = a.tokens[i]
        let y = b.tokens[j]
        let visualX = a.visual[i].isEmpty ? x : a.visual[i]
        let visualY = b.visual[j].isEmpty ? y : b.visual[j]
        if !a.visual[i].isEmpty || !b.visual[j].isEmpty, visualX == visualY { return (0.95, .ocr) }
        if min(x.count, y.count) >= 3, !a.sound[i].isEmpty || !b.sound[j].isEmpty,
            (a.sound[i].isEmpty ? x : a.sound[i]) == (b.sound[j].isEmpty ? y : b.sound[j])
        {
            return (0.93, .sound)
        }
        if a.vowelless[i] != b.vowelless[j], x.first == y.first, max(x.count, y.count) >= 3,
            a.loneShortVowelless != i || y.count <= x.count + 2, b.loneShortVowelless != j || x.count <= y.count + 2,
            skeleton(x) == skeleton(y)
        {
            return (0.92, .consonants)
        }
        return nil
    }

    /// A token's consonants: the first letter, then every letter but `aeiou`, doubles written once.
    static func skeleton(_ token: [UInt32]) -> [UInt32] {
        var output: [UInt32] = []
        for (index, value) in token.enumerated()
        where index == 0 || !PhoneticKey.isVowel(value) {
            if output.last != value { output.append(value) }
        }
        return output
    }

    private static func isPrefix(_ a: [UInt32], _ b: [UInt32]) -> Bool {
        a.count <= b.count ? b.starts(with: a) : a.starts(with: b)
    }

    /// The comparison of `name-tokens-v1`: exact, initial, prefix, Jaro-Winkler and sound key.
    static func baseline(_ a: [UInt32], _ b: [UInt32], _ phoneticA: [UInt8], _ phoneticB: [UInt8]) -> Double {
        if a == b { return 1 }
        if a.count == 1 || b.count == 1 { return a.first == b.first ? 0.85 : 0 }
        // Two- and three-letter tokens are acronyms: "HM" is not "HMN", "HUA" is not "Huawei".
        if min(a.count, b.count) <= 3 { return 0 }
        // Short tokens: one letter off is a different word more often than a typo ("maria"/"marie").
        let shortLimit = min(a.count, b.count) <= 5 ? 0.86 : 1.0
        let shorter = a.count <= b.count ? a : b
        let longer = a.count <= b.count ? b : a
        if shorter.count >= 4, shorter.count * 2 >= longer.count, longer.starts(with: shorter) { return 0.88 }
        var similarity = JaroWinkler.similarity(a, b)
        // Below 0.9, Jaro-Winkler says "different word" more often than "typo": count the gap twice.
        if similarity < 0.9 { similarity = max(0, 2 * similarity - 0.9) }
        if phoneticA.count >= 2, phoneticA == phoneticB, similarity > 0.5 { similarity = max(similarity, 0.9) }
        return min(similarity, shortLimit)
    }
}
