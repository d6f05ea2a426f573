import Foundation
public import SanctionsCore

#if canImport(FoundationXML)
import FoundationXML
#endif

/// Parses OFAC's Enhanced XML publications (`SDN_ENHANCED.XML`, `CONS_ENHANCED.XML`) into the same
/// ``OFACEntry`` values as the legacy CSV files, so that both feed one snapshot builder.
///
/// Per `<entity id>`: the type (`generalInfo/entityType`), the programmes, the primary name (the
/// primary translation's `formattedFullName`), every other name as an alias of its `aliasType`
/// (a low-quality name is a weak alias; translations into other scripts are aliases too), the
/// addresses (street parts, city with state and postal code, country) and, as remarks, the
/// entity's remarks followed by its features and identity documents in the wording of the legacy
/// CSV remarks (`Listing Date (CMIC) 16 Dec 2021; ...`), which is where the CMIC dates are read.
///
/// Errors name the file and line: malformed XML, an entity without an id or a primary name, an
/// unknown entity or alias type, a duplicate entity id.
public enum OFACEnhancedXMLParser {
    /// What a publication holds.
    public struct Result: Sendable {
        public var entries: [OFACEntry]
        /// `publicationInfo/dataAsOf`, when present.
        public var dataAsOf: LedgerTime?
    }

    /// Parses the XML in `bytes`; `file` names it in errors.
    public static func parse(_ bytes: [UInt8], file: String) throws(InputError) -> Result {
        if let offset = UTF8Check.firstInvalidOffset(bytes) {
            let position = UTF8Check.position(of: offset, in: bytes)
            throw InputError(
                .notUTF8, "byte 0x\(String(bytes[offset], radix: 16)) at column \(position.column) is not valid UTF-8",
                file: file, line: position.line)
        }
        try refuseConstructsOFACNeverUses(bytes, file: file)
        let delegate = EnhancedXMLDelegate(file: file)
        let parser = XMLParser(data: Data(bytes))
        parser.shouldProcessNamespaces = false
        parser.shouldResolveExternalEntities = false
        parser.delegate = delegate
        let parsed = parser.parse()
        if let error = delegate.error { throw error }
        guard parsed else {
            let reason = parser.parserError.map { ($0 as NSError).localizedDescription } ?? "malformed XML"
            throw InputError(
                .malformedRow, "malformed XML (\(reason.trimmedOfWhitespace())); the file may be truncated", file: file,
                line: max(parser.lineNumber, 1))
        }
        guard delegate.sawRoot else {
            throw InputError(
                .malformedRow, "not an OFAC Enhanced XML publication: no <sanctionsData> root element", file: file,
                line: 1)
        }
        // libxml2 can report success for a document cut short; a publication is whole only when
        // its root element is closed (a truncated download would otherwise delist every entity
        // after the cut).
        guard delegate.closedRoot else {
            let lines = bytes.reduce(1) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
            throw InputError(
                .malformedRow,
                "the file ends before </sanctionsData>: it is truncated (\(delegate.entries.count) entities read)",
                file: file, line: lines)
        }
        return Result(entries: delegate.entries, dataAsOf: delegate.dataAsOf)
    }

    /// Refuses what OFAC's publications never contain and the XML stack handles badly: a DTD or
    /// entity declaration (entity expansion attacks) and any processing instruction but the XML
    /// declaration at the very start (FoundationXML on Linux crashes on `<?target?>` without data;
    /// found by the fuzzer, `EnhancedXMLImportTests` keeps the input).
    static func refuseConstructsOFACNeverUses(_ bytes: [UInt8], file: String) throws(InputError) {
        func line(_ offset: Int) -> Int { UTF8Check.position(of: offset, in: bytes).line }
        if let offset = firstOccurrence(of: Array("<!DOCTYPE".utf8), in: bytes)
            ?? firstOccurrence(of: Array("<!ENTITY".utf8), in: bytes)
        {
            throw InputError(
                .malformedRow,
                "a DTD or entity declaration; OFAC publications have none, and this reader does not expand them",
                file: file, line: line(offset))
        }
        let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        let declaration = Array("<?xml".utf8)
        var from = 0
        while let offset = firstOccurrence(of: Array("<?".utf8), in: bytes, from: from) {
            let isDeclaration =
                offset == start && bytes[offset...].starts(with: declaration)
                && bytes.count > offset + declaration.count
                && [0x20, 0x09, 0x0A, 0x0D].contains(bytes[offset + declaration.count])
            guard isDeclaration else {
                throw InputError(
                    .malformedRow,
                    "a processing instruction (<?...?>) other than the XML declaration at the start; OFAC "
                        + "publications have none",
                    file: file, line: line(offset))
            }
            from = offset + 2
        }
    }

