import ArgumentParser
import Foundation
import SanctionsLedger

extension SanctionsCommand {
    struct Screen: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Screen names against the lists and rules in force on a date.",
            discussion: """
                Names come from the arguments, from --names FILE (one per line), or from stdin (one per line). \
                Each gets a verdict: the strongest outcome of every rule that applies to every designation its \
                name matches on that date, with scores, the rule applied and the notices behind it.

                Exit codes: 0 every name is permitted; 3 some name needs review (a possible match); \
                4 some name needs a licence or is prohibited.

                Example: sanctions screen "Hikvision" --on 2019-10-09 --type export
                """)

        @OptionGroup var ledger: LedgerOptions
        @OptionGroup var time: TimeOptions

        @Argument(help: ArgumentHelp("Names to screen (as a clerk typed them).", valueName: "name"))
        var names: [String] = []

        @Option(help: ArgumentHelp("A file with one name per line ('-' for stdin).", valueName: "file"))
        var namesFile: String?

        @Option(help: ArgumentHelp("Transaction type: export, export-ear99, payment, service, securities-purchase, securities-sale, procurement.", valueName: "type"))
        var type: TransactionType = .export

        @Option(help: ArgumentHelp("Certain-match threshold (0...1); weaker matches down to 0.1 below it are shown for review.", valueName: "score"))
        var threshold: Double = ScreeningOptions.defaultThreshold

        @Option(help: ArgumentHelp("Output format: table or json.", valueName: "format"))
        var format: OutputFormat = .table

        func validate() throws {
            guard (0.5...1.0).contains(threshold) else { throw ValidationError("--threshold must be between 0.5 and 1") }
            guard [.table, .json].contains(format) else { throw ValidationError("--format must be table or json") }
        }

        func queries() throws -> [String] {
            var queries = names
            if let namesFile {
                let text: String
                if namesFile == "-" {
                    text = String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
                } else {
                    guard let data = FileManager.default.contents(atPath: namesFile) else {
                        throw InputError(.unreadableFile, "cannot read the names file", file: namesFile)
                    }
                    text = String(decoding: data, as: UTF8.self)
                }
                queries += text.split(whereSeparator: \.isNewline).map(String.init)
            } else if queries.isEmpty, isatty(STDIN_FILENO) == 0 {
                queries += String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self).split(whereSeparator: \.isNewline).map(String.init)
            }
            return queries.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }

        func run() throws {
            try runReportingErrors {
                let queries = try queries()
                guard !queries.isEmpty else { throw ValidationError("give at least one name (arguments, --names FILE or stdin)") }
                let opened = try ledger.openForReading()
                let asOf = try time.asOf(opened)
                let snapshot = try opened.screeningSnapshot(knownAt: asOf.knownAt, recordedThrough: asOf.recordedThrough, options: ScreeningOptions(threshold: threshold))
                let results = queries.map { snapshot.screen($0, on: asOf.on, type: type) }
                let sources = try opened.sources(of: results.flatMap { $0.matches.flatMap(\.events) })
                switch format {
                case .json:
                    JSONOutput.print(.array(results.map { ScreeningJSON.result($0, sources: sources) }))
                default:
                    for result in results { Console.print(ScreeningText.render(result, sources: sources)) }
                }
                let worst = results.map(\.verdict).max() ?? .permitted
                switch worst {
                case .permitted: return
                case .review: throw ExitCode(Exit.review)
                case .licenseRequired, .prohibited: throw ExitCode(Exit.blocked)
                }
            }
        }
    }
}

/// JSON shape of screening results (documented in the README).
enum ScreeningJSON {
    static func match(_ match: ScreeningMatch, sources: [EventID: Source]) -> JSONValue {
        .object([
            JSONMember(key: "party", value: .string(match.party.rawValue)),
            JSONMember(key: "regime", value: .string(match.regime.rawValue)),
            JSONMember(key: "matchedName", value: .string(match.matchedName)),
            JSONMember(key: "nameKind", value: .string(match.nameKind.rawValue)),
            JSONMember(key: "listedName", value: .string(match.listedName)),
            JSONMember(key: "score", value: .decimal(match.score)),
            JSONMember(key: "certain", value: .bool(match.certain)),
            JSONMember(key: "outcome", value: .string(match.outcome.rawValue)),
            JSONMember(key: "ruleOutcome", value: .string(match.ruleOutcome.rawValue)),
            JSONMember(key: "policy", value: .optional(match.policy)),
            JSONMember(key: "note", value: .string(match.note)),
            JSONMember(key: "listedFrom", value: .string(match.listedFrom.description)),
            JSONMember(key: "normalizedQuery", value: .string(match.normalizedQuery)),
            JSONMember(key: "normalizedName", value: .string(match.normalizedName)),
            JSONMember(key: "events", value: .array(match.events.map { .string($0.rawValue) })),
            JSONMember(key: "citations", value: .array(ViewJSON.citations(match.events, sources).map(JSONValue.string))),
        ])
    }

    static func result(_ result: ScreeningResult, sources: [EventID: Source]) -> JSONValue {
        .object([
            JSONMember(key: "query", value: .string(result.query)),
            JSONMember(key: "date", value: .string(result.date.description)),
            JSONMember(key: "type", value: .string(result.type.rawValue)),
            JSONMember(key: "verdict", value: .string(result.verdict.rawValue)),
            JSONMember(key: "matches", value: .array(result.matches.map { match($0, sources: sources) })),
        ])
    }
}

/// Human output of screening results.
enum ScreeningText {
    static func render(_ result: ScreeningResult, sources: [EventID: Source]) -> String {
        var lines = ["\(result.query): \(result.verdict.rawValue.uppercased()) for \(result.type.rawValue) on \(result.date)"]
        if result.matches.isEmpty { lines.append("  no listed name in force on that date matches") }
        for match in result.matches {
            let citations = ViewJSON.citations(match.events, sources).joined(separator: "; ")
            lines.append("  \(match.outcome.rawValue): \(match.regime) \(match.party), matched '\(match.matchedName)' (\(match.nameKind.rawValue)) score \(String(format: "%.3f", match.score))\(match.certain ? "" : " [possible match]")")
            lines.append("    listed as '\(match.listedName)' since \(match.listedFrom); \(match.note)" + (match.policy.map { "; policy: \($0)" } ?? ""))
            lines.append("    sources: \(citations) (events \(match.events.map(\.rawValue).joined(separator: ", ")))")
        }
        return lines.joined(separator: "\n")
    }
}
