public import SanctionsCore

/// Decodes event files (one JSON document each) with errors that name the file, line and field.
///
/// Two shapes are accepted: a notice file `{"notice": {...}, "events": [...]}` whose events
/// inherit the notice's `published`, `effective` and source, and a regime file
/// `{"regimes": [...]}` that declares regimes. See `Schema/events.schema.json`.
public enum EventFileDecoder {
    /// Decodes the bytes of the file at `path` (the path is only used in messages).
    public static func decode(_ bytes: [UInt8], path: String) throws(InputError) -> EventFile {
        let root = try parse(bytes, path: path)
        do {
            return try decode(root, path: path)
        } catch {
            throw error.inFile(path)
        }
    }

    /// Decodes one complete event (every field stated) from the bytes of a JSON object, e.g. stdin.
    public static func decodeEvent(_ bytes: [UInt8], path: String) throws(InputError) -> LedgerEvent {
        let root = try parse(bytes, path: path)
        return try LedgerEvent(json: root, line: 1, context: .init(file: path))
    }

    /// Parses bytes as JSON, refusing non-UTF-8 input with its position.
    static func parse(_ bytes: [UInt8], path: String) throws(InputError) -> JSONValue {
        if let offset = UTF8Check.firstInvalidOffset(bytes) {
            let position = UTF8Check.position(of: offset, in: bytes)
            throw InputError(
                .notUTF8,
                "byte 0x\(String(bytes[offset], radix: 16)) at column \(position.column) is not valid UTF-8 (event "
                    + "files must be UTF-8)",
                file: path, line: position.line)
        }
        do {
            return try JSONParser.parse(bytes)
        } catch {
            throw InputError(
                .malformedJSON, "malformed JSON: \(error.reason) (column \(error.column))", file: path, line: error.line
            )
        }
    }

    private static func decode(_ root: JSONValue, path: String) throws(InputError) -> EventFile {
        var reader = try JSONObjectReader(root, path: "", line: 1)
        if reader.has("sources") {
            // The programme-to-regime mapping of list imports (program-regimes.json): no events.
            _ = try ProgramRegimeMap(json: root, file: path)
            return EventFile(path: path, notice: nil, regimes: [], events: [])
        }
        if reader.has("regimes") {
            var regimes: [Regime] = []
            for element in try reader.array("regimes") ?? [] {
                regimes.append(try Regime(json: element.value, path: element.path, line: reader.lineOf("regimes")))
            }
            _ = try reader.string("note")
            try reader.finish()
            return EventFile(path: path, notice: nil, regimes: regimes, events: [])
        }
        guard var noticeReader = try reader.object("notice") else {
            throw InputError(
                .missingField, "an event file holds a 'notice' and its 'events' (or a list of 'regimes')", line: 1,
                field: "notice")
        }
        let notice = try decodeNotice(&noticeReader)
        guard let elements = try reader.array("events") else {
            throw reader.error("events", .missingField, "required field is missing")
        }
        try reader.finish()
        let context = LedgerEvent.DecodingContext(
            file: path, defaultPublished: notice.published, defaultSource: notice.source)
        var events: [LocatedEvent] = []
        events.reserveCapacity(elements.count)
        for element in elements {
            var value = element.value
            // The notice's effective date is the default of its events.
            if let effective = notice.effective, case .object(var members) = value,
                !members.contains(where: { $0.key == "effective" })
            {
                members.append(
                    JSONMember(key: "effective", value: .string(effective.description), line: members.first?.line ?? 0))
                value = .object(members)
            }
            let line: Int
            if case .object(let members) = value {
                line = members.first?.line ?? reader.lineOf("events")
            } else {
                line = reader.lineOf("events")
            }
            let event = try LedgerEvent(json: value, path: element.path, line: line, context: context)
            events.append(LocatedEvent(event: event, file: path, line: line))
        }
        return EventFile(path: path, notice: notice, regimes: [], events: events)
    }

    private static func decodeNotice(_ reader: inout JSONObjectReader) throws(InputError) -> Notice {
        guard let published = try reader.time("published") else {
            throw reader.error("published", .missingField, "required field is missing")
        }
        let notice = Notice(
            citation: try reader.requiredString("citation"), title: try reader.string("title"),
            authority: try reader.requiredString("authority"), published: published,
            effective: try reader.time("effective"),
            url: try reader.string("url"), note: try reader.string("note"))
        try reader.finish()
        return notice
    }
}
