public import Foundation

/// The real public list files in `../shared/data` (see its PROVENANCE.md), for tests that need
/// real sizes and real rows. `$SANCTIONS_SHARED_DATA` points elsewhere.
public enum SharedData {
    /// The data folder: `$SANCTIONS_SHARED_DATA`, else `shared/data` beside the package's folder.
    public static let root: URL = {
        if let path = ProcessInfo.processInfo.environment["SANCTIONS_SHARED_DATA"], !path.isEmpty {
            return URL(fileURLWithPath: path)
        }
        let package = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return package.deletingLastPathComponent().appendingPathComponent("shared/data")
    }()

    /// A file or folder under the data folder; throws (so the test fails, never skips) when it is missing.
    public static func url(_ relative: String) throws -> URL {
        let url = root.appendingPathComponent(relative)
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw CocoaError(
                .fileNoSuchFile,
                userInfo: [
                    NSLocalizedDescriptionKey:
                        "the shared data file \(url.path) is missing (set SANCTIONS_SHARED_DATA to the folder of "
                        + "../shared/data)"
                ])
        }
        return url
    }

    /// The seven dated real SDN publications of `ofac-sdn-daily-2021-08-to-2024-05/snapshots`,
    /// each with the time its file name states, in time order.
    public static func dailySnapshots() throws -> [(file: URL, time: String)] {
        let folder = try url("ofac-sdn-daily-2021-08-to-2024-05/snapshots")
        return try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".csv.gz") }
            .sorted().map { name in
                // sdn-2021-08-18T093901Z.csv.gz -> 2021-08-18T09:39:01Z
                let stamp = Array(name.dropFirst(4).prefix(18))
                let time = String(stamp[0..<13]) + ":" + String(stamp[13..<15]) + ":" + String(stamp[15..<18])
                return (folder.appendingPathComponent(name), time)
            }
    }
}
