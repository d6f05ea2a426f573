import FuzzSupport
import SanctionsCore
import SanctionsImport
import SanctionsScreening

/// Any bytes as an OFAC Enhanced XML publication parse or fail cleanly; what parses has entries
/// with a number and a primary name.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    if let result = try? OFACEnhancedXMLParser.parse(bytes, file: "CONS_ENHANCED.XML") {
        precondition(
            result.entries.allSatisfy { !$0.number.isEmpty && !$0.name.isEmpty }, "an entry without a number or name")
    }
    return 0
}

/// The executable's entry point (SwiftPM links `main` to it).
@_cdecl("FuzzEnhancedXML_main")
public func entry(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    runFuzzer(argc, argv) { data, size in fuzz(data, size) }
}
