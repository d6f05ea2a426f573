import Foundation
import SanctionsBenchmarks
import SanctionsCore
import SanctionsImport
import SanctionsLedger
import SanctionsScreening
import SanctionsStore
import SanctionsTestSupport
import Testing
import ZIPFoundation

/// Compressed and special input within bounds (issue 21): bombs stop at the limit with an error
/// that names it, archives may not smuggle links, devices and pipes are not inputs, and file names
/// are never read as options.
@Suite struct InputLimitTests {
    static let small = InputLimits(maxFileBytes: 1 << 20, maxArchiveBytes: 2 << 20)

    /// Runs a system tool in `folder`.
    static func shell(_ command: String, in folder: URL) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        process.currentDirectoryURL = folder
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(command) failed")
    }

    @Test func aGzipBombStopsAtTheLimit() throws {
        let folder = try TemporaryLedger.makeFolder()
        try Self.shell("head -c 3000000 /dev/zero | gzip -9 > bomb.csv.gz", in: folder)
        let path = folder.appendingPathComponent("bomb.csv.gz").path
        #expect(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int ?? 0 < 10_000)
        #expect {
            try InputFiles.read(path, limits: Self.small)
        } throws: { error in
            let error = error as? InputError
            return error?.code == .overLimit
                && error?.message.contains("more than 1 MiB, the limit for one input (raise it with --max-unpacked-mib")
                    == true
        }
        // Under a larger limit the same file reads whole.
        #expect(try InputFiles.read(path, limits: .standard).count == 3_000_000)
    }

    @Test func aTruncatedOrDamagedGzipIsRefusedNotHung() throws {
        let folder = try TemporaryLedger.makeFolder()
        try Self.shell(
            "seq 1 200000 | gzip > whole.gz && head -c 20000 whole.gz > cut.gz && printf 'not gzip at all' > fake.gz",
            in: folder)
        #expect(try InputFiles.read(folder.appendingPathComponent("whole.gz").path).count > 1_000_000)
        for name in ["cut.gz", "fake.gz"] {
            #expect {
                try InputFiles.read(folder.appendingPathComponent(name).path)
            } throws: { error in
                (error as? InputError)?.message.contains("not a valid gzip file") == true
            }
        }
    }

    @Test func aZipBombStopsAtTheLimit() throws {
        let folder = try TemporaryLedger.makeFolder()
        let url = folder.appendingPathComponent("CONS_ENHANCED.ZIP")
        let archive = try Archive(url: url, accessMode: .create)
        let zeros = Data(count: 3_000_000)
        try archive.addEntry(
            with: "CONS_ENHANCED.XML", type: .file, uncompressedSize: Int64(zeros.count), compressionMethod: .deflate
        ) { position, size in
            zeros.subdata(in: Int(position)..<Int(position) + size)
        }
        #expect {
            try InputFiles.zipMember(url.path, limits: Self.small) { $0.hasSuffix(".XML") }
        } throws: { error in
            (error as? InputError)?.code == .overLimit
        }
    }

    @Test func aSymbolicLinkInAZipIsRefused() throws {
        let folder = try TemporaryLedger.makeFolder()
        let url = folder.appendingPathComponent("SDN_ENHANCED.ZIP")
        let archive = try Archive(url: url, accessMode: .create)
        let target = Data("/etc/passwd".utf8)
        try archive.addEntry(with: "SDN_ENHANCED.XML", type: .symlink, uncompressedSize: Int64(target.count)) {
            position, size in
            target.subdata(in: Int(position)..<Int(position) + size)
        }
        #expect {
            try InputFiles.zipMember(url.path) { $0.hasSuffix(".XML") }
        } throws: { error in
            (error as? InputError)?.message.contains("holds a symbolic link") == true
        }
    }

    @Test func devicesAndPipesAreNotInputs() throws {
        let folder = try TemporaryLedger.makeFolder()
        try Self.shell("mkfifo pipe.json && ln -s /dev/zero zero.csv", in: folder)
        for name in ["pipe.json", "zero.csv"] {
            #expect {
                try InputFiles.read(folder.appendingPathComponent(name).path)
            } throws: { error in
                (error as? InputError)?.message.contains("not a regular file") == true
            }
        }
    }

    @Test func aSeriesArchiveWithALinkOrTooMuchContentIsRefusedBeforeUnpacking() throws {
        let folder = try TemporaryLedger.makeFolder()
        try Self.shell(
            """
            mkdir -p a b && printf 'x' > a/sdn-2021-08-18T093901Z.csv && ln -s /etc/hostname a/sdn-2021-08-19T093901Z.csv \
            && tar -cJf linked.tar.xz a && head -c 3000000 /dev/zero > b/sdn-2021-08-18T093901Z.csv && tar -cJf big.tar.xz b
            """, in: folder)
        let scratch = folder.appendingPathComponent("scratch")
        #expect {
            try Ledger.seriesItems(folder.appendingPathComponent("linked.tar.xz").path, manifest: nil, scratch: scratch)
        } throws: { error in
            (error as? InputError)?.message.contains("not a regular file or folder") == true
        }
        #expect {
            try Ledger.seriesItems(
                folder.appendingPathComponent("big.tar.xz").path, manifest: nil, scratch: scratch, limits: Self.small)
        } throws: { error in
            (error as? InputError)?.code == .overLimit
        }
        // Nothing was unpacked.
        #expect(!FileManager.default.fileExists(atPath: scratch.path))
    }

    @Test func aFileNameThatLooksLikeAnOptionIsReadAsAName() throws {
        let folder = try TemporaryLedger.makeFolder()
        try Self.shell(
            "mkdir -p ./-c && seq 1 1000 | gzip > ./-c/sdn.csv.gz && cd ./-c && tar -cJf ../-x.tar.xz sdn.csv.gz",
            in: folder)
        let previous = FileManager.default.currentDirectoryPath
        FileManager.default.changeCurrentDirectoryPath(folder.path)
        defer { FileManager.default.changeCurrentDirectoryPath(previous) }
        #expect(try InputFiles.read("-c/sdn.csv.gz").count > 3000)
        let scratch = folder.appendingPathComponent("scratch")
        _ = try Ledger.seriesItems("-x.tar.xz", manifest: nil, scratch: scratch)
        #expect(FileManager.default.fileExists(atPath: scratch.appendingPathComponent("sdn.csv.gz").path))
    }

    @Test func anOversizeEventFileIsRefusedBeforeItIsDecoded() throws {
        let fixture = try FileFixture()
        let path = try fixture.write("big.json", String(repeating: " ", count: 2 << 20) + "{}")
        #expect {
            try Ledger.readEventFiles([path], limits: Self.small)
        } throws: { error in
            (error as? InputError)?.code == .overLimit
        }
    }
}
