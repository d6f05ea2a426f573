import ArgumentParser
import Foundation
import SanctionsLedger

extension SanctionsCommand {
    struct Screen: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Screen names against the lists and rules in force on a date.",
            discussion: """
                Names come from the arguments, from --names-file FILE (one per line; '-' for stdin), or \
                from stdin when neither is given. Each gets a verdict: the strongest outcome of every rule \
                that applies to every designation its name matches on that date, with scores, the rule \
                applied and the notices behind it.

                Exit codes: 0 every name is permitted; 3 some name needs review (a possible match); \
                4 some name needs a licence or is prohibited.

                Example: sanctions screen "Hikvision" --on 2019-10-09 --type export
                """)

        @OptionGroup var ledger: LedgerOptions
        @OptionGroup var time: TimeOptions
        @OptionGroup var output: OutputTarget

        @Argument(help: ArgumentHelp("Names to screen (as a clerk typed them).", valueName: "name"))
        var names: [String] = []

        @Option(help: ArgumentHelp("A file with one name per line ('-' for stdin).", valueName: "file"))
        var namesFile: String?

        @Option(help: ArgumentHelp("Transaction type.", valueName: "type"))
        var type: TransactionType = .export

        @OptionGroup var matching: MatchingOptions

        @Option(help: ArgumentHelp("Output format.", valueName: "format"))
        var format: ScreeningOutput.Format = .table

        func run() throws {
            try runReportingErrors {
                let queries = try NameList.read(names: names, file: namesFile)
                guard !queries.isEmpty else {
                    throw ValidationError("give at least one name (arguments, --names-file FILE or stdin)")
                }
                let opened = try ledger.open(.readOnly)
                let answer = try opened.screen(
                    queries, at: try time.asOf(opened), type: type, options: matching.screening)
                try output.write(protecting: [opened.path, namesFile]) { out in
                    try out.write(ScreeningOutput.render(answer, format: format))
                }
                throw Exit.verdict(answer.worst)
            }
        }
    }
}

/// The names to screen: arguments, a file of one name per line, or stdin.
enum NameList {
    static func read(names: [String], file: String?) throws -> [String] {
        var queries = names
        if let file {
            let data =
                file == "-"
                ? FileHandle.standardInput.readDataToEndOfFile() : Data(try InputFiles.read(file, limits: .eventFiles))
            queries += String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline).map(String.init)
        } else if queries.isEmpty, isatty(STDIN_FILENO) == 0 {
            queries += String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self).split(
                whereSeparator: \.isNewline
            ).map(String.init)
        }
        return queries.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}
