import Foundation

/// A progress bar with rate and ETA on stderr, shown only when stderr is a terminal.
final class Progress {
    private let total: Int
    private let unit: String
    private let start = Date()
    private var lastDraw = Date.distantPast
    private let enabled: Bool

    init(total: Int, unit: String, enabled: Bool = Console.stderrIsTerminal) {
        self.total = total
        self.unit = unit
        self.enabled = enabled
    }

    /// Redraws at most ten times a second: `done` of `total` (bytes, for files), `items` processed.
    func update(done: Int, items: Int) {
        guard enabled, Date().timeIntervalSince(lastDraw) > 0.1 else { return }
        lastDraw = Date()
        let elapsed = Date().timeIntervalSince(start)
        let fraction = total > 0 ? min(1, Double(done) / Double(total)) : 0
        let width = 30
        let filled = Int(fraction * Double(width))
        let rate = elapsed > 0 ? Double(items) / elapsed : 0
        let eta = fraction > 0 ? elapsed * (1 - fraction) / fraction : 0
        let bar =
            String(repeating: "=", count: filled) + (filled < width ? ">" : "")
            + String(repeating: " ", count: max(0, width - filled - 1))
        Console.noteInline(
            String(
                format: "\r[%@] %3.0f%%  %d %@  %.0f %@/s  ETA %.0f s ", bar, fraction * 100, items, unit, rate, unit,
                eta))
    }

    func finish() {
        guard enabled else { return }
        Console.noteInline("\r" + String(repeating: " ", count: 90) + "\r")
    }
}
