import Foundation

/// Reading OFAC publications from files: legacy CSV folders and Enhanced XML (plain or zipped).
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

extension OFACEnhancedXMLParser {
    /// Reads an Enhanced XML publication: an `.XML` file, a `.ZIP` holding one (as OFAC publishes
    /// them), or a folder holding `SDN_ENHANCED` or `CONS_ENHANCED` in either form. Returns the
    /// name to cite in messages and the bytes.
    public static func read(_ path: String) throws -> (file: String, bytes: [UInt8]) {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw InputError(.unreadableFile, "no such file or folder", file: path)
        }
        if isFolder.boolValue {
            for stem in ["SDN_ENHANCED", "CONS_ENHANCED"] {
                for suffix in [".XML", ".xml", ".ZIP", ".zip"] {
                    let candidate = (path as NSString).appendingPathComponent(stem + suffix)
                    if FileManager.default.fileExists(atPath: candidate) { return try read(candidate) }
                }
            }
            throw InputError(.unreadableFile, "no SDN_ENHANCED or CONS_ENHANCED .XML or .ZIP in the folder", file: path)
        }
        if path.lowercased().hasSuffix(".zip") {
            let members = String(decoding: try ExternalTool.output(["unzip", "-Z1", path], file: path, what: "list the archive"), as: UTF8.self)
                .split(separator: "\n").map(String.init)
            guard let member = members.first(where: { $0.lowercased().hasSuffix(".xml") }) else {
                throw InputError(.unreadableFile, "the archive holds no .XML file", file: path)
            }
            return (path + ":" + member, try ExternalTool.output(["unzip", "-p", path, member], file: path, what: "extract \(member)"))
        }
        return (path, Array(try Data(contentsOf: URL(fileURLWithPath: path))))
    }
}

/// gzip decompression through the system's `gzip` (present on every Debian machine).
public enum Gzip {
    public static func decompress(path: String) throws -> [UInt8] {
        try ExternalTool.output(["gzip", "-dc", path], file: path, what: "decompress the file")
    }
}

/// Runs a system tool (gzip, unzip) and returns its standard output.
enum ExternalTool {
    static func output(_ arguments: [String], file: String, what: String) throws -> [UInt8] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw InputError(.unreadableFile, "cannot run \(arguments[0]) to \(what) (install it: apt-get install \(arguments[0])): \(error)", file: file)
        }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let hint = process.terminationStatus == 127 ? " (\(arguments[0]) is not installed: apt-get install \(arguments[0]))" : ""
            throw InputError(.unreadableFile, "\(arguments[0]) could not \(what) (exit \(process.terminationStatus))\(hint); the file may be damaged or truncated", file: file)
        }
        return Array(data)
    }
}
