public import SanctionsEmbedding

/// The ledger's embedded default data (`Events/`): the regimes, the programme-to-regime map, the
/// curated notices and the generated history, built into the binary by the `EmbedFiles` plugin.
public enum DefaultEvents {
    /// A file of `Events/`: its path relative to the folder, and its bytes.
    public typealias File = EmbeddedArchive.File

    private static let decoded: Result<[File], any Error> = Result { try embeddedArchive.files() }

    /// Every embedded event file: `regimes.json` first, then every other file but the programme
    /// map, by path (the curated notices, then the generated history).
    public static func files() throws -> [File] {
        let all = try decoded.get()
        let regimes = all.filter { $0.name == "regimes.json" }
        let others = all.filter { !["regimes.json", "program-regimes.json", "coverage.json"].contains($0.name) }.sorted {
            $0.name < $1.name
        }
        return regimes + others
    }

    /// `regimes.json`: the declared regimes.
    public static func regimes() throws -> File { try named("regimes.json") }

    /// `coverage.json`: the regimes whose whole list the curated notices hold.
    public static func coverage() throws -> File { try named("coverage.json") }

    /// `program-regimes.json`: which regime each list entry belongs to, by source and programme.
    public static func programRegimes() throws -> File { try named("program-regimes.json") }

    private static func named(_ name: String) throws -> File {
        guard let file = try decoded.get().first(where: { $0.name == name }) else { throw EmbeddedArchiveError() }
        return file
    }
}
