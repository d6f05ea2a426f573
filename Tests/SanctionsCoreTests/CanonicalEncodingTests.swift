import SanctionsCore
import SanctionsTestSupport
import Testing

@Suite struct CanonicalEncodingTests {
    /// One event of every type, each with the optional fields filled in.
    static let everyType: [LedgerEvent] = {
        var listed = EventFactory.listed(
            "e1", party: "acme", effective: "2019-10-09", published: "2019-10-10", name: "Acme Co., Ltd.",
            aliases: ["ACME", "Acmé Ünïcode \"quoted\""], programs: ["SDGT", "IFSR"], policy: "Presumption of denial",
            milestones: ["purchase-prohibited": "2020-01-01"], exempt: [.exportEAR99])
        listed.note = "line one\nline two\t\u{01}"
        return [
            listed,
            EventFactory.escalated(
                "e2", party: "acme", regime: "ofac-sdn", from: ["bis-entity-list"], effective: "2020-07-09T12:30:00Z",
                name: "ACME"),
            EventFactory.delisted("e3", party: "acme", effective: "2021-01-01"),
            EventFactory.aliasAdded("e4", party: "acme", effective: "2019-11-01", aliases: ["A.C.M.E."]),
            EventFactory.aliasRemoved("e5", party: "acme", effective: "2019-12-01", aliases: ["ACME"]),
            EventFactory.amended(
                "e6", party: "acme", effective: "2020-01-01",
                details: DesignationDetails(
                    name: "Acme Holdings", addresses: ["1 Main St, Shenzhen, CN"], country: "CN", entityType: .entity,
                    identifiers: [Identifier(type: "ofac-ent-num", value: "123")])),
            EventFactory.rules(
                "e7", effective: "1997-02-03",
                [
                    RuleSpec(transactionType: .export, outcome: .licenseRequired, policy: "Presumption of denial"),
                    RuleSpec(
                        transactionType: .securitiesPurchase, outcome: .permitted,
                        changes: [.init(milestone: "purchase-prohibited", days: 60, outcome: .prohibited, note: "n")]),
                ]),
            EventFactory.corrected(
                "e8", party: "acme", target: "e1", published: "2019-11-05",
                changes: .object(["effective": .string("2019-10-08")])),
            EventFactory.retracted("e9", party: "acme", target: "e4", published: "2019-11-06"),
            EventFactory.observed("e10", at: "2021-08-18", entries: 9083, sha256: String(repeating: "ab", count: 32)),
        ]
    }()

    @Test(arguments: everyType)
    func roundTripsThroughTheCanonicalEncoding(event: LedgerEvent) throws {
        // Given the canonical bytes of an event
        let bytes = event.canonicalBytes
        // When they are decoded and encoded again
        let decoded = try LedgerEvent(canonical: String(decoding: bytes, as: UTF8.self))
        // Then the event and the bytes are the same
        #expect(decoded == event)
        #expect(decoded.canonicalBytes == bytes)
    }

    @Test func coversEveryEventType() {
        #expect(Set(Self.everyType.map(\.kind)) == Set(EventKind.allCases))
    }

    @Test func canonicalFormSortsKeysAndHasNoWhitespace() throws {
        let event = EventFactory.delisted("x", party: "p", effective: "2020-01-02")
        #expect(
            event.canonicalJSON
                == #"{"effective":"2020-01-02","id":"x","party":"p","published":"2020-01-02","regime":"bis-entity-list","source":{"authority":"TEST","citation":"TEST 1","title":"Test notice"},"type":"delisted"}"#
        )
    }

    @Test func keyOrderAndWhitespaceInTheSourceDoNotChangeTheCanonicalForm() throws {
        let a = try JSONParser.parse(
            Array(
                #"{"type":"delisted","id":"x","party":"p","regime":"r","effective":"2020-01-02","published":"2020-01-02","source":{"citation":"C"}}"#
                    .utf8))
        let b = try JSONParser.parse(
            Array(
                "{\n  \"source\": {\"citation\": \"C\"},\n  \"published\": \"2020-01-02\", \"effective\": \"2020-01-02\",\n \"regime\": \"r\", \"party\": \"p\", \"id\": \"x\", \"type\": \"delisted\"\n}"
                    .utf8))
        #expect(try LedgerEvent(json: a).canonicalBytes == LedgerEvent(json: b).canonicalBytes)
    }

    @Test func aliasGivenAsAStringEqualsTheObjectForm() throws {
        let short = try JSONParser.parse(
            Array(
                #"{"id":"x","type":"alias-added","party":"p","regime":"r","effective":"2020-01-02","published":"2020-01-02","source":{"citation":"C"},"aliases":["Hikvision"]}"#
                    .utf8))
        let long = try JSONParser.parse(
            Array(
                #"{"id":"x","type":"alias-added","party":"p","regime":"r","effective":"2020-01-02","published":"2020-01-02","source":{"citation":"C"},"aliases":[{"name":"Hikvision","type":"aka"}]}"#
                    .utf8))
        #expect(try LedgerEvent(json: short) == LedgerEvent(json: long))
    }

    @Test func chainHashIsSHA256OfPreviousHashAndCanonicalBytes() {
        // SHA-256 of 32 zero bytes followed by "abc", computed independently with Python's hashlib.
        let hash = ChainHash.next(previous: ChainHash.genesis, canonical: Array("abc".utf8))
        #expect(ChainHash.hex(hash) == "365aa7d8f7f9402c4b9434502b4cc89ddb09fe50d7cd95b493b834c62d5a5370")
        #expect(
            ChainHash.hex(ChainHash.sha256(Array("abc".utf8)))
                == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }
}
