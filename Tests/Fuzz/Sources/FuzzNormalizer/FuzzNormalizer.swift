import FuzzSupport
import SanctionsCore
import SanctionsImport
import SanctionsScreening

/// Any UTF-8 text normalises, scores against itself as 1 (when it has tokens) and indexes.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let normalized = NameNormalizer.normalize(text)
    let prepared = PreparedName(normalized)
    let score = NameScorer().score(prepared, prepared)
    if normalized.tokens.contains(where: { NameVocabulary.role(of: $0) != .legalForm }) {
        precondition(
            score > 0.99 || normalized.roles.allSatisfy { $0 == .legalForm || $0 == .stopWord },
            "self-score \(score) for \(normalized.tokens)")
    }
    precondition(
        NameNormalizer.normalize(normalized.text) == normalized || normalized.tokens.contains { $0.count == 1 },
        "normalisation is not idempotent for \(normalized.tokens)")
    _ = NameIndex(normalized: [normalized]).search(text, minimumScore: 0.5)
    return 0
}

/// The executable's entry point (SwiftPM links `main` to it).
@_cdecl("FuzzNormalizer_main")
public func entry(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    runFuzzer(argc, argv) { data, size in fuzz(data, size) }
}
