import Foundation
import SanctionsLedger
import SanctionsTestSupport
import Testing

/// `--out` writes what it names and nothing else (issue 21): special files in place, regular files
/// replaced atomically with their permissions, links written through, the ledger and the input
/// never replaced, write errors reported with exit 6. The `/dev` cases use links and FIFOs inside
/// a temporary folder, never the real `/dev`.
@Suite struct OutputTargetTests {
    let folder: URL
    let db: String

    init() throws {
        folder = try TemporaryLedger.makeFolder()
        db = folder.appendingPathComponent("ledger.sqlite").path
        #expect(try CLIRunner().run(["init", "--db", db]).status == 0)
    }

    func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    func list(out: String) throws -> CLIRunner.Result {
        try CLIRunner().run([
            "list", "--db", db, "--on", "2021-01-01", "--regime", "ofac-sdn", "--format", "csv", "--out", out,
        ])
    }

    func mode(_ path: String) throws -> Int {
        try #require(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
    }

    @Test func aRegularFileIsReplacedWholeAndKeepsItsPermissions() throws {
        let target = path("report.csv")
        try Data("old report\n".utf8).write(to: URL(fileURLWithPath: target))
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: target)
        let result = try list(out: target)
        #expect(result.status == 0, "\(result.stderr)")
        let text = try String(contentsOfFile: target, encoding: .utf8)
        #expect(text.hasPrefix("party,regime,listed_name"))
        #expect(text.contains("xinjiang-public-security-bureau"))
        #expect(try mode(target) == 0o600)
        // No temporary file is left beside it.
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".tmp") }.isEmpty)
    }

    @Test func aSymbolicLinkIsWrittenThroughAndStaysALink() throws {
        let target = path("real.csv")
        let link = path("link.csv")
        try Data("old\n".utf8).write(to: URL(fileURLWithPath: target))
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        #expect(try list(out: link).status == 0)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == target)
        #expect(try String(contentsOfFile: target, encoding: .utf8).hasPrefix("party,regime"))
    }

    @Test func aFIFOIsWrittenInPlace() throws {
        let fifo = path("pipe")
        #expect(mkfifo(fifo, 0o600) == 0)
        nonisolated(unsafe) var received = Data()
        let reader = Thread {
            if let handle = FileHandle(forReadingAtPath: fifo) { received = handle.readDataToEndOfFile() }
        }
        reader.start()
        #expect(try list(out: fifo).status == 0)
        while !reader.isFinished { usleep(10_000) }
        #expect(String(decoding: received, as: UTF8.self).hasPrefix("party,regime"))
        var info = stat()
        #expect(lstat(fifo, &info) == 0 && info.st_mode & S_IFMT == S_IFIFO)
    }

    @Test func aDeviceBehindALinkIsWrittenInPlaceNotReplaced() throws {
        let null = path("null")
        try FileManager.default.createSymbolicLink(atPath: null, withDestinationPath: "/dev/null")
        #expect(try list(out: null).status == 0)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: null) == "/dev/null")
        let type = try FileManager.default.attributesOfItem(atPath: "/dev/null")[.type] as? FileAttributeType
        #expect(type == .typeCharacterSpecial)
    }

    @Test func aFullDiskIsAnErrorWithItsReasonNotACrash() throws {
        let full = path("full")
        try FileManager.default.createSymbolicLink(atPath: full, withDestinationPath: "/dev/full")
        let result = try list(out: full)
        #expect(result.status == 6)
        #expect(result.stderr.contains("cannot write \(full): No space left on device"), "\(result.stderr)")
    }

    @Test(arguments: ["", "-wal", "-shm"])
    func theLedgerItselfIsRefusedAsATarget(suffix: String) throws {
        let result = try list(out: db + suffix)
        #expect(result.status == 2)
        #expect(
            result.stderr.contains("which this command reads; it would be destroyed: refused, nothing was written"),
            "\(result.stderr)")
        #expect(try CLIRunner().run(["verify", "--db", db]).status == 0)
    }

    @Test func theInputFileIsRefusedAsATarget() throws {
        let input = path("in.csv")
        try Data("id,date,counterparty,type\nt1,2020-01-01,Hikvision,export\n".utf8).write(
            to: URL(fileURLWithPath: input))
        let result = try CLIRunner().run(["rescreen", input, "--db", db, "--out", input])
        #expect(result.status == 2)
        #expect(try String(contentsOfFile: input, encoding: .utf8).hasPrefix("id,date,counterparty,type\nt1"))
    }

    @Test func aHardLinkedOrReadOnlyFileIsRefusedAndLeftAsItWas() throws {
        let target = path("linked.csv")
        try Data("keep\n".utf8).write(to: URL(fileURLWithPath: target))
        try FileManager.default.linkItem(atPath: target, toPath: path("other-name.csv"))
        let linked = try list(out: target)
        #expect(linked.status == 2)
        #expect(linked.stderr.contains("has 2 hard links"))
        let readOnly = path("read-only.csv")
        try Data("keep\n".utf8).write(to: URL(fileURLWithPath: readOnly))
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: readOnly)
        let refused = try list(out: readOnly)
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("is read-only"))
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "keep\n")
        #expect(try String(contentsOfFile: readOnly, encoding: .utf8) == "keep\n")
    }

    @Test func aFailedRunLeavesTheOldReportAsItWas() throws {
        // Given an old report, and an input with a bad row that --strict refuses
        let target = path("audit.csv")
        try Data("the old report\n".utf8).write(to: URL(fileURLWithPath: target))
        let input = path("bad.csv")
        try Data("id,date,counterparty,type\nt1,2020-01-01,Hikvision,export\nt2,2020-13-01,Acme,export\n".utf8)
            .write(to: URL(fileURLWithPath: input))
        // When the rescreen fails on the bad row
        let result = try CLIRunner().run(["rescreen", input, "--db", db, "--strict", "--out", target])
        #expect(result.status == 2)
        #expect(result.stderr.contains("bad.csv:3: field 'date'"), "\(result.stderr)")
        // Then the old report is intact and no temporary file is left
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "the old report\n")
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".tmp") }.isEmpty)
    }

    @Test(arguments: ["table", "json", "markdown"])
    func diffWritesToOutInEveryFormat(format: String) throws {
        let target = path("diff.\(format)")
        let result = try CLIRunner().run([
            "diff", "--db", db, "--from", "2021-12-01", "--to", "2021-12-31", "--format", format, "--out", target,
        ])
        #expect(result.status == 0)
        #expect(result.stdout.isEmpty)
        #expect(try String(contentsOfFile: target, encoding: .utf8).contains("sensetime"))
    }

    @Test func aDashWritesToStandardOutput() throws {
        let result = try list(out: "-")
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("party,regime,listed_name"))
        #expect(!FileManager.default.fileExists(atPath: path("-")))
    }
}
