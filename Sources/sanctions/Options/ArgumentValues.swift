public import ArgumentParser
public import SanctionsLedger

// The library's value types as command-line values: each format enum lists only its own values.

extension LedgerTime: ExpressibleByArgument {
    /// Parses `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM:SSZ` strictly.
    public init?(argument: String) {
        guard let time = try? LedgerTime.parse(argument) else { return nil }
        self = time
    }
}

extension TransactionType: ExpressibleByArgument {}
extension EventKind: ExpressibleByArgument {}
extension SnapshotFormat: ExpressibleByArgument {}
extension RescreenWriter.Format: ExpressibleByArgument {}
extension LookbackOutput.Format: ExpressibleByArgument {}
extension ScreeningOutput.Format: ExpressibleByArgument {}
extension DesignationOutput.Format: ExpressibleByArgument {}
extension DiffOutput.Format: ExpressibleByArgument {}
extension TimelineOutput.Format: ExpressibleByArgument {}
extension CoverageOutput.Format: ExpressibleByArgument {}
extension LedgerOutput.Format: ExpressibleByArgument {}

extension MatchingAlgorithm: ExpressibleByArgument {
    /// Parses a matcher name such as `name-tokens-v1`.
    public init?(argument: String) { self.init(name: argument) }
    public static var allValueStrings: [String] { allCases.map(\.name) }
    public var defaultValueDescription: String { name }
}
