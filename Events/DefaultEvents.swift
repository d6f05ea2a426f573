public import Foundation

/// The curated default data of the ledger (`Events/`), shipped as package resources.
public enum DefaultEvents {
    /// `Events/regimes.json`: the declared regimes.
    public static var regimesFile: URL? { Bundle.module.url(forResource: "regimes", withExtension: "json") }

    /// `Events/program-regimes.json`: which regime each OFAC programme tag belongs to.
    public static var programRegimesFile: URL? { Bundle.module.url(forResource: "program-regimes", withExtension: "json") }

    /// `Events/notices/`: one file per public notice.
    public static var noticesFolder: URL? { Bundle.module.url(forResource: "notices", withExtension: nil) }

    /// Every embedded file, regimes first, then notices by name.
    public static func files() throws -> [URL] {
        guard let regimesFile, let noticesFolder else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSLocalizedDescriptionKey: "the embedded Events/ resources are missing from the package"])
        }
        let notices = try FileManager.default.contentsOfDirectory(at: noticesFolder, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "json" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        return [regimesFile] + notices
    }
}
