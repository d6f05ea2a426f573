import Foundation
public import SanctionsCore
public import SanctionsImport

/// What is known about the folders of a data root beyond their files (`scripts/history-sources.json`):
/// when a publication was observed where its files do not say, which folder is a sample, which
/// scrape checked the list on a schedule (so that a change it saw is dated to hours, not to the
/// time since the last change), and which folders hold nothing to import.
///
/// A folder the file does not name is read from its files and its name alone (a folder named
/// `...-2024-03-15` is observed on that day, one named `...-2024-03` by the month's last day).
public struct HistorySources: Sendable {
    /// What is known about one folder.
    public struct Folder: Sendable {
        /// When the publication was observed (published by), when its files do not say.
        public var observed: LedgerTime?
        /// A sample or extract of the list: it shows entries, never their absence.
        public var partial = false
        /// Why the folder is not imported, when it is not.
        public var skip: String?
        /// A scrape that checked the list every this many hours (and committed only changes).
        public var checkedEveryHours: Double?
        /// From when the schedule is known to have run.
        public var checkedFrom: LedgerTime?
        /// Periods in which it did not run.
        public var notChecked: [(from: LedgerTime, to: LedgerTime)] = []
        /// Where the facts come from.
        public var note: String?

        public init() {}

        /// Whether the schedule covered the whole of `(from, to]`.
        func checked(from: LedgerTime, to: LedgerTime) -> Bool {
            guard checkedEveryHours != nil else { return false }
            if let checkedFrom, from < checkedFrom { return false }
            return !notChecked.contains { $0.from < to && from < $0.to }
        }
    }

    public var folders: [String: Folder]

    public init(folders: [String: Folder] = [:]) {
        self.folders = folders
    }

    /// Reads the file (errors name the field).
    public static func read(_ path: String) throws -> HistorySources {
        try InputFiles.readJSONObject(path) { reader in
            var folders: [String: Folder] = [:]
            if var map = try reader.object("folders") {
                for name in map.keys {
                    guard let value = map.value(name) else { continue }
                    folders[name] = try folder(value, path: "folders." + name)
                }
                try map.finish()
            }
            return HistorySources(folders: folders)
        }
    }

    private static func folder(_ value: JSONValue, path: String) throws(InputError) -> Folder {
        var item = try JSONObjectReader(value, path: path, line: 0)
        var folder = Folder()
        folder.observed = try item.time("observed")
        folder.partial = try item.bool("partial") ?? false
        folder.skip = try item.string("skip")
        if case .number(let hours)? = item.value("checkedEveryHours") {
            guard let value = Double(hours), value > 0 else {
                throw item.error("checkedEveryHours", .invalidField, "expected a positive number of hours")
            }
            folder.checkedEveryHours = value
        }
        folder.checkedFrom = try item.time("checkedFrom")
        for element in try item.array("notChecked") ?? [] {
            guard case .array(let bounds) = element.value, bounds.count == 2, case .string(let from) = bounds[0],
                case .string(let to) = bounds[1], let start = try? LedgerTime.parse(from),
                let end = try? LedgerTime.parse(to), start < end
            else {
                throw InputError(
                    .invalidField, "expected [from, to], two times in order", field: element.path)
            }
            folder.notChecked.append((start, end))
        }
        folder.note = try item.string("note")
        try item.finish()
        return folder
    }

    /// The day a folder's name states: `...-YYYY-MM-DD` that day, `...-YYYY-MM` the month's last
    /// day (observed by then). Nil when the name carries no date.
    public static func dateInName(_ name: String) -> LedgerTime? {
        let parts = name.split(separator: "-").map(String.init)
        for index in parts.indices.reversed() where parts[index].count == 4 && Int(parts[index]) != nil {
            guard let year = Int(parts[index]), index + 1 < parts.count, parts[index + 1].count == 2,
                let month = Int(parts[index + 1])
            else { continue }
            if index + 2 < parts.count, parts[index + 2].count == 2, let day = Int(parts[index + 2]),
                let date = try? LedgerTime(year: year, month: month, day: day)
            {
                return date
            }
            guard let first = try? LedgerTime(year: year, month: month, day: 1) else { continue }
            let next = first.adding(days: 31)
            let nextFirst = try? LedgerTime(year: next.civil.year, month: next.civil.month, day: 1)
            return nextFirst?.adding(days: -1)
        }
        return nil
    }
}
