import Foundation
import PackagePlugin

/// Embeds a data target's files (`Schema/` migrations, `Events/`) in the build as generated Swift
/// source, so that the `sanctions` binary is self-contained: copied to `/usr/local/bin`, it needs
/// no resource bundle beside it.
///
/// Every `.json` and `.sql` file under the target's folder is embedded, whatever its name, so new
/// files (a new year of generated history) are picked up without changing the package.
@main
struct EmbedFiles: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        guard let target = target as? SourceModuleTarget else { return [] }
        let root = target.directoryURL
        let files = try Self.embeddable(in: root)
        let output = context.pluginWorkDirectoryURL.appending(path: "Embedded\(target.name).swift")
        return [
            .buildCommand(
                displayName: "Embedding \(files.count) files of \(target.name)",
                executable: try context.tool(named: "EmbedFilesTool").url,
                arguments: [output.path, root.path] + files,
                inputFiles: files.map { root.appending(path: $0) },
                outputFiles: [output])
        ]
    }

    /// The relative paths of the `.json` and `.sql` files under `root`, sorted.
    static func embeddable(in root: URL) throws -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: root.path) else { return [] }
        var files: [String] = []
        while let relative = enumerator.nextObject() as? String {
            if relative.hasSuffix(".json") || relative.hasSuffix(".sql") || relative.hasSuffix(".jsonl") {
                files.append(relative)
            }
        }
        return files.sorted()
    }
}
