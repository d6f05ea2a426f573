import Foundation

/// Timing and memory figures for benchmarks.
public enum Measure {
    /// Runs `body` and returns its value with the wall-clock seconds it took.
    public static func time<T>(_ body: () throws -> T) rethrows -> (T, Double) {
        let start = DispatchTime.now().uptimeNanoseconds
        let value = try body()
        return (value, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }

    /// Peak resident set size of this process, in MiB (from /proc/self/status).
    public static func peakRSSMiB() -> Double? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            if let kib = line.split(separator: " ").compactMap({ Double($0) }).first { return kib / 1024 }
        }
        return nil
    }

    /// Seconds with two decimals.
    public static func seconds(_ value: Double) -> String { String(format: "%.2f", value) }

    /// A scratch folder for a benchmark, removed by the caller.
    static func scratchFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "sanctions-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }
}
