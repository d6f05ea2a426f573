import FuzzSupport
import SanctionsCore
import SanctionsImport
import SanctionsScreening

/// Any bytes given to the event-file decoder give an event file or an InputError, never a crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    if let file = try? EventFileDecoder.decode(bytes, path: "fuzz.json") {
        for located in file.events { _ = located.event.canonicalBytes }
    }
    return 0
}

/// The executable's entry point (SwiftPM links `main` to it).
@_cdecl("FuzzEventFile_main")
public func entry(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    runFuzzer(argc, argv) { data, size in fuzz(data, size) }
}
