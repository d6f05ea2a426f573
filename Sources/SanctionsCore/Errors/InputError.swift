/// Bad input: a file, record or field that cannot be accepted, with where it is and why.
///
/// Rendered like a compiler diagnostic, so that the reader can jump to the place:
/// `Events/notices/2019-10-09-84FR54002.json:37: field 'events[3].effective': '2019-13-01' is not a valid date: …`
///
/// For example:
/// ```swift
/// // given: ledger: Ledger, paths: [String]
/// do { try ledger.importFiles(paths) } catch let error as InputError where error.code == .conflictingEventID {
///     print(error)  // names the file and line of the event whose id is taken by other content
/// }
/// ```
public struct InputError: Error, Sendable, CustomStringConvertible {
    /// What kind of problem this is; new codes can be added without breaking callers.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private let name: String
        private init(_ name: String) { self.name = name }
        public var description: String { name }

        /// Not well-formed JSON (syntax, truncation, nesting).
        public static let malformedJSON = Code("malformed-json")
        /// Bytes that are not valid UTF-8.
        public static let notUTF8 = Code("not-utf8")
        /// A required field is absent.
        public static let missingField = Code("missing-field")
        /// A field that this record type does not have.
        public static let unknownField = Code("unknown-field")
        /// A field with a value of the wrong type or form.
        public static let invalidField = Code("invalid-field")
        /// A date or instant that does not parse or is out of the accepted range.
        public static let invalidDate = Code("invalid-date")
        /// An event `type` that the ledger does not know.
        public static let unknownEventType = Code("unknown-event-type")
        /// A regime that no regime declaration defines.
        public static let unknownRegime = Code("unknown-regime")
        /// An event id already stored (or given twice) with other content.
        public static let conflictingEventID = Code("conflicting-event-id")
        /// An event that contradicts the ledger's history (delisting a party that is not listed, ...).
        public static let inconsistentHistory = Code("inconsistent-history")
        /// A malformed row in a delimited (CSV/TSV) file.
        public static let malformedRow = Code("malformed-row")
        /// A field longer than the accepted limit; its record is skipped and reading can go on.
        public static let oversizeField = Code("oversize-field")
        /// A file that cannot be read at all.
        public static let unreadableFile = Code("unreadable-file")
        /// A list that would remove an implausible share of a source's designations (a truncated or partial file).
        public static let massRemoval = Code("mass-removal")
        /// Input beyond a stated resource limit (an archive that unpacks too large, a history too costly to fold).
        public static let overLimit = Code("over-limit")
    }

    /// The kind of problem.
    public var code: Code
    /// The file (path as given) the problem is in, when it came from a file.
    public var file: String?
    /// The 1-based line, when known.
    public var line: Int?
    /// The field (a JSON path such as `events[3].effective`, or a CSV column), when known.
    public var field: String?
    /// The human explanation.
    public var message: String
    /// The event the problem is about, when known (lets an importer point at the event's file and line).
    public var eventID: EventID?

    public init(
        _ code: Code, _ message: String, file: String? = nil, line: Int? = nil, field: String? = nil,
        eventID: EventID? = nil
    ) {
        self.code = code
        self.eventID = eventID
        self.message = message
        self.file = file
        self.line = line
        self.field = field
    }

    /// The same error, located in `file` (kept when already set).
    public func inFile(_ file: String) -> InputError {
        var copy = self
        if copy.file == nil { copy.file = file }
        return copy
    }

    public var description: String {
        var location = ""
        if let file {
            location = file
            if let line { location += ":\(line)" }
            location += ": "
        } else if let line {
            location = "line \(line): "
        }
        let fieldPart = field.map { "field '\($0)': " } ?? ""
        return location + fieldPart + message
    }
}
