public import SanctionsCore

/// Refuses a snapshot that would remove an implausible share of the designations its source has in
/// force. A list file cut at a record boundary (an interrupted download, a partial export) parses
/// cleanly and would delist every entry after the cut; real publications never look like that.
/// The largest one-day removal in the 308 daily SDN publications of 2021 to 2024 is 150 of about
/// 10,000 entries (1.5%).
///
/// For example:
/// ```swift
/// // given: snapshot: ListSnapshot, inForce: Set<String>
/// try RemovalGuard.standard.check(snapshot, current: inForce)  // throws `.massRemoval` for a cut file
/// try RemovalGuard.off.check(snapshot, current: inForce)       // the user confirmed the removals
/// ```
public struct RemovalGuard: Sendable {
    /// Removals up to this many always pass (small lists change by whole programmes).
    public var minimumCount: Int
    /// The largest share of the source's designations in force that one snapshot may remove.
    public var maximumShare: Double

    public init(minimumCount: Int, maximumShare: Double) {
        self.minimumCount = minimumCount
        self.maximumShare = maximumShare
    }

    /// More than 25 removals that are also more than 10% of the designations in force are refused.
    public static let standard = RemovalGuard(minimumCount: 25, maximumShare: 0.10)
    /// Every removal passes (`--allow-mass-removal`).
    public static let off = RemovalGuard(minimumCount: .max, maximumShare: 1)

    /// Throws ``InputError/Code/massRemoval`` when `snapshot` lacks too many of the `current` keys
    /// (the entries of its source in force before it).
    public func check(_ snapshot: ListSnapshot, current: Set<String>) throws(InputError) {
        guard !current.isEmpty, !snapshot.partial else { return }  // a sample removes nothing
        let present = Set(snapshot.entries.map(\.key))
        let removed = current.subtracting(present).count
        let share = Double(removed) / Double(current.count)
        guard removed > minimumCount, share > maximumShare else { return }
        let percent = (share * 1000).rounded() / 10
        throw InputError(
            .massRemoval,
            "the list would remove \(removed) of the \(current.count) \(snapshot.source) designations in force "
                + "(\(percent)%), more than any real publication does; "
                + "the file may be truncated or partial (\(snapshot.entries.count) entries read). If the removals "
                + "are real, import it with --allow-mass-removal",
            file: snapshot.entries.first?.file)
    }
}
