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

    /// Golden vectors: the canonical bytes of one event of every type (escapes, non-ASCII text,
    /// control characters, instants, numbers, nested objects) and the chain hash of each as the
    /// first event of a ledger. Every hash in every ledger depends on these bytes: a change of the
    /// encoding cannot pass unnoticed, and must come with a new encoding version.
    static let golden: [(id: String, canonical: String, hash: String)] = [
        (
            "e1",
            #"{"aliases":[{"name":"ACME","type":"aka"},{"name":"Acmé Ünïcode \"quoted\"","type":"aka"}],"effective":"2019-10-09","id":"e1","license":{"exempt":["export-ear99"],"policy":"Presumption of denial","requirement":"For all items subject to the EAR"},"milestones":{"purchase-prohibited":"2020-01-01"},"name":"Acme Co., Ltd.","note":"line one\u000aline two\u0009\u0001","party":"acme","programs":["SDGT","IFSR"],"published":"2019-10-10","regime":"bis-entity-list","source":{"citation":"TEST 1"},"type":"listed"}"#,
            "fbc0dceb45da4070af9bbfe8b39912c63da9d5f602087730ed90d8a2a397254e"
        ),
        (
            "e2",
            #"{"effective":"2020-07-09T12:30:00Z","from":["bis-entity-list"],"id":"e2","name":"ACME","party":"acme","published":"2020-07-09T12:30:00Z","regime":"ofac-sdn","source":{"authority":"TEST","citation":"TEST 1","title":"Test notice"},"type":"escalated"}"#,
            "fa64b8c59fe885e00ac33242853b793d22dafd8a59a2bd4eafee772b4804630b"
        ),
        (
            "e3",
            #"{"effective":"2021-01-01","id":"e3","party":"acme","published":"2021-01-01","regime":"bis-entity-list","source":{"authority":"TEST","citation":"TEST 1","title":"Test notice"},"type":"delisted"}"#,
            "d0141a4951fc63e1773477973e9caa77d4b6612dce1f3ce6cc6e19476cfdb50e"
        ),
        (
            "e4",
            #"{"aliases":[{"name":"A.C.M.E.","type":"aka"}],"effective":"2019-11-01","id":"e4","party":"acme","published":"2019-11-01","regime":"bis-entity-list","source":{"authority":"TEST","citation":"TEST 1","title":"Test notice"},"type":"alias-added"}"#,
            "0999fd3db99fde5e1df60c21da20c1fcbf1a05fd7b9273bd49dc2d2066c69105"
        ),
        (
            "e5",
            #"{"aliases":[{"name":"ACME","type":"aka"}],"effective":"2019-12-01","id":"e5","party":"acme","published":"2019-12-01","regime":"bis-entity-list","source":{"authority":"TEST","citation":"TEST 1","title":"Test notice"},"type":"alias-removed"}"#,
            "c0153d09b10526da5c59d3b6cd8415f54acb6a9ca522c8054954c4f7dca0edc5"
        ),
        (
            "e6",
            #"{"addresses":["1 Main St, Shenzhen, CN"],"country":"CN","effective":"2020-01-01","entityType":"entity","id":"e6","identifiers":[{"type":"ofac-ent-num","value":"123"}],"name":"Acme Holdings","party":"acme","published":"2020-01-01","regime":"bis-entity-list","source":{"authority":"TEST","citation":"TEST 1","title":"Test notice"},"type":"amended"}"#,
            "2233acf70cb811f84b76e1978dabad97c7b408b77da8f60883359a9ef339686b"
        ),
        (
            "e7",
            #"{"effective":"1997-02-03","id":"e7","published":"1997-02-03","regime":"bis-entity-list","rules":[{"outcome":"license-required","policy":"Presumption of denial","transactionType":"export"},{"changes":[{"days":60,"milestone":"purchase-prohibited","note":"n","outcome":"prohibited"}],"outcome":"permitted","transactionType":"securities-purchase"}],"source":{"authority":"TEST","citation":"TEST 1","title":"Test notice"},"type":"rule-changed"}"#,
            "b1bda32d77329b095a9e6a878efc65b071ef2c289ccee161bc1321d3c225276d"
        ),
        (
            "e8",
            #"{"changes":{"effective":"2019-10-08"},"effective":"2019-11-05","id":"e8","party":"acme","published":"2019-11-05","regime":"bis-entity-list","source":{"authority":"TEST","citation":"TEST 1","title":"Test notice"},"target":"e1","type":"corrected"}"#,
            "282814a5d464c9fd627bb4e30a2a1fe785097e25a99713d3a1a2566f919b9517"
        ),
        (
            "e9",
            #"{"effective":"2019-11-06","id":"e9","party":"acme","published":"2019-11-06","reason":"test","regime":"bis-entity-list","source":{"authority":"TEST","citation":"TEST 1","title":"Test notice"},"target":"e4","type":"retracted"}"#,
            "45420000436d9d9fe6ce4899c709fd7b570ba3b01cb2b9fc4e86a555fa412044"
        ),
        (
            "e10",
            #"{"effective":"2021-08-18","entries":9083,"file":"sdn.csv","id":"e10","list":"ofac-sdn","published":"2021-08-18","regime":"ofac-sdn","sha256":"abababababababababababababababababababababababababababababababab","source":{"authority":"TEST","citation":"TEST 1","title":"Test notice"},"type":"observed"}"#,
            "65435c22282a370c1597c58634e76b36c55d2080d3b58f7d1cc932bb2c80b4a8"
        ),
    ]

    @Test func theCanonicalBytesAndHashesOfEveryEventTypeArePinned() throws {
        #expect(Self.golden.map(\.id) == Self.everyType.map(\.id.rawValue))
        for (event, expected) in zip(Self.everyType, Self.golden) {
            #expect(event.canonicalJSON == expected.canonical, "\(event.id)")
            let hash = ChainHash.hex(ChainHash.next(previous: ChainHash.genesis, canonical: event.canonicalBytes))
            #expect(hash == expected.hash, "\(event.id)")
            // Decoding the pinned bytes gives back the same event.
            #expect(try LedgerEvent(canonical: expected.canonical) == event)
        }
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
