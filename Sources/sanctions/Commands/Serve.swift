import ArgumentParser
import Hummingbird
import Metrics
import Prometheus
import SanctionsLedger
import SanctionsServer

extension SanctionsCommand {
    struct Serve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Serve the ledger over HTTP: /v1/screen, yente's /match/{dataset}, health and readiness.",
            discussion: """
                Every request but /healthz and /readyz needs a key, in 'Authorization: ApiKey KEY' or \
                'Authorization: Bearer KEY' (401 without one). Each answer names the ledger state it was made from (sequence and head hash); when another \
                process appends (an import, a sync), the next request is answered from the new state. Errors \
                are RFC 9457 problem documents. SIGINT or SIGTERM stops the server after the requests in flight.

                Example: sanctions serve --port 8080 (it prints a read key), then
                curl -s localhost:8080/v1/screen -H "Authorization: ApiKey KEY" -d '{"names": ["Hikvision"]}'
                """)

        @OptionGroup var ledger: LedgerOptions

        @Option(help: ArgumentHelp("The address to listen on.", valueName: "host"))
        var host = "127.0.0.1"

        @Option(help: ArgumentHelp("The port to listen on.", valueName: "port"))
        var port = 8080

        @Option(
            help: ArgumentHelp(
                "API keys, one 'read KEY' or 'write KEY' a line (default: a read key generated and printed).",
                valueName: "file"))
        var keys: String?

        func run() async throws {
            var opened: Ledger?
            var apiKeys: APIKeys?
            try runReportingErrors {
                apiKeys = try keys.map(APIKeys.read)
                opened = try ledger.open(.readOnly)
            }
            guard let opened else { return }
            if apiKeys == nil {
                let generated = APIKeys.generatedReadKey()
                apiKeys = generated.keys
                try Console.print("read key: \(generated.key)")
            }
            Console.note("serving \(opened.path ?? "an in-memory ledger") on http://\(host):\(port)")
            let registry = PrometheusCollectorRegistry()
            MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
            let router = LedgerServer.router(ledger: opened, keys: apiKeys ?? APIKeys([]), metrics: registry)
            try await LedgerServer.application(router: router, host: host, port: port).runService()
        }
    }
}
