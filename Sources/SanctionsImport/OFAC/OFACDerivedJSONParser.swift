public import SanctionsCore

/// Reads a third party's JSON derived from OFAC's SDN.CSV and ALT.CSV (`{published, entries:
/// [{uid, name, type, programs, alternateNames}]}`, e.g. kindrat86/ofac-sdn-json).
///
/// It is not an OFAC file: it keeps only the entry number, the primary name, the type, the
/// programmes and the alias names (without their kind). What it lacks (addresses, remarks, weak
/// aliases, identifiers, alias kinds) is unknown, not removed: its snapshots cover aliases only.
public enum OFACDerivedJSONParser {
    /// The entries of the file and the publication date it states (`published`, OFAC's label).
    public static func parse(_ bytes: [UInt8], file: String) throws(InputError) -> (
        entries: [OFACEntry], published: LedgerTime?
    ) {
        let json: JSONValue
        do { json = try JSONParser.parse(bytes) } catch {
            throw InputError(.malformedJSON, "\(error)", file: file)
        }
        var root: JSONObjectReader
        do { root = try JSONObjectReader(json, path: "", line: 1) } catch { throw error.inFile(file) }
        let published = try? root.time("published")
        guard let elements = try root.array("entries") else {
            throw InputError(
                .missingField, "the file has no 'entries' array (is this a derived SDN JSON file?)", file: file,
                field: "entries")
        }
        var entries: [OFACEntry] = []
        entries.reserveCapacity(elements.count)
        var seen: [String: String] = [:]
        for element in elements {
            let entry: OFACEntry
            do { entry = try self.entry(element, file: file) } catch { throw error.inFile(file) }
            if let earlier = seen[entry.number] {
                throw InputError(
                    .malformedRow, "uid \(entry.number) appears twice (also at \(earlier))", file: file,
                    field: element.path)
            }
            seen[entry.number] = element.path
            entries.append(entry)
        }
        return (entries, published)
    }

    private static func entry(_ element: JSONArrayElement, file: String) throws(InputError) -> OFACEntry {
        var reader = try JSONObjectReader(element.value, path: element.path, line: 0)
        guard case .number(let uidText) = reader.value("uid") ?? .null, let uid = Int(uidText), uid > 0 else {
            throw reader.error("uid", .invalidField, "expected a positive whole number (the OFAC entry number)")
        }
        let name = try reader.requiredString("name")
        let typeText = try reader.requiredString("type")
        guard let type = EntityType(rawValue: typeText) else {
            throw reader.error(
                "type", .invalidField, "'\(typeText)' is not one of entity, individual, vessel, aircraft")
        }
        guard let programs = try reader.stringArray("programs"), !programs.isEmpty else {
            throw reader.error("programs", .missingField, "an SDN entry has at least one programme")
        }
        let aliases = try reader.stringArray("alternateNames") ?? []
        try reader.finish()
        return OFACEntry(
            number: String(uid), name: name, type: type, programs: programs, title: nil, remarks: nil,
            aliases: aliases.map { OFACEntry.AlternateName(number: nil, kind: .aka, name: $0, weak: false) },
            addresses: [], country: nil, vessel: [:], file: file, line: 0)
    }
}
