public import SanctionsCore

/// Which regime an entry of a list file belongs to, by source and programme tags (data:
/// `Events/program-regimes.json`).
public struct ProgramRegimeMap: Sendable {
    /// The mapping of one source (a list file family).
    public struct Source: Sendable {
        public var source: String
        /// The regime of every entry, whatever its programmes (the SDN list).
        public var defaultRegime: RegimeID?
        public var programs: [String: RegimeID]
        /// The regime of each list an Enhanced XML entry names (`sanctionsList`), whose
        /// `datePublished` is the date the entry joined that list.
        public var lists: [String: RegimeID] = [:]

        /// Every regime this source's publications decide: its default and every mapped regime.
        public var managedRegimes: Set<RegimeID> {
            Set(programs.values).union(defaultRegime.map { [$0] } ?? [])
        }
    }

    public var sources: [String: Source]

    /// Decodes the mapping file.
    public init(json: JSONValue, file: String) throws(InputError) {
        var reader = try JSONObjectReader(json, path: "", line: 1)
        _ = try reader.string("note")
        var sources: [String: Source] = [:]
        for element in try reader.array("sources") ?? [] {
            var item = try JSONObjectReader(element.value, path: element.path, line: reader.lineOf("sources"))
            let source = try item.requiredString("source")
            _ = try item.stringArray("files")
            let defaultRegime = try item.string("default").map(RegimeID.init(rawValue:))
            let programs = try Self.regimes(item.object("programs"))
            let lists = try Self.regimes(item.object("lists"))
            try item.finish()
            sources[source] = Source(source: source, defaultRegime: defaultRegime, programs: programs, lists: lists)
        }
        try reader.finish()
        self.sources = sources
    }

    /// A `{"name": "regime"}` object of the mapping file.
    private static func regimes(_ object: JSONObjectReader?) throws(InputError) -> [String: RegimeID] {
        guard var map = object else { return [:] }
        var regimes: [String: RegimeID] = [:]
        for key in map.keys {
            guard let regime = try map.string(key) else { continue }
            regimes[key] = RegimeID(regime)
        }
        try map.finish()
        return regimes
    }

    /// The regime for an entry with `programs` from `source`: the source's default, else the
    /// mapped regime of highest severity, and among regimes of equal severity the one whose id
    /// sorts last, so that the regime depends on the set of programmes, never on their order in
    /// the file. Nil when no programme is mapped.
    public func regime(source: String, programs: [String], severity: (RegimeID) -> Int) -> RegimeID? {
        guard let mapping = sources[source] else { return nil }
        if let regime = mapping.defaultRegime { return regime }
        return programs.compactMap { mapping.programs[$0] }.max {
            (severity($0), $0.rawValue) < (severity($1), $1.rawValue)
        }
    }
}
