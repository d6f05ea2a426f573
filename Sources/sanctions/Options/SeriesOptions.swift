import ArgumentParser
import Foundation
import SanctionsLedger

/// The dated series of list publications that `import-snapshots` and `verify-snapshots` read.
struct SeriesOptions: ParsableArguments {
    @Argument(help: ArgumentHelp("A folder of publications or a .tar.xz archive of them.", valueName: "path"))
    var path: String

    @Option(help: ArgumentHelp("A TSV manifest with file and commit_time_utc columns.", valueName: "file"))
    var manifest: String?

    @OptionGroup var limits: LimitOptions

    /// Runs `body` with the series' publications in time order; an archive is unpacked into a
    /// scratch folder that is removed afterwards.
    func withItems<T>(_ body: ([Ledger.SeriesItem]) throws -> T) throws -> T {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent(
            "sanctions-series-\(UUID().uuidString)")
        return try TemporaryFiles.with(scratch.path) {
            try body(Ledger.seriesItems(path, manifest: manifest, scratch: scratch, limits: limits.inputLimits))
        }
    }
}
