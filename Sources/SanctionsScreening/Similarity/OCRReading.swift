/// Letters a scanner confuses, read back to the letters they stand for: digits inside words
/// ("0" → "o", "1" → "l", "5" → "s", "8" → "b", "2" → "z", "6" → "g") and letter pairs that look
/// like one letter ("rn" → "m", "vv" → "w", "cl" → "d").
enum OCRReading {
    private static let digits: [UInt32: UInt32] = [
        0x30: 0x6F, 0x31: 0x6C, 0x35: 0x73, 0x38: 0x62, 0x32: 0x7A, 0x36: 0x67,
    ]
    private static let pairs: [(UInt32, UInt32, UInt32)] = [(0x72, 0x6E, 0x6D), (0x76, 0x76, 0x77), (0x63, 0x6C, 0x64)]

    /// The token read back, or empty when that changes nothing (or the token is a number).
    static func readBack(_ token: [UInt32]) -> [UInt32] {
        let letters = token.filter { $0 >= 0x61 && $0 <= 0x7A }.count
        guard letters >= 2 else { return [] }
        var output: [UInt32] = []
        output.reserveCapacity(token.count)
        var index = 0
        while index < token.count {
            let value = token[index]
            if let letter = digits[value] {
                output.append(letter)
                index += 1
                continue
            }
            if index + 1 < token.count,
                let pair = pairs.first(where: { $0.0 == value && $0.1 == token[index + 1] })
            {
                output.append(pair.2)
                index += 2
                continue
            }
            output.append(value)
            index += 1
        }
        return output == token ? [] : output
    }
}
