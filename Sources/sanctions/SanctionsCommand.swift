import ArgumentParser

/// The `sanctions` command-line tool.
@main
struct SanctionsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sanctions",
        abstract: "An immutable, hash-chained history of US sanctions and export-control lists.",
        discussion: """
            The ledger is a SQLite file: --db PATH or $SANCTIONS_DB, else a default file that is built \
            from the curated events (Events/) on first use and kept in step with them.

            Exit codes: 0 success; 1 verification failed (broken chain); 2 invalid input (nothing written); \
            3 a screened party needs review; 4 a screened transaction needs a licence or is prohibited; \
            5 write conflict or busy ledger (nothing written); 6 other failure (e.g. output that cannot be \
            written); 64 usage error.
            """,
        version: "0.1.0",
        groupedSubcommands: [
            CommandGroup(
                name: "Ledger",
                subcommands: [
                    Init.self, Import.self, Append.self, Events.self, Export.self, Verify.self, Stats.self,
                ]),
            CommandGroup(
                name: "Lists",
                subcommands: [
                    ImportSnapshot.self, ImportSnapshots.self, VerifySnapshots.self, ImportHistory.self, Sync.self,
                    Coverage.self,
                ]),
            CommandGroup(
                name: "Screening", subcommands: [Screen.self, Rescreen.self, Lookback.self, Eval.self, Serve.self]),
            CommandGroup(name: "History", subcommands: [List.self, Diff.self, Timeline.self, Rebuild.self]),
            CommandGroup(name: "Measure", subcommands: [Bench.self]),
        ]
    )
}
