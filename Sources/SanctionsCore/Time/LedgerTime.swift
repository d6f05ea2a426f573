/// A point on one of the ledger's clocks: a calendar day (`2019-10-09`) or a UTC instant
/// (`2021-08-20T18:50:52Z`).
///
/// Legal dates are days; snapshot observations and the ledger's own `recorded` clock are
/// instants. A day compares as its first instant (midnight UTC), so a listing effective on a day is
/// in force at every instant of that day. Text forms are strict: `YYYY-MM-DD` with a real
/// calendar date, or `YYYY-MM-DDTHH:MM:SSZ`; nothing else parses.
///
/// For example:
/// ```swift
/// let day = try LedgerTime.parse("2019-10-09")
/// day.description                 // "2019-10-09"
/// day.endOfDay.description        // "2019-10-09T23:59:59Z"
/// ```
public struct LedgerTime: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Seconds since 1970-01-01T00:00:00Z.
    public let seconds: Int64
    /// Whether this value was given with a time of day (an instant) rather than as a day.
    public let hasTimeOfDay: Bool

    /// The earliest accepted year.
    public static let minimumYear = 1
    /// The latest accepted year.
    public static let maximumYear = 9999
    private static let secondsPerDay: Int64 = 86_400

    /// A day, from its calendar parts (validated).
    public init(year: Int, month: Int, day: Int) throws(LedgerTimeError) {
        guard (Self.minimumYear...Self.maximumYear).contains(year) else {
            throw LedgerTimeError(text: "\(year)-\(month)-\(day)", reason: "year out of range 0001...9999")
        }
        guard (1...12).contains(month) else {
            throw LedgerTimeError(text: "\(year)-\(month)-\(day)", reason: "month \(month) does not exist")
        }
        guard (1...CivilDate.daysInMonth(year: year, month: month)).contains(day) else {
            throw LedgerTimeError(text: "\(year)-\(month)-\(day)", reason: "day \(day) does not exist in that month")
        }
        self.seconds = CivilDate.days(year: year, month: month, day: day) * Self.secondsPerDay
        self.hasTimeOfDay = false
    }

    /// A value from seconds since the epoch; `hasTimeOfDay` false rounds down to the day.
    public init(seconds: Int64, hasTimeOfDay: Bool) {
        if hasTimeOfDay {
            self.seconds = seconds
        } else {
            self.seconds = Self.floorDiv(seconds, Self.secondsPerDay) * Self.secondsPerDay
        }
        self.hasTimeOfDay = hasTimeOfDay
    }

    /// Reconstructs a value stored as seconds: midnight reads back as a day.
    public init(storedSeconds: Int64) {
        self.init(seconds: storedSeconds, hasTimeOfDay: storedSeconds % Self.secondsPerDay != 0)
    }

    private static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
        a >= 0 ? a / b : -((-a + b - 1) / b)
    }

    /// Parses `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM:SSZ` strictly.
    public static func parse(_ text: String) throws(LedgerTimeError) -> LedgerTime {
        let bytes = Array(text.utf8)
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for index in range {
                let byte = bytes[index]
                guard byte >= 0x30, byte <= 0x39 else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            return value
        }
        guard bytes.count == 10 || bytes.count == 20, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
            let year = number(0..<4), let month = number(5..<7), let day = number(8..<10)
        else {
            throw LedgerTimeError(text: text, reason: "expected YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ")
        }
        let date: LedgerTime
        do {
            date = try LedgerTime(year: year, month: month, day: day)
        } catch {
            throw LedgerTimeError(text: text, reason: error.reason)
        }
        if bytes.count == 10 { return date }
        guard bytes[10] == UInt8(ascii: "T"), bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":"),
            bytes[19] == UInt8(ascii: "Z"), let hour = number(11..<13), let minute = number(14..<16),
            let second = number(17..<19)
        else {
            throw LedgerTimeError(text: text, reason: "expected YYYY-MM-DDTHH:MM:SSZ (UTC, with a final Z)")
        }
        guard hour < 24, minute < 60, second < 60 else {
            throw LedgerTimeError(text: text, reason: "time of day out of range")
        }
        return LedgerTime(seconds: date.seconds + Int64(hour * 3600 + minute * 60 + second), hasTimeOfDay: true)
    }

    /// The calendar day this value falls on.
    public var day: LedgerTime { LedgerTime(seconds: seconds, hasTimeOfDay: false) }

    /// The last second of this value's day: what "on this day" means for a day-valued query.
    public var endOfDay: LedgerTime {
        LedgerTime(seconds: day.seconds + Self.secondsPerDay - 1, hasTimeOfDay: true)
    }

    /// The query instant for "on/known at this value": the end of the day for a day, the instant itself otherwise.
    public var queryInstant: LedgerTime { hasTimeOfDay ? self : endOfDay }

    /// This value moved by a number of whole days (keeps the precision).
    public func adding(days: Int) -> LedgerTime {
        LedgerTime(seconds: seconds + Int64(days) * Self.secondsPerDay, hasTimeOfDay: hasTimeOfDay)
    }

    /// Whole days from `self` to `other` (negative when `other` is earlier), by calendar day.
    public func days(until other: LedgerTime) -> Int {
        Int(Self.floorDiv(other.seconds, Self.secondsPerDay) - Self.floorDiv(seconds, Self.secondsPerDay))
    }

    /// The calendar parts of this value's day.
    public var civil: (year: Int, month: Int, day: Int) {
        CivilDate.civil(days: Self.floorDiv(seconds, Self.secondsPerDay))
    }

    /// `YYYY-MM-DD` for a day, `YYYY-MM-DDTHH:MM:SSZ` for an instant.
    public var description: String {
        let (year, month, day) = civil
        let date = pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2)
        guard hasTimeOfDay else { return date }
        let secondOfDay = Int(seconds - Self.floorDiv(seconds, Self.secondsPerDay) * Self.secondsPerDay)
        return date + "T" + pad(secondOfDay / 3600, 2) + ":" + pad(secondOfDay / 60 % 60, 2) + ":"
            + pad(secondOfDay % 60, 2) + "Z"
    }

    /// The day part only, as `YYYY-MM-DD`.
    public var dayString: String { day.description }

    private func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }

    public static func < (lhs: LedgerTime, rhs: LedgerTime) -> Bool {
        lhs.seconds != rhs.seconds ? lhs.seconds < rhs.seconds : (!lhs.hasTimeOfDay && rhs.hasTimeOfDay)
    }

    /// The latest representable value, used for "open ended".
    public static let distantFuture = LedgerTime(seconds: 253_402_300_799, hasTimeOfDay: true)
}

/// A text that is not a valid ledger date or instant.
public struct LedgerTimeError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The text that was given.
    public var text: String
    /// Why it was refused.
    public var reason: String
    public var description: String { "'\(text)' is not a valid date: \(reason)" }
}
