import ArgumentParser
import Foundation
import SanctionsLedger

extension SanctionsCommand {
    struct Bench: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Measure the ledger on generated or real data and print the figures.",
            discussion: "Use a release build for figures worth reporting: swift run -c release sanctions bench ledger",
            subcommands: [BenchLedger.self, BenchScreen.self, BenchRescreen.self])
    }
}

/// Wall-clock timing of a block.
func measure<T>(_ body: () throws -> T) rethrows -> (T, Double) {
    let start = DispatchTime.now().uptimeNanoseconds
    let value = try body()
    return (value, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
}

/// Peak resident set size of this process, in MiB (from /proc/self/status).
func peakRSSMiB() -> Double? {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
    for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
        let digits = line.split(separator: " ").compactMap { Double($0) }
        if let kib = digits.first { return kib / 1024 }
    }
    return nil
}

struct BenchLedger: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ledger",
        abstract: "Append a generated ledger in batches, then verify and rebuild it.",
        discussion: "Example: sanctions bench ledger --events 1000000 --parties 100000 --batch 100000")

    @Option(help: ArgumentHelp("Number of events to generate (about).", valueName: "n"))
    var events = 100_000

    @Option(help: ArgumentHelp("Number of parties.", valueName: "n"))
    var parties = 10_000

    @Option(help: ArgumentHelp("Events per append transaction.", valueName: "n"))
    var batch = 100_000

    @Option(help: ArgumentHelp("Random seed.", valueName: "n"))
    var seed: UInt64 = 42

    @Option(help: ArgumentHelp("Keep the ledger at this path (default: a temporary file, deleted).", valueName: "path"))
    var keep: String?

    func run() throws {
        try runReportingErrors {
            let (generated, generateSeconds) = measure { var generator = SyntheticLedger(seed: seed); return generator.events(parties: parties, targetEvents: events) }
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sanctions-bench-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { if keep == nil { try? FileManager.default.removeItem(at: folder) } }
            let path = keep ?? folder.appendingPathComponent("bench.sqlite").path
            let ledger = try Ledger.open(path: path)
            try ledger.database.declare(SyntheticLedger.regimes)
            Console.print("generated \(generated.count) events for \(parties) parties in \(formatSeconds(generateSeconds)) s (seed \(seed))")
            var appended = 0
            let (_, appendSeconds) = try measure {
                for start in stride(from: 0, to: generated.count, by: batch) {
                    let slice = Array(generated[start..<min(start + batch, generated.count)])
                    appended += try ledger.database.append(slice).appended
                }
            }
            Console.print("append:  \(appended) events in batches of \(batch): \(formatSeconds(appendSeconds)) s, \(Int(Double(appended) / appendSeconds)) events/s (hash chain + projections, one transaction per batch)")
            let (verify, verifySeconds) = try measure { try ledger.database.verifyChain() }
            Console.print("verify:  \(verify.events) events, intact \(verify.isIntact): \(formatSeconds(verifySeconds)) s, \(Int(Double(verify.events) / verifySeconds)) events/s")
            let (rebuild, rebuildSeconds) = try measure { try ledger.database.rebuildProjections() }
            Console.print("rebuild: \(rebuild.events) events, \(rebuild.streams) streams -> \(rebuild.designationRows) designation, \(rebuild.nameRows) name, \(rebuild.ruleRows) rule rows: \(formatSeconds(rebuildSeconds)) s")
            // Queries: the list of one regime as of a date, and one party on random dates.
            var random = SplitMix64(seed: seed &+ 99)
            let start = try LedgerTime.parse("2000-01-01")
            let listDate = try LedgerTime.parse("2015-06-30")
            let (views, listSeconds) = try measure { try ledger.list(asOf: AsOf(on: listDate), regime: RegimeID("bis-entity-list")) }
            Console.print("list --on 2015-06-30 --regime bis-entity-list: \(views.count) designations in \(String(format: "%.3f", listSeconds)) s")
            var pointTimes: [Double] = []
            for _ in 0..<1000 {
                let party = PartyID("syn-\(Int.random(in: 0..<parties, using: &random))")
                let date = start.adding(days: Int.random(in: 0..<9000, using: &random))
                let (_, seconds) = try measure { try ledger.list(asOf: AsOf(on: date), party: party) }
                pointTimes.append(seconds * 1000)
            }
            pointTimes.sort()
            Console.print(String(format: "point query (one party, random date, 1000 queries): median %.3f ms, p99 %.3f ms", pointTimes[500], pointTimes[990]))
            if let size = try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int { Console.print("file:    \(size / 1_048_576) MiB at \(path)") }
            if let rss = peakRSSMiB() { Console.print("peak RSS: \(Int(rss)) MiB") }
        }
    }
}

func formatSeconds(_ seconds: Double) -> String { String(format: "%.2f", seconds) }
