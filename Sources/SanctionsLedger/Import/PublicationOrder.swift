public import SanctionsCore
public import SanctionsImport
public import SanctionsScreening
package import SanctionsStore

/// Where a publication stands among the publications of its source that the ledger has observed.
enum PublicationOrder: Equatable {
    /// Not observed yet, and not older than the last one observed: import it.
    case new
    /// Observed already (the same instant and the same file content): nothing to do.
    case alreadyImported

    /// Decides, from the publications of the snapshot's source already observed, whether the
    /// snapshot may be imported. An older publication than the last one observed is refused
    /// (history is only ever extended at its end); another publication at an instant already
    /// observed is refused too, naming both files.
    static func check(_ snapshot: ListSnapshot, observed: [PublicationRow]) throws(InputError) -> PublicationOrder {
        let source = snapshot.source
        if let same = observed.first(where: { $0.instant.seconds == snapshot.effective.seconds }) {
            if same.observation.sha256 == snapshot.sha256 { return .alreadyImported }
            throw InputError(
                .inconsistentHistory,
                "another \(source) publication at \(snapshot.effective) is already in the ledger "
                    + "(\(describe(same.observation))); this one (\(describe(snapshot))) differs: two publications "
                    + "cannot share an instant",
                file: snapshot.entries.first?.file ?? snapshot.file)
        }
        if let last = observed.max(by: { $0.instant < $1.instant }), snapshot.effective < last.instant {
            throw InputError(
                .inconsistentHistory,
                "this snapshot (\(snapshot.effective)) is older than the last \(source) publication in the ledger "
                    + "(\(last.instant), \(describe(last.observation))); import snapshots in time order",
                file: snapshot.entries.first?.file ?? snapshot.file)
        }
        return .new
    }

    /// Refuses a publication with entries on a regime that has no rules: its hits could only ever be
    /// answered "review" (rules are events: import the notice that states them first).
    static func requireRules(_ snapshot: ListSnapshot, reader: LedgerReader) throws {
        let listed = snapshot.entriesByRegime.filter { $0.entries > 0 }.map(\.regime)
        let missing = try reader.regimesWithoutRules(listed)
        guard missing.isEmpty else {
            throw InputError(
                .unknownRegime,
                "the list has entries on \(missing.map(\.rawValue).joined(separator: ", ")), which the ledger has no "
                    + "rules for: import the rule-changed events of the regime first (the embedded Events/ have them)",
                file: snapshot.entries.first?.file ?? snapshot.file)
        }
    }

    /// How the snapshot's changes are dated: in the window from the later of its stated
    /// `observedAfter` and the last publication of its source the ledger observed before it.
    static func dating(_ snapshot: ListSnapshot, observed: [PublicationRow]) -> SnapshotDating {
        let previous = observed.lazy.filter { !$0.observation.partial }.map(\.instant).filter {
            $0 < snapshot.effective
        }.max()
        return SnapshotDating(by: snapshot.effective, after: snapshot.observedAfter, previous: previous)
    }

    private static func describe(_ observation: Observation) -> String {
        (observation.file ?? "unnamed file") + (observation.sha256.map { ", sha256 " + String($0.prefix(12)) } ?? "")
    }

    private static func describe(_ snapshot: ListSnapshot) -> String {
        (snapshot.file ?? "unnamed file") + (snapshot.sha256.map { ", sha256 " + String($0.prefix(12)) } ?? "")
    }
}

/// Which OFAC list a publication's file belongs to, from its name.
enum OFACFileKind {
    /// The source of a publication file (`sdn.csv`, `SDN_ENHANCED.XML`: `ofac-sdn`; `cons_prim.csv`,
    /// `CONS_ENHANCED.XML`: `ofac-consolidated`), checked against the source the user asked for.
    static func source(of file: String, requested: String?) throws(InputError) -> String {
        let name = file.split(separator: "/").last.map(String.init)?.lowercased() ?? file.lowercased()
        let decided: String?
        if name.hasPrefix("sdn") {
            decided = "ofac-sdn"
        } else if name.hasPrefix("cons") {
            decided = "ofac-consolidated"
        } else {
            decided = nil
        }
        switch (decided, requested) {
        case (let decided?, let requested?) where decided != requested:
            throw InputError(
                .invalidField,
                "the file is a publication of \(decided), not of \(requested) (--source contradicts the files)",
                file: file, field: "--source")
        case (let decided?, _): return decided
        case (nil, let requested?): return requested
        case (nil, nil):
            throw InputError(
                .invalidField,
                "cannot tell from the file name whether this is the SDN list or the consolidated list; give "
                    + "--source ofac-sdn or ofac-consolidated",
                file: file, field: "--source")
        }
    }
}
