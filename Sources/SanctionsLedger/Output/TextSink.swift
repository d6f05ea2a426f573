public import SanctionsCore
public import SanctionsImport
public import SanctionsScreening
package import SanctionsStore

/// Where rendered output goes, piece by piece: a file, stdout, an HTTP response body, a string.
///
/// Renderers write to a sink as they go, so that a million-row rescreen streams in constant memory.
public protocol TextSink {
    /// Appends `text`; throws when the destination cannot take it (a full disk, a closed pipe).
    mutating func write(_ text: String) throws
}

/// A sink that keeps everything in memory (tests, small outputs, HTTP responses built whole).
public struct StringSink: TextSink {
    public private(set) var text = ""

    public init() {}

    public mutating func write(_ text: String) throws {
        self.text += text
    }
}
