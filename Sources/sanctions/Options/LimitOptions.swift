import ArgumentParser
import SanctionsLedger

/// `--max-unpacked-mib`: how large one input file may be once unpacked.
struct LimitOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "The most MiB one input file (or archive member) may hold once unpacked (default 256; 64 for event files).",
            valueName: "mib"))
    var maxUnpackedMib: Int?

    func validate() throws {
        if let maxUnpackedMib, maxUnpackedMib < 1 { throw ValidationError("--max-unpacked-mib must be at least 1") }
    }

    /// The limits for list files and archives.
    var inputLimits: InputLimits {
        maxUnpackedMib.map { InputLimits.standard.withFileLimit(mebibytes: $0) } ?? .standard
    }

    /// The limits for event files.
    var eventFileLimits: InputLimits {
        maxUnpackedMib.map { InputLimits.eventFiles.withFileLimit(mebibytes: $0) } ?? .eventFiles
    }
}
