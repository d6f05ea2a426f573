/// Another name a designation is listed under.
public struct Alias: Hashable, Sendable, Comparable {
    /// Whether the name is an "also known as", "formerly known as" or "now known as".
    public enum Kind: String, Sendable, CaseIterable {
        case aka, fka, nka
    }

    /// The name as listed.
    public var name: String
    /// a.k.a., f.k.a. or n.k.a.
    public var kind: Kind
    /// A low-quality ("weak") alias: kept and screened, but marked.
    public var weak: Bool

    public init(_ name: String, kind: Kind = .aka, weak: Bool = false) {
        self.name = name
        self.kind = kind
        self.weak = weak
    }

    public static func < (lhs: Alias, rhs: Alias) -> Bool {
        (lhs.name, lhs.kind.rawValue, lhs.weak ? 1 : 0) < (rhs.name, rhs.kind.rawValue, rhs.weak ? 1 : 0)
    }
}

/// An identifier attached to a designation, such as an OFAC entry number or a registration number.
public struct Identifier: Hashable, Sendable, Comparable {
    /// The kind of identifier (`ofac-ent-num`, `registration`, `website`, ...).
    public var type: String
    /// Its value.
    public var value: String

    public init(type: String, value: String) {
        self.type = type
        self.value = value
    }

    public static func < (lhs: Identifier, rhs: Identifier) -> Bool { (lhs.type, lhs.value) < (rhs.type, rhs.value) }
}

/// The export licence terms of an Entity List style designation.
public struct LicenseTerms: Hashable, Sendable {
    /// What needs a licence, e.g. "For all items subject to the EAR".
    public var requirement: String?
    /// The licence review policy, e.g. "Presumption of denial" or "Case-by-case review".
    public var policy: String?
    /// Transaction types that this entry's licence requirement does not cover (e.g. `export-ear99`
    /// for an entry whose requirement excludes some EAR99 items), as stated by the curator.
    public var exempt: [TransactionType]

    public init(requirement: String? = nil, policy: String? = nil, exempt: [TransactionType] = []) {
        self.requirement = requirement
        self.policy = policy
        self.exempt = exempt
    }
}

/// The kind of listed party.
public enum EntityType: String, Sendable, CaseIterable, Hashable {
    case entity, individual, vessel, aircraft
}

/// A simple comparison key for names: case folded, punctuation dropped, spaces collapsed.
///
/// Used where an *exact* name is meant (removing an alias, finding a party by a listed name);
/// fuzzy matching has its own normaliser in the screening module.
public enum NameKey {
    /// The key of `name`: `"Hangzhou Hikvision Digital Technology Co., Ltd."` → `"hangzhou hikvision digital technology co ltd"`.
    public static func make(_ name: String) -> String {
        var utf8 = name.utf8
        if utf8.allSatisfy({ $0 < 0x80 }) { return makeASCII(&utf8) }
        var output = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in name.lowercased().unicodeScalars {
            let properties = scalar.properties
            if properties.isAlphabetic || properties.numericType != nil {
                if pendingSpace, !output.isEmpty { output.append(" ") }
                pendingSpace = false
                output.append(scalar)
            } else if properties.isWhitespace || properties.generalCategory.isPunctuationOrSymbol {
                pendingSpace = true
            }
        }
        return String(output)
    }

    /// The same folding for pure ASCII, without Unicode property lookups.
    private static func makeASCII(_ utf8: inout String.UTF8View) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(utf8.count)
        var pendingSpace = false
        for byte in utf8 {
            let lower = (0x41...0x5A).contains(byte) ? byte + 0x20 : byte
            if (0x61...0x7A).contains(lower) || (0x30...0x39).contains(lower) {
                if pendingSpace, !output.isEmpty { output.append(0x20) }
                pendingSpace = false
                output.append(lower)
            } else if (0x20...0x7E).contains(lower) || lower == 0x09 || lower == 0x0A || lower == 0x0D {
                pendingSpace = true
            }
        }
        return String(decoding: output, as: UTF8.self)
    }
}

extension Unicode.GeneralCategory {
    var isPunctuationOrSymbol: Bool {
        switch self {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
            .finalPunctuation, .otherPunctuation, .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol:
            true
        default: false
        }
    }
}

/// The identifier kinds the imports write and link by.
public enum IdentifierKind {
    /// OFAC's entry number (`ent_num` of the legacy files, `id` of the Enhanced XML): the key of
    /// every OFAC designation, stable across publications.
    public static let ofacEntryNumber = "ofac-ent-num"
    /// The Consolidated Screening List's row id (`_id`).
    public static let cslID = "csl-id"
    /// The `entity_number` of a non-OFAC CSL row.
    public static let cslEntityNumber = "csl-entity-number"
    /// The key of a BIS denial order in the Denied Persons List file: the person's name and the
    /// order's effective date (the file has no id).
    public static let dplKey = "dpl-key"

    /// The identifier that keys a designation in the rows of a list `source` (`csl-id` for the
    /// Consolidated Screening List, `dpl-key` for the Denied Persons List file).
    public static func rowKey(ofSource source: String) -> String {
        source == "bis-dpl" ? dplKey : cslID
    }
}