    private static func firstOccurrence(of needle: [UInt8], in bytes: [UInt8], from: Int = 0) -> Int? {
        guard let first = needle.first, bytes.count >= needle.count else { return nil }
        var index = from
        while index <= bytes.count - needle.count {
            if bytes[index] == first && bytes[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }
}

/// The SAX delegate: collects one entity at a time from the element path.
private final class EnhancedXMLDelegate: NSObject, XMLParserDelegate {
    let file: String
    var entries: [OFACEntry] = []
    var dataAsOf: LedgerTime?
    var error: InputError?
    var sawRoot = false
    var closedRoot = false

    private var path: [String] = []
    private var text = ""
    private var seen: Set<String> = []

    // The entity being read.
    private var entity: OFACEntry?
    private var primaryNameFound = false
    // The name being read: whether it is primary, its alias type and quality, its translations.
    private var nameIsPrimary = false
    private var nameAliasKind: Alias.Kind = .aka
    private var nameWeak = false
    private var translations: [(primary: Bool, fullName: String)] = []
    private var translationPrimary = false
    private var translationFullName: String?
    // The address being read.
    private var addressCountry: String?
    private var addressParts: [(type: String, value: String)] = []
    private var addressPartType: String?
    // Features and documents, in the legacy remarks' wording.
    private var remarkParts: [String] = []
    private var featureType: String?
    private var featureValue: String?
    private var documentType: String?
    private var documentNumber: String?
    private var documentCountry: String?
    private var listDate: LedgerTime?
    private var line = 0

    init(file: String) {
        self.file = file
    }

    /// Records the first problem; the rest of the document is read but ignored. (`abortParsing()`
    /// from a callback makes FoundationXML on Linux crash inside libxml2: found by the fuzzer.)
    private func fail(_ parser: XMLParser, _ message: String, field: String? = nil) {
        guard error == nil else { return }
        error = InputError(.malformedRow, message, file: file, line: parser.lineNumber, field: field)
    }

    /// The element path below the current entity, e.g. `names/name/translations/translation`.
    private var inner: ArraySlice<String> {
        guard let index = path.lastIndex(of: "entity") else { return [] }
        return path[(index + 1)...]
    }

    func parser(
        _ parser: XMLParser, didStartElement element: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        path.append(element)
        text = ""
        guard error == nil else { return }
        switch element {
        case "sanctionsData":
            sawRoot = true
        case "entity" where path.dropLast().last == "entities":
            guard let id = attributes["id"], !id.isEmpty, id.allSatisfy(\.isNumber) else {
                return fail(parser, "an <entity> without a numeric id attribute", field: "entity/@id")
            }
            guard seen.insert(id).inserted else {
                return fail(parser, "duplicate entity id \(id)", field: "entity/@id")
            }
            entity = OFACEntry(
                number: id, name: "", type: .entity, programs: [], title: nil, remarks: nil, aliases: [], addresses: [],
                country: nil,
                vessel: [:], file: file, line: parser.lineNumber)
            primaryNameFound = false
            remarkParts = []
        case "name" where inner.elementsEqual(["names", "name"]):
            nameIsPrimary = false
            nameAliasKind = .aka
            nameWeak = false
            translations = []
        case "translation" where inner.elementsEqual(["names", "name", "translations", "translation"]):
            translationPrimary = false
            translationFullName = nil
        case "address" where inner.elementsEqual(["addresses", "address"]):
            addressCountry = nil
            addressParts = []
        case "feature" where inner.elementsEqual(["features", "feature"]):
            featureType = nil
            featureValue = nil
        case "sanctionsList" where inner.elementsEqual(["sanctionsLists", "sanctionsList"]):
            listDate = attributes["datePublished"].flatMap { try? LedgerTime.parse(String($0.prefix(10))) }
        case "identityDocument" where inner.elementsEqual(["identityDocuments", "identityDocument"]):
            documentType = nil
            documentNumber = nil
            documentCountry = nil
        default:
            break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if error == nil { text += string }
    }

    func parser(_ parser: XMLParser, didEndElement element: String, namespaceURI: String?, qualifiedName: String?) {
        defer {
            path.removeLast()
            text = ""
        }
        guard error == nil else { return }
        let value = text.trimmedOfWhitespace()
        if path.elementsEqual(["sanctionsData"]) {
            closedRoot = true
            return
        }
        if path.elementsEqual(["sanctionsData", "publicationInfo", "dataAsOf"]) {
            dataAsOf = try? LedgerTime.parse(String(value.prefix(10)))
            return
        }
        guard entity != nil else { return }
        let inner = Array(self.inner)
        switch inner.first {
        case "names": endNamePart(parser, inner, value)
        case "addresses": endAddressPart(inner, value)
        case "features", "identityDocuments": endFeaturePart(inner, value)
        case nil: endEntity(parser)
        default: endGeneralPart(parser, inner, value)
        }
    }

    /// An element of `generalInfo` or `sanctionsPrograms` has ended.
    private func endGeneralPart(_ parser: XMLParser, _ inner: [String], _ value: String) {
        switch inner {
        case ["generalInfo", "entityType"]:
            switch value.lowercased() {
            case "entity": entity?.type = .entity
            case "individual": entity?.type = .individual
            case "vessel": entity?.type = .vessel
            case "aircraft": entity?.type = .aircraft
            default:
                fail(
                    parser, "entity \(entity?.number ?? "?") has the unknown entityType '\(value)'", field: "entityType"
                )
            }
        case ["generalInfo", "remarks"] where !value.isEmpty:
            remarkParts.insert(value, at: 0)
        case ["sanctionsPrograms", "sanctionsProgram"] where !value.isEmpty:
            entity?.programs.append(value)
        case ["sanctionsLists", "sanctionsList"] where !value.isEmpty:
            if let listDate { entity?.listDates[value] = listDate }
        default:
            break
        }
    }

    /// An element of `names` has ended.
    private func endNamePart(_ parser: XMLParser, _ inner: [String], _ value: String) {
        switch inner {
        case ["names", "name", "isPrimary"]:
            nameIsPrimary = value == "true"
        case ["names", "name", "isLowQuality"]:
            nameWeak = value == "true"
        case ["names", "name", "aliasType"]:
            switch value.lowercased().filter({ $0 != "." }) {
            case "aka": nameAliasKind = .aka
            case "fka": nameAliasKind = .fka
            case "nka": nameAliasKind = .nka
            default:
                fail(
                    parser, "entity \(entity?.number ?? "?") has a name of the unknown aliasType '\(value)'",
                    field: "aliasType")
            }
        case ["names", "name", "translations", "translation", "isPrimary"]:
            translationPrimary = value == "true"
        case ["names", "name", "translations", "translation", "formattedFullName"]:
            translationFullName = value
        case ["names", "name", "translations", "translation"]:
            if let name = translationFullName, !name.isEmpty { translations.append((translationPrimary, name)) }
        case ["names", "name"]:
            endName(parser)
        default:
            break
        }
    }

    /// An element of `addresses` has ended.
    private func endAddressPart(_ inner: [String], _ value: String) {
        switch inner {
        case ["addresses", "address", "country"]:
            addressCountry = value.isEmpty ? nil : value
        case ["addresses", "address", "translations", "translation", "addressParts", "addressPart", "type"]:
            addressPartType = value
        case ["addresses", "address", "translations", "translation", "addressParts", "addressPart", "value"]:
            if let type = addressPartType, !value.isEmpty { addressParts.append((type, value)) }
        case ["addresses", "address"]:
            endAddress()
        default:
            break
        }
    }

    /// An element of `features` or `identityDocuments` has ended (they become remarks, as in the CSV).
    private func endFeaturePart(_ inner: [String], _ value: String) {
        switch inner {
        case ["features", "feature", "type"]:
            featureType = value
        case ["features", "feature", "value"]:
            featureValue = value
        case ["features", "feature"]:
            if let type = featureType, let value = featureValue, !value.isEmpty {
                remarkParts.append("\(Self.legacyFeatureLabels[type] ?? type) \(value)")
            }
        case ["identityDocuments", "identityDocument", "type"]:
            documentType = value
        case ["identityDocuments", "identityDocument", "documentNumber"]:
            documentNumber = value
        case ["identityDocuments", "identityDocument", "issuingCountry"]:
            documentCountry = value
        case ["identityDocuments", "identityDocument"]:
            if let type = documentType, let number = documentNumber, !number.isEmpty {
                remarkParts.append("\(type) \(number)" + (documentCountry.map { " (\($0))" } ?? ""))
            }
        default:
            break
        }
    }

    /// How the legacy CSV remarks word the features they abbreviate.
    static let legacyFeatureLabels = [
        "Birthdate": "DOB", "Place of Birth": "POB", "Nationality Country": "nationality",
        "Citizenship Country": "citizen",
    ]

    private func endName(_ parser: XMLParser) {
        guard var entity else { return }
        let ordered = translations.filter(\.primary) + translations.filter { !$0.primary }
        guard let first = ordered.first else {
            return fail(
                parser, "entity \(entity.number) has a name without a formattedFullName", field: "formattedFullName")
        }
        var others = ordered.dropFirst().map(\.fullName)
        if nameIsPrimary && !primaryNameFound {
            entity.name = first.fullName
            primaryNameFound = true
        } else {
            others.insert(first.fullName, at: 0)
        }
        for name in others where name != entity.name && !entity.aliases.contains(where: { $0.name == name }) {
            entity.aliases.append(
                OFACEntry.AlternateName(
                    number: nil, kind: nameIsPrimary ? .aka : nameAliasKind, name: name,
                    weak: nameIsPrimary ? false : nameWeak))
        }
        self.entity = entity
    }

    private func endAddress() {
        func part(_ type: String) -> String? { addressParts.first { $0.type == type }?.value }
        let street = addressParts.filter { $0.type.hasPrefix("ADDRESS") }.map(\.value).joined(separator: ", ")
        let statePostal = [part("STATE/PROVINCE"), part("POSTAL CODE")].compactMap { $0 }.joined(separator: " ")
        let locality = [part("CITY"), statePostal.isEmpty ? nil : statePostal].compactMap { $0 }.joined(separator: ", ")
        // The legacy files put a region into the country column when no country is given.
        let country = addressCountry ?? part("REGION").map { "Region: \($0)" }
        let parts = [street, locality, country ?? ""].filter { !$0.isEmpty }
        if !parts.isEmpty { entity?.addresses.append(parts.joined(separator: ", ")) }
        if entity?.country == nil, let country { entity?.country = country }
    }

    private func endEntity(_ parser: XMLParser) {
        guard var entity else { return }
        self.entity = nil
        guard primaryNameFound, !entity.name.isEmpty else {
            return fail(parser, "entity \(entity.number) has no primary name", field: "names")
        }
        // Weak a.k.a.s close the legacy remarks, as there.
        remarkParts += entity.aliases.filter(\.weak).map { "a.k.a. '\($0.name)'" }
        if !remarkParts.isEmpty { entity.remarks = remarkParts.joined(separator: "; ") + "." }
        entries.append(entity)
    }
}
