import Foundation
public import SanctionsCore
public import SanctionsImport
public import SanctionsScreening
package import SanctionsStore

/// Reading OFAC publications from files: legacy CSV folders and Enhanced XML (plain or zipped).
extension OFACCSVParser {
    /// Reads `sdn.csv` (or `cons_prim.csv`) with its `alt`, `add` and `comments` companions from
    /// `folder`; gzip-compressed copies (`.csv.gz`) are read too.
    package static func readFolder(_ folder: String, limits: InputLimits = .standard) throws -> Files {
        func read(_ names: [String]) throws -> (name: String, bytes: [UInt8])? {
            for name in names {
                let path = (folder as NSString).appendingPathComponent(name)
                if FileManager.default.fileExists(atPath: path) {
                    return (path, try InputFiles.read(path, limits: limits))
                }
                if FileManager.default.fileExists(atPath: path + ".gz") {
                    return (path + ".gz", try InputFiles.read(path + ".gz", limits: limits))
                }
            }
            return nil
        }
        guard let primary = try read(["sdn.csv", "cons_prim.csv"]) else {
            throw InputError(.unreadableFile, "no sdn.csv or cons_prim.csv in the folder", file: folder)
        }
        return Files(
            primary: primary, alt: try read(["alt.csv", "cons_alt.csv"]), add: try read(["add.csv", "cons_add.csv"]),
            comments: try read(["sdn_comments.csv", "cons_comments.csv"]))
    }
}

extension OFACEnhancedXMLParser {
    /// Reads an Enhanced XML publication: an `.XML` file, a `.ZIP` holding one (as OFAC publishes
    /// them), or a folder holding `SDN_ENHANCED` or `CONS_ENHANCED` in either form. Returns the
    /// name to cite in messages and the bytes.
    package static func read(_ path: String, limits: InputLimits = .standard) throws -> (file: String, bytes: [UInt8]) {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw InputError(.unreadableFile, "no such file or folder", file: path)
        }
        if isFolder.boolValue {
            for stem in ["SDN_ENHANCED", "CONS_ENHANCED"] {
                for suffix in [".XML", ".xml", ".ZIP", ".zip"] {
                    let candidate = (path as NSString).appendingPathComponent(stem + suffix)
                    if FileManager.default.fileExists(atPath: candidate) { return try read(candidate, limits: limits) }
                }
            }
            throw InputError(.unreadableFile, "no SDN_ENHANCED or CONS_ENHANCED .XML or .ZIP in the folder", file: path)
        }
        if path.lowercased().hasSuffix(".zip") {
            let member = try InputFiles.zipMember(path, limits: limits) { $0.lowercased().hasSuffix(".xml") }
            return (path + ":" + member.name, member.bytes)
        }
        return (path, try InputFiles.read(path, limits: limits))
    }
}
