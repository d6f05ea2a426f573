import Foundation
import SanctionsLedger

/// Where output goes: a file (`--out`) or stdout, buffered.
final class OutputSink {
    private let handle: FileHandle
    private var buffer: [UInt8] = []

    init(path: String?) throws {
        if let path {
            guard FileManager.default.createFile(atPath: path, contents: nil), let handle = FileHandle(forWritingAtPath: path) else {
                throw InputError(.unreadableFile, "cannot write the output file", file: path)
            }
            self.handle = handle
        } else {
            handle = FileHandle.standardOutput
        }
    }

    func write(_ text: String) {
        buffer += Array(text.utf8)
        if buffer.count > 1 << 20 { flush() }
    }

    func flush() {
        guard !buffer.isEmpty else { return }
        handle.write(Data(buffer))
        buffer.removeAll(keepingCapacity: true)
    }
}

/// Writes rescreen results as CSV (input columns plus the verdict's), JSON or Markdown, streaming.
struct RescreenWriter {
    let format: OutputFormat
    let sink: OutputSink
    let header: [String]
    let extraColumns: [String]
    private var first = true

    init(format: OutputFormat, sink: OutputSink, header: [String], extraColumns: [String]) {
        self.format = format
        self.sink = sink
        self.header = header.isEmpty ? ["id", "date", "counterparty", "type", "country", "eccn", "amount", "currency"] : header
        self.extraColumns = extraColumns
    }

    static let addedColumns = ["verdict", "party", "regime", "matched_name", "score", "citation"]

    mutating func begin() {
        switch format {
        case .csv: sink.write(CSVOutput.row(header + Self.addedColumns) + "\n")
        case .json: sink.write("[\n")
        default: break
        }
    }

    func inputFields(_ transaction: Transaction) -> [String] {
        var extras = transaction.extra.makeIterator()
        return header.map { column in
            switch column.lowercased() {
            case "id": transaction.id
            case "date": transaction.date.description
            case "counterparty": transaction.counterparty
            case "type": transaction.type.rawValue
            case "country": transaction.country ?? ""
            case "eccn": transaction.eccn ?? ""
            case "amount": transaction.amount ?? ""
            case "currency": transaction.currency ?? ""
            default: extras.next() ?? ""
            }
        }
    }

    mutating func write(_ transaction: Transaction, _ result: ScreeningResult, sources: [EventID: Source]) {
        switch format {
        case .csv:
            let matches = result.matches
            let added = [
                result.verdict.rawValue, matches.map(\.party.rawValue).joined(separator: "; "), matches.map(\.regime.rawValue).joined(separator: "; "),
                matches.map(\.matchedName).joined(separator: "; "), matches.map { String(format: "%.3f", $0.score) }.joined(separator: "; "),
                matches.map { ViewJSON.citations($0.events, sources).joined(separator: " + ") }.joined(separator: "; "),
            ]
            sink.write(CSVOutput.row(inputFields(transaction) + added) + "\n")
        case .json:
            var object = ScreeningJSON.result(result, sources: sources)
            if case .object(var members) = object {
                members.insert(JSONMember(key: "id", value: .string(transaction.id)), at: 0)
                members.insert(JSONMember(key: "line", value: .int(transaction.line)), at: 1)
                object = .object(members)
            }
            sink.write((first ? "" : ",\n") + CanonicalJSON.string(object))
            first = false
        default:
            break  // the Markdown report is written whole at the end
        }
    }

    func end() {
        if format == .json { sink.write("\n]\n") }
        sink.flush()
    }
}

/// The summary a rescreen prints on stderr (or puts in its report).
enum RescreenSummaryText {
    static func render(_ summary: RescreenSummary) -> String {
        var lines = ["\(summary.transactions) transactions screened (\(summary.distinctCounterparties) distinct counterparties) in \(formatSeconds(summary.seconds)) s; \(summary.badRowCount) bad rows"]
        lines.append("by verdict: " + Outcome.allCases.reversed().map { "\($0.rawValue) \(summary.byVerdict[$0] ?? 0)" }.joined(separator: ", "))
        if !summary.byRegime.isEmpty {
            lines.append("by regime (non-permitted matches): " + summary.byRegime.sorted { ($0.value, $1.key.rawValue) > ($1.value, $0.key.rawValue) }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
        }
        let top = summary.topParties(10)
        if !top.isEmpty { lines.append("top matched parties: " + top.map { "\($0.name) (\($0.party)) \($0.count)" }.joined(separator: "; ")) }
        return lines.joined(separator: "\n")
    }
}
