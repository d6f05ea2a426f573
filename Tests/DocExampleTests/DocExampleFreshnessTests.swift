import Foundation
import XCTest

/// The doc comments' examples are compiled through `DocExamples.swift`, which `scripts/doc-examples.py`
/// generates from them: this test fails when a doc comment's example changed (or was added or removed)
/// and the generated file was not made again, so an example cannot drift out of the build.
final class DocExampleFreshnessTests: XCTestCase {
    private let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    func testEveryDocExampleIsInTheCompiledFile() throws {
        let generated = try String(
            contentsOf: root.appendingPathComponent("Tests/DocExampleTests/DocExamples.swift"), encoding: .utf8)
        let examples = try docExamples()
        XCTAssertGreaterThan(examples.count, 20, "the doc comments hold more examples than were found")
        for example in examples {
            let body = example.lines.filter { !$0.hasPrefix("// given:") }.map { "    \($0)".trimmingTrailingSpaces }
            XCTAssertTrue(
                generated.contains(body.joined(separator: "\n")),
                "\(example.file): an example is not in DocExamples.swift; run python3 scripts/doc-examples.py")
        }
        let functions = generated.components(separatedBy: "\nfunc example_").count - 1
        XCTAssertEqual(
            functions, examples.count, "DocExamples.swift is stale; run python3 scripts/doc-examples.py")
    }

    /// The ```swift blocks of the `///` comments of the library's sources.
    private func docExamples() throws -> [(file: String, lines: [String])] {
        let sources = root.appendingPathComponent("Sources")
        guard let files = FileManager.default.enumerator(atPath: sources.path) else { return [] }
        var examples: [(file: String, lines: [String])] = []
        for case let file as String in files
        where file.hasSuffix(".swift") && !file.hasPrefix("sanctions/") && !file.hasPrefix("EmbedFilesTool/")
            && !file.hasPrefix("SanctionsSync/") && !file.hasPrefix("SanctionsTestSupport/")
        {
            let text = try String(contentsOf: sources.appendingPathComponent(file), encoding: .utf8)
            var block: [String]?
            for line in text.components(separatedBy: "\n") {
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                guard trimmed.hasPrefix("///") else { continue }
                let content =
                    trimmed.dropFirst(3).hasPrefix(" ") ? String(trimmed.dropFirst(4)) : String(trimmed.dropFirst(3))
                if block == nil, content.trimmingCharacters(in: .whitespaces) == "```swift" {
                    block = []
                } else if let lines = block, content.trimmingCharacters(in: .whitespaces) == "```" {
                    examples.append((file, lines))
                    block = nil
                } else if block != nil {
                    block?.append(content)
                }
            }
        }
        return examples
    }
}

extension String {
    fileprivate var trimmingTrailingSpaces: String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
