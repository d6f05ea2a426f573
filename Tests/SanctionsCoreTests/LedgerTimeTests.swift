import SanctionsCore
import Testing

@Suite struct LedgerTimeTests {
    @Test(arguments: [
        "2019-10-09", "2020-02-29", "0001-01-01", "9999-12-31", "2021-08-20T18:50:52Z", "1970-01-01T00:00:00Z",
    ])
    func parsesAndPrintsValidTimes(text: String) throws {
        #expect(try LedgerTime.parse(text).description == text)
    }

    @Test(arguments: [
        ("0000-00-00", "year out of range"), ("2019-13-01", "month 13 does not exist"),
        ("2019-02-29", "day 29 does not exist"),
        ("2019-04-31", "day 31 does not exist"), ("2019-1-1", "expected YYYY-MM-DD"),
        ("20191009", "expected YYYY-MM-DD"),
        ("2019-10-09T25:00:00Z", "time of day out of range"), ("2019-10-09T10:00:00", "expected YYYY-MM-DD"),
        ("2019-10-09T10:00:00+01:00", "expected YYYY-MM-DD"), ("", "expected YYYY-MM-DD"),
        ("１９１９-10-09", "expected YYYY-MM-DD"),
    ])
    func refusesImpossibleOrMalformedDates(text: String, reason: String) {
        #expect {
            try LedgerTime.parse(text)
        } throws: { error in
            (error as? LedgerTimeError)?.description.contains(reason) == true
        }
    }

    @Test func aDayComparesAsItsFirstInstant() throws {
        let day = try LedgerTime.parse("2021-08-20")
        let afternoon = try LedgerTime.parse("2021-08-20T18:50:52Z")
        #expect(day < afternoon)
        #expect(day.endOfDay.description == "2021-08-20T23:59:59Z")
        #expect(afternoon.queryInstant == afternoon)
        #expect(day.queryInstant == day.endOfDay)
    }

    @Test func dayArithmeticCrossesMonthsAndLeapYears() throws {
        let listing = try LedgerTime.parse("2021-12-16")
        #expect(listing.adding(days: 60).description == "2022-02-14")
        #expect(listing.adding(days: 365).description == "2022-12-16")
        #expect(try LedgerTime.parse("2020-02-28").adding(days: 1).description == "2020-02-29")
        #expect(listing.days(until: try LedgerTime.parse("2022-02-14")) == 60)
        #expect(try LedgerTime.parse("1969-12-31").adding(days: 1).description == "1970-01-01")
    }
}
