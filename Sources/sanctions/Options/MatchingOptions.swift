import ArgumentParser
import SanctionsLedger

/// `--threshold` and `--algorithm`: how names are matched by `screen`, `rescreen` and `lookback`.
struct MatchingOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Certain-match threshold (0.5...1); weaker matches down to 0.1 below it are shown for review.",
            valueName: "score"))
    var threshold: Double = ScreeningOptions.defaultThreshold

    @Option(
        help: ArgumentHelp(
            "The name matcher and its version; an older one reproduces an answer made with it.", valueName: "name"))
    var algorithm = MatchingAlgorithm.current

    func validate() throws {
        guard (0.5...1.0).contains(threshold) else {
            throw ValidationError("--threshold must be between 0.5 and 1")
        }
    }

    /// The screening options these give.
    var screening: ScreeningOptions { ScreeningOptions(threshold: threshold, algorithm: algorithm) }
}
