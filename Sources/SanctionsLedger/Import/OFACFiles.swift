import Foundation

/// Reading OFAC legacy CSV publications from a folder.
extension OFACCSVParser {
    /// Reads `sdn.csv` (or `cons_prim.csv`) with its `alt`, `add` and `comments` companions from
    /// `folder`; gzip-compressed copies (`.csv.gz`) are read too.
    public static func readFolder(_ folder: String) throws -> Files {
        func read(_ names: [String]) throws -> (name: String, bytes: [UInt8])? {
            for name in names {
                let path = (folder as NSString).appendingPathComponent(name)
                if FileManager.default.fileExists(atPath: path) { return (path, Array(try Data(contentsOf: URL(fileURLWithPath: path)))) }
                if FileManager.default.fileExists(atPath: path + ".gz") { return (path + ".gz", try Gzip.decompress(path: path + ".gz")) }
            }
            return nil
        }
        guard let primary = try read(["sdn.csv", "cons_prim.csv"]) else {
            throw InputError(.unreadableFile, "no sdn.csv or cons_prim.csv in the folder", file: folder)
        }
        return Files(primary: primary, alt: try read(["alt.csv", "cons_alt.csv"]), add: try read(["add.csv", "cons_add.csv"]),
                     comments: try read(["sdn_comments.csv", "cons_comments.csv"]))
    }
}

/// gzip decompression through the system's `gzip` (present on every Debian machine).
public enum Gzip {
    public static func decompress(path: String) throws -> [UInt8] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["gzip", "-dc", path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw InputError(.unreadableFile, "gzip could not decompress the file", file: path) }
        return Array(data)
    }
}
