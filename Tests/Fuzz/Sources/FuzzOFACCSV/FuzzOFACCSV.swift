import FuzzSupport
import SanctionsCore
import SanctionsImport
import SanctionsScreening

/// Any bytes as sdn.csv (and, split at the first 0xFF, as alt.csv) parse or fail cleanly.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let split = bytes.firstIndex(of: 0xFF) ?? bytes.count
    let files = OFACCSVParser.Files(
        primary: ("sdn.csv", Array(bytes[..<split])),
        alt: split < bytes.count ? ("alt.csv", Array(bytes[(split + 1)...])) : nil)
    _ = try? OFACCSVParser.parse(files, badRows: .skip)
    _ = try? OFACCSVParser.parse(files)
    return 0
}

/// The executable's entry point (SwiftPM links `main` to it).
@_cdecl("FuzzOFACCSV_main")
public func entry(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    runFuzzer(argc, argv) { data, size in fuzz(data, size) }
}
