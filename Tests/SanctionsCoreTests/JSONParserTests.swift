import SanctionsCore
import Testing

@Suite struct JSONParserTests {
    @Test(arguments: [
        ("{\"a\": 1,}", 1, "expected a member name"),
        ("{\n\"a\": 1\n\"b\": 2}", 3, "expected ',' or '}'"),
        ("{\"a\": [1, 2}", 1, "expected ',' or ']'"),
        ("{\"a\": \"unterminated", 1, "unterminated string"),
        ("{\"a\": 1, \"a\": 2}", 1, "duplicate member 'a'"),
        ("{\"a\": tru}", 1, "invalid literal"),
        ("{\"a\": 01}", 1, "expected ',' or '}'"),
        ("{\"a\": \"\\x\"}", 1, "invalid escape"),
        ("{\"a\": \"\u{01}\"}", 1, "unescaped control character"),
        ("{} {}", 1, "unexpected content after the end"),
        ("", 1, "unexpected end of input"),
        ("{\"a\": \"\\ud800\"}", 1, "unpaired UTF-16 surrogate"),
    ])
    func reportsSyntaxErrorsWithTheirLine(text: String, line: Int, reason: String) {
        #expect {
            try JSONParser.parse(Array(text.utf8))
        } throws: { error in
            guard let error = error as? JSONParser.SyntaxError else { return false }
            return error.line == line && error.reason.contains(reason)
        }
    }

    @Test(arguments: [3, 15, 16, 17, 40])
    func findsADuplicateMemberInObjectsOfAnySize(members: Int) throws {
        let names = (0..<members).map { "\"m\($0)\": \($0)" }
        // Distinct names parse
        let distinct = "{" + names.joined(separator: ", ") + "}"
        guard case .object(let parsed) = try JSONParser.parse(Array(distinct.utf8)) else {
            Issue.record("not an object"); return
        }
        #expect(parsed.count == members)
        // The first name repeated at the end, after all the others, is refused
        let repeated = "{" + names.joined(separator: ", ") + ", \"m0\": 0}"
        #expect {
            try JSONParser.parse(Array(repeated.utf8))
        } throws: { error in
            (error as? JSONParser.SyntaxError)?.reason.contains("duplicate member 'm0'") == true
        }
    }

    @Test func refusesInvalidUTF8InStrings() {
        #expect {
            try JSONParser.parse([0x7B, 0x22, 0x61, 0x22, 0x3A, 0x22, 0xC3, 0x28, 0x22, 0x7D])
        } throws: { error in
            (error as? JSONParser.SyntaxError)?.reason.contains("UTF-8") == true
        }
    }

    @Test func refusesDeeplyNestedDocumentsWithoutCrashing() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect {
            try JSONParser.parse(Array(deep.utf8))
        } throws: { error in
            (error as? JSONParser.SyntaxError)?.reason.contains("nesting deeper than") == true
        }
    }

    @Test func decodesEscapesAndNonASCII() throws {
        let value = try JSONParser.parse(
            Array(#"{"a":"\u00e9\ud83d\ude00 \"q\" \\ \n","b":[true,false,null,-1.5e3]}"#.utf8))
        #expect(value["a"]?.stringValue == "é😀 \"q\" \\ \n")
        #expect(value["b"]?[3]?.numberText == "-1.5e3")
    }

    @Test func recordsTheLineOfEachMember() throws {
        guard case .object(let members) = try JSONParser.parse(Array("{\n\"a\": 1,\n\n\"b\": 2\n}".utf8)) else {
            Issue.record("not an object")
            return
        }
        #expect(members.map(\.line) == [2, 4])
    }
}
