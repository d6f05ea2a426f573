import ArgumentParser

/// The output formats a command can print.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json, csv, markdown, html
}

/// `--format table|json`.
struct OutputOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Output format: table or json.", valueName: "format"))
    var format: OutputFormat = .table

    func validate() throws {
        guard format == .table || format == .json else {
            throw ValidationError("--format must be table or json for this command")
        }
    }
}
