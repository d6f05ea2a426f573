/// A token respelled by sound, so that spellings that sound alike compare equal ("MICAM" and
/// "MIKAM", "ZTARS" and "STARS", "COURF" and "KOURF", "GRUP" and "GROUP"), while vowels that
/// differ stay different ("MARIA" is not "MARIE").
enum SoundSpelling {
    private static let digraphs: [([UInt32], [UInt32])] = [
        ("sch", "sh"), ("ph", "f"), ("ck", "k"), ("kh", "h"), ("gh", "g"), ("dj", "j"), ("th", "t"), ("ee", "i"),
        ("oo", "u"), ("ou", "u"), ("ie", "i"), ("ks", "x"),
    ].map { (Array($0.0.unicodeScalars.map(\.value)), Array($0.1.unicodeScalars.map(\.value))) }
    private static let letters: [UInt32: UInt32] = [0x63: 0x6B, 0x71: 0x6B, 0x7A: 0x73, 0x77: 0x76, 0x79: 0x69]

    /// The respelled token, or empty when respelling changes nothing.
    static func make(_ token: [UInt32]) -> [UInt32] {
        var output: [UInt32] = []
        output.reserveCapacity(token.count)
        var index = 0
        outer: while index < token.count {
            for (from, to) in digraphs where token[index] == from[0] && index + from.count <= token.count {
                if Array(token[index..<(index + from.count)]) == from {
                    output += to.map { letters[$0] ?? $0 }
                    index += from.count
                    continue outer
                }
            }
            output.append(letters[token[index]] ?? token[index])
            index += 1
        }
        var collapsed: [UInt32] = []
        for value in output where collapsed.last != value || !(0x61...0x7A).contains(value) { collapsed.append(value) }
        return collapsed == token ? [] : collapsed
    }
}
