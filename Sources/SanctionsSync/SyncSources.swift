import Foundation
public import SanctionsCore
public import SanctionsImport
public import SanctionsLedger

/// Where `sanctions sync` fetches each list's current publication: per list source, its file
/// format and the address of every file of one publication, saved under the name the importer
/// reads (`sdn.csv`, `alt.csv`, ...).
///
/// The defaults are the official addresses: OFAC's Sanctions List Service exports (SDN.CSV with
/// ADD.CSV, ALT.CSV and SDN_COMMENTS.CSV; the consolidated list's Enhanced XML) and trade.gov's
/// Consolidated Screening List. A sources file (JSON, the same shape) replaces them, e.g. for a mirror.
public struct SyncSources: Sendable {
    /// One list source and the files of its publication.
    public struct Source: Sendable {
        /// The snapshot source, e.g. `ofac-sdn`, `ofac-consolidated`, `csl`.
        public var name: String
        public var format: SnapshotFormat
        /// The file name the importer reads, and the address it is fetched from, in order.
        public var files: [(name: String, url: String)]

        public init(name: String, format: SnapshotFormat, files: [(name: String, url: String)]) {
            self.name = name
            self.format = format
            self.files = files
        }

        /// The path the importer is given in the folder of the downloaded files.
        func importPath(in folder: URL) -> String {
            switch format {
            case .ofacCSV: folder.path
            default: folder.appendingPathComponent(files[0].name).path
            }
        }
    }

    public var sources: [Source]

    public init(sources: [Source]) {
        self.sources = sources
    }

    static let sls = "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/"

    /// The official addresses.
    public static let official = SyncSources(sources: [
        Source(
            name: "ofac-sdn", format: .ofacCSV,
            files: [
                ("sdn.csv", sls + "SDN.CSV"), ("add.csv", sls + "ADD.CSV"), ("alt.csv", sls + "ALT.CSV"),
                ("sdn_comments.csv", sls + "SDN_COMMENTS.CSV"),
            ]),
        Source(name: "ofac-consolidated", format: .ofacXML, files: [("CONS_ENHANCED.ZIP", sls + "CONS_ENHANCED.ZIP")]),
        Source(
            name: "csl", format: .csl,
            files: [
                (
                    "consolidated.csv",
                    "https://data.trade.gov/downloadable_consolidated_screening_list/v1/consolidated.csv"
                )
            ]),
    ])

    /// Reads a sources file: `{"sources": [{"name": ..., "format": ..., "files": [{"name": ..., "url": ...}]}]}`.
    public static func read(_ path: String) throws -> SyncSources {
        try InputFiles.readJSONObject(path) { reader in
            var sources: [Source] = []
            for element in try reader.array("sources") ?? [] {
                var item = try JSONObjectReader(element.value, path: element.path, line: 0)
                let name = try item.requiredString("name")
                let formatText = try item.requiredString("format")
                guard let format = SnapshotFormat(rawValue: formatText) else {
                    throw item.error(
                        "format", .invalidField,
                        "'\(formatText)' is not one of \(SnapshotFormat.allCases.map(\.rawValue).joined(separator: ", "))"
                    )
                }
                var files: [(String, String)] = []
                for file in try item.array("files") ?? [] {
                    var entry = try JSONObjectReader(file.value, path: file.path, line: 0)
                    let fileName = try entry.requiredString("name")
                    let url = try entry.requiredString("url")
                    guard url.hasPrefix("https://") || url.hasPrefix("http://") else {
                        throw entry.error("url", .invalidField, "'\(url)' is not an http(s) address")
                    }
                    guard !fileName.contains("/"), !fileName.hasPrefix(".") else {
                        throw entry.error("name", .invalidField, "'\(fileName)' must be a plain file name")
                    }
                    try entry.finish()
                    files.append((fileName, url))
                }
                guard !files.isEmpty else { throw item.error("files", .missingField, "a source needs its files") }
                try item.finish()
                sources.append(Source(name: name, format: format, files: files))
            }
            return SyncSources(sources: sources)
        }
    }
}
