import ArgumentParser
import Hummingbird
import SanctionsLedger
import SanctionsServer

extension SanctionsCommand {
    struct Serve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Serve the ledger over HTTP: /v1/screen, yente's /match/{dataset}, health and readiness.",
            discussion: """
                Each answer names the ledger state it was made from (sequence and head hash); when another \
                process appends (an import, a sync), the next request is answered from the new state. Errors \
                are RFC 9457 problem documents. SIGINT or SIGTERM stops the server after the requests in flight.

                Example: sanctions serve --port 8080, then
                curl -s localhost:8080/v1/screen -d '{"names": ["Hikvision"], "on": "2019-10-09"}'
                """)

        @OptionGroup var ledger: LedgerOptions

        @Option(help: ArgumentHelp("The address to listen on.", valueName: "host"))
        var host = "127.0.0.1"

        @Option(help: ArgumentHelp("The port to listen on.", valueName: "port"))
        var port = 8080

        func run() async throws {
            var opened: Ledger?
            try runReportingErrors { opened = try ledger.open(.readOnly) }
            guard let opened else { return }
            Console.note("serving \(opened.path ?? "an in-memory ledger") on http://\(host):\(port)")
            let router = LedgerServer.router(ledger: opened)
            try await LedgerServer.application(router: router, host: host, port: port).runService()
        }
    }
}
