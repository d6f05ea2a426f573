import Crypto

/// The hash chain over the event log: `hash(n) = SHA-256(hash(n-1) || canonical JSON of event n)`.
///
/// `hash(0)` (the "previous hash" of the first event) is 32 zero bytes. Hashes are 32 raw bytes;
/// ``hex(_:)`` renders them for people.
public enum ChainHash {
    /// The previous hash of the first event.
    public static let genesis = [UInt8](repeating: 0, count: 32)

    /// The hash of an event whose canonical encoding is `canonical`, following `previous`.
    public static func next(previous: [UInt8], canonical: [UInt8]) -> [UInt8] {
        var hasher = SHA256()
        hasher.update(data: previous)
        hasher.update(data: canonical)
        return Array(hasher.finalize())
    }

    /// SHA-256 of arbitrary bytes (used for digests of files and migrations).
    public static func sha256(_ bytes: [UInt8]) -> [UInt8] {
        Array(SHA256.hash(data: bytes))
    }

    /// Lowercase hex of a hash.
    public static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var output = [UInt8]()
        output.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            output.append(digits[Int(byte >> 4)])
            output.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: output, as: UTF8.self)
    }
}
