public import SanctionsCore

/// `sanctions coverage` and the coverage lines of verdicts, as text or JSON.
public enum CoverageOutput {
    /// One regime per block: lists, publications, events, largest gaps, periods.
    public static func table(_ reports: [CoverageReport]) -> String {
        var blocks: [String] = []
        for report in reports {
            let coverage = report.coverage
            var lines = ["\(report.regime): \(report.events) events"]
            if let declared = coverage.declared {
                lines.append("  complete from \(declared.from.dayString) by the curated notices: \(declared.note)")
            }
            if let first = coverage.publications.first, let last = coverage.publications.last {
                lines.append(
                    "  \(coverage.publications.count) publications of \(coverage.lists.joined(separator: ", ")), "
                        + "first \(first.instant), last \(last.instant)")
                let gaps = coverage.largestGaps(3).map {
                    "\($0.from.dayString) to \($0.to.dayString) "
                        + "(\($0.from.days(until: $0.to)) days)"
                }
                if !gaps.isEmpty { lines.append("  largest gaps: " + gaps.joined(separator: "; ")) }
            } else if coverage.declared == nil {
                lines.append("  no publication: no coverage (a screening that this list could restrict is unknown)")
            }
            for period in coverage.periods {
                lines.append(
                    "  \((period.from?.dayString ?? "...").padded(10)) to \((period.to?.dayString ?? "now").padded(10))  "
                        + period.level.rawValue)
            }
            blocks.append(lines.joined(separator: "\n"))
        }
        return blocks.joined(separator: "\n\n")
    }

    public static func json(_ reports: [CoverageReport]) -> JSONValue {
        .array(
            reports.map { report in
                let coverage = report.coverage
                return .object([
                    JSONMember(key: "regime", value: .string(report.regime.rawValue)),
                    JSONMember(key: "events", value: .int(report.events)),
                    JSONMember(key: "lists", value: .array(coverage.lists.map(JSONValue.string))),
                    JSONMember(key: "publications", value: .int(coverage.publications.count)),
                    JSONMember(key: "first", value: .optional(coverage.publications.first?.instant.description)),
                    JSONMember(key: "last", value: .optional(coverage.publications.last?.instant.description)),
                    JSONMember(key: "declared", value: .optional(coverage.declared?.note)),
                    JSONMember(
                        key: "largestGaps",
                        value: .array(
                            coverage.largestGaps(3).map {
                                .object([
                                    JSONMember(key: "from", value: .string($0.from.description)),
                                    JSONMember(key: "to", value: .string($0.to.description)),
                                ])
                            })),
                    JSONMember(
                        key: "periods",
                        value: .array(
                            coverage.periods.map {
                                .object([
                                    JSONMember(key: "from", value: .optional($0.from?.description)),
                                    JSONMember(key: "to", value: .optional($0.to?.description)),
                                    JSONMember(key: "level", value: .string($0.level.rawValue)),
                                ])
                            })),
                ])
            })
    }

    /// The coverage of the lists a verdict consulted, as JSON.
    public static func json(_ assessments: [CoverageAssessment]) -> JSONValue {
        .array(
            assessments.map {
                .object([
                    JSONMember(key: "regime", value: .string($0.regime.rawValue)),
                    JSONMember(key: "level", value: .string($0.level.rawValue)),
                    JSONMember(key: "stale", value: .bool($0.stale)),
                    JSONMember(key: "reason", value: .string($0.reason)),
                    JSONMember(key: "lists", value: .array($0.lists.map(JSONValue.string))),
                ])
            })
    }

    /// One line: `ofac-sdn full; bis-entity-list partial; ...`.
    public static func line(_ assessments: [CoverageAssessment]) -> String {
        assessments.map { "\($0.regime) \($0.level.rawValue)\($0.stale ? " (stale)" : "")" }.joined(separator: "; ")
    }
}

extension String {
    fileprivate func padded(_ width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
