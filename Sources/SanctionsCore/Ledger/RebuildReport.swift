/// What a rebuild did.
public struct RebuildReport: Sendable {
    public var events = 0
    public var streams = 0
    public var designationRows = 0
    public var nameRows = 0
    public var ruleRows = 0
    /// Anomalies found in the stored history (events that do not fit their stream).
    public var anomalies: [HistoryAnomaly] = []
    public var seconds = 0.0

    public init() {}
}
