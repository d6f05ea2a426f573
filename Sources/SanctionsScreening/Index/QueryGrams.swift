/// The trigrams a query is looked up by (`name-tokens-v2`): those of its looked-up tokens, of
/// their OCR read-backs and sound spellings ("rnikam" is also looked up as "mikam"), and of its
/// distinctive tokens joined; the first two of each token are its head.
///
/// A name is scored when it shares 40% of them (two at least) and either one of the heads or
/// 60% of them: "Rasion" is not looked up by the "-sion" every "...SION" name ends with, but a
/// first letter mistyped ("Tasion") still finds it by the rest.
struct QueryGrams {
    private(set) var grams = Set<UInt64>()
    private(set) var heads = Set<UInt64>()
    /// How many grams the query's own spelling has: the shares are of these (the read-backs and
    /// sound spellings are more ways to find a name, not more to find).
    private(set) var spelled = 0

    init(_ query: PreparedName, indexed: (Int) -> Bool) {
        for index in query.tokens.indices where indexed(index) { add(query.tokens[index]) }
        add(query.joinedDistinctive)
        spelled = grams.count
        for index in query.tokens.indices where indexed(index) {
            for spelling in [query.visual[index], query.sound[index]] where !spelling.isEmpty { add(spelling) }
        }
    }

    private mutating func add(_ token: [UInt32]) {
        NameIndex.grams(of: token, into: &grams)
        guard !token.isEmpty else { return }
        let padded: [UInt32] = [0x5E] + token + [0x24]
        for start in 0..<min(2, padded.count - 2) {
            heads.insert(NameIndex.gram(padded[start], padded[start + 1], padded[start + 2]))
        }
    }

    /// The names of `postings` (`count` names in all) that pass the test above.
    func candidates(postings: [UInt64: [Int32]], count: Int) -> [Int32] {
        NameIndex.candidates(
            sharing: grams, basis: spelled, heads: heads, withoutHeadShare: 0.6, postings: postings, count: count,
            share: NameIndex.sharedGramShare, atLeast: 2)
    }
}
