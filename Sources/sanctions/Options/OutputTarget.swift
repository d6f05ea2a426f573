import ArgumentParser
import SanctionsLedger

/// `--out FILE`: where a command writes (stdout without it, or with `-`).
struct OutputTarget: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Write the output here instead of stdout ('-': stdout). A regular file is replaced only once the output "
                + "is complete.",
            valueName: "file"))
    var out: String?

    /// Runs `body` with the destination, then completes it; on any error the destination is left
    /// as it was. `protecting` names files the output must never replace (the ledger, the input).
    func write<T>(protecting: [String?] = [], _ body: (inout OutputFile) throws -> T) throws -> T {
        var file = try OutputFile(path: out, protecting: protecting.compactMap { $0 })
        if let temporary = file.temporaryPath { TemporaryFiles.register(temporary) }
        defer { if let temporary = file.temporaryPath { TemporaryFiles.forget(temporary) } }
        do {
            let value = try body(&file)
            try file.commit()
            return value
        } catch {
            file.discard()
            throw error
        }
    }
}
