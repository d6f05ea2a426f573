import FuzzSupport
import SanctionsCore
import SanctionsImport
import SanctionsScreening

/// Any bytes as a transactions CSV (read in small chunks) give transactions or bad rows, never a crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    var bytes = Array(UnsafeBufferPointer(start: data, count: size))[...]
    guard
        var reader = try? TransactionReader(
            file: "fuzz.csv", format: .csv,
            chunks: {
                let chunk = Array(bytes.prefix(7))
                bytes = bytes.dropFirst(7)
                return chunk
            })
    else { return 0 }
    var count = 0
    while count < 100_000, let next = try? reader.next() {
        _ = next
        count += 1
    }
    return 0
}

/// The executable's entry point (SwiftPM links `main` to it).
@_cdecl("FuzzTransactions_main")
public func entry(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    runFuzzer(argc, argv) { data, size in fuzz(data, size) }
}
