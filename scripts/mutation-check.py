#!/usr/bin/env python3
"""Mutation check: do the tests fail when the core gives a wrong answer?

Applies hand-picked mutations to the code one at a time (an interval bound, the same-instant
order, a canonical-encoding escape, the chain check, a rule milestone, the candidate cut, an
escape, a CSV quote, a snapshot diff branch, a clock filter, ...), rebuilds, runs the tests that
should notice, and restores the file. Prints `killed K of N` and the survivors; exits 1 when any
mutant survives (or does not compile: every mutation must build).

    scripts/mutation-check.py            # all mutations (about 40 minutes on 2 cores)
    scripts/mutation-check.py --fast     # the CI subset
    scripts/mutation-check.py --list     # what would be applied
    scripts/mutation-check.py 3 7        # mutations 3 and 7 only
"""
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# (file, code to find (exactly once), replacement, test filter, what it breaks, in the CI subset)
MUTATIONS = [
    ("Sources/SanctionsCore/Projection/ProjectionRows.swift",
     "(to.map { instant.seconds < $0.seconds } ?? true)", "(to.map { instant.seconds <= $0.seconds } ?? true)",
     "ProjectionRulesTests|ScreeningTests|FoldModelTests", "an interval's end is in force (half-open bound)", False),
    ("Sources/SanctionsCore/Projection/ValidTimeFold.swift",
     "guard let designation = open, group.count > 1,", "guard let designation = open, group.count > 1_000,",
     "ProbedWrongAnswerTests|FoldModelTests", "a same-day relisting is read as a restatement", False),
    ("Sources/SanctionsCore/Domain/EventKind.swift",
     "case .delisted: 5", "case .delisted: 0",
     "FoldModelTests", "delistings of an instant apply before its listings", False),
    ("Sources/SanctionsCore/JSON/CanonicalJSON.swift",
     "case 0x00..<0x20:", "case 0x00..<0x0A:",
     "CanonicalEncodingTests", "control characters from 0x0A escaped raw in the canonical bytes", False),
    ("Sources/SanctionsStore/EventAppender.swift",
     "let hash = ChainHash.next(previous: previous, canonical: canonical)",
     "let hash = ChainHash.next(previous: ChainHash.genesis, canonical: canonical)",
     "ChainTests|AppendTests", "each event hashed without the previous hash (no chain)", False),
    ("Sources/SanctionsStore/ChainVerifier.swift",
     "if prevHash != previous || ChainHash.next", "if false || ChainHash.next",
     "ChainTests", "verify does not compare prevHash", False),
    ("Sources/SanctionsCore/Rules/RuleEngine.swift",
     "for (start, change) in changes where start.seconds <= instant.seconds {",
     "for (start, change) in changes where start.seconds < instant.seconds {",
     "ScreeningTests|ProjectionRulesTests", "a rule change takes effect a second late", False),
    ("Sources/SanctionsScreening/Index/NameIndex.swift",
     "public static let sharedGramShare = 0.4", "public static let sharedGramShare = 0.95",
     "MatchingTests|ScreeningTests|DeterminismTests/aMatchDoes", "the candidate cut drops real matches", False),
    ("Sources/SanctionsLedger/Reports/HTMLPage.swift",
     'case "<": output += "&lt;"', 'case "<": output += "<"',
     "HostileOutputTests|ReportTests", "HTML reports pass '<' through", False),
    ("Sources/SanctionsLedger/Output/MarkdownText.swift",
     'case "\\\\", "`", "*", "_", "[", "]", "#", "|", "!", "~":', 'case "\\\\", "`", "*", "_", "[", "]", "#", "!", "~":',
     "HostileOutputTests", "Markdown passes '|' through (a planted table cell)", True),
    ("Sources/SanctionsLedger/Output/CSVText.swift",
     '$0 == "," || $0 == "\\"" || $0 == "\\n" || $0 == "\\r"', '$0 == "," || $0 == "\\"" || $0 == "\\n"',
     "IssueRegressionTests|HostileOutputTests", "a CSV field with a lone CR is not quoted", False),
    ("Sources/SanctionsImport/Snapshot/SnapshotDiffer.swift",
     "for key in current.keys.filter({ !seen.contains($0) && !snapshot.partial }).sorted() {",
     "for key in current.keys.filter({ !seen.contains($0) && false }).sorted() {",
     "SnapshotImportTests", "a snapshot never delists what it lacks", False),
    ("Sources/SanctionsCore/Time/AsOf.swift",
     "if let knownInstant { return known.contains(knownInstant) }",
     "if let knownInstant { return known.contains(knownInstant) || known.to == nil }",
     "ProjectionRulesTests|CuratedHistoryTests|FoldModelTests", "--known-at also sees what was published later", False),
    ("Sources/SanctionsLedger/Import/PublicationOrder.swift",
     "snapshot.effective < last.instant {", "snapshot.effective < last.instant && false {",
     "SnapshotImportTests|ProbedWrongAnswerTests", "an older snapshot is accepted after a newer one", False),
    ("Sources/SanctionsImport/Snapshot/RemovalGuard.swift",
     "guard removed > minimumCount, share > maximumShare else { return }",
     "guard removed > minimumCount, share > 2 else { return }",
     "SnapshotImportTests|EnhancedXMLImportTests", "a truncated list delists everything after the cut", False),
    ("Sources/SanctionsStore/EventAppender.swift",
     "if let anomaly = anomalies.first(where: { !before.contains($0) }) {",
     "if let anomaly = anomalies.first(where: { !before.contains($0) && false }) {",
     "ProbedWrongAnswerTests", "a correction may cancel an older event", False),
    ("Sources/SanctionsCore/Domain/EventValidator.swift",
     "if event.published.day > now.day {", "if event.published.day > now.day.adding(days: 100_000) {",
     "HostileInputTests|EventFileImportTests", "events published in the future are accepted", False),
    ("Sources/SanctionsLedger/Output/OutputFile.swift",
     "guard fchmod(descriptor, mode) == 0", "guard fchmod(descriptor, 0o644) == 0",
     "OutputTargetTests", "--out drops the target's permissions", False),
    ("Sources/SanctionsLedger/Output/OutputFile.swift",
     "if resolve(candidate) == target || sameFile {", "if false && sameFile {",
     "OutputTargetTests", "--out may name the ledger or the input", False),
    ("Sources/SanctionsLedger/Import/InputFiles.swift",
     "guard output.count + chunk.count <= limits.maxFileBytes else { throw limits.tooLarge(file) }",
     "guard output.count + chunk.count <= Int.max else { throw limits.tooLarge(file) }",
     "InputLimitTests", "a gzip bomb is unpacked whole", False),
    ("Sources/SanctionsStore/LedgerIdentity.swift",
     "guard applicationID == Self.applicationID || isLegacyLedger else {", "guard true else {",
     "IssueRegressionTests", "any SQLite file is taken as a ledger", False),
    ("Sources/SanctionsCore/Queries/ListDiff.swift",
     ".filter { severity($0) < severity(view.regime) }", ".filter { _ in true }",
     "IssueRegressionTests", "a listing beside a stricter regime counts as an escalation", False),
    ("Sources/SanctionsImport/Snapshot/ProgramRegimeMap.swift",
     "(severity($0), $0.rawValue) < (severity($1), $1.rawValue)", "severity($0) < severity($1)",
     "DeterminismTests/aConsolidatedEntrysRegime", "a consolidated entry's regime follows its tag order", False),
    ("Sources/SanctionsLedger/Import/Ledger+CSL.swift",
     "if let listed, listed != merged.details.name {",
     'if let listed, NameKey.make(listed) != NameKey.make(merged.details.name ?? "") {',
     "IssueRegressionTests/theCSLImportKeeps", "the CSL renames curated parties", True),
    ("Sources/SanctionsCore/Projection/StreamFold.swift",
     "guard previous.published <= event.published else { return false }",
     "guard previous.published <= event.published || true else { return false }",
     "StreamFoldTests|FoldModelTests", "the linear fold is used when knowledge does not extend history at its end", False),
    ("Sources/SanctionsCore/Queries/Timeline.swift",
     "if last.listedName != name {", "if false, last.listedName != name {",
     "IssueRegressionTests/aTimelineSpan", "a timeline span never follows a rename", False),
    ("Sources/SanctionsStore/ChainVerifier.swift",
     "if anchor.sequence > report.events {", "if false {",
     "ChainTests/aLogCut", "verify --expect does not notice a cut log", False),
    ("Sources/SanctionsLedger/Import/Ledger+Snapshots.swift",
     "                dating: dating)\n                + snapshot.observationEvents(after: dating.after)",
     "                dating: dating)",
     "SnapshotImportTests", "snapshot imports record no observation", False),
    ("Sources/SanctionsLedger/Import/Ledger+CSL.swift",
     "} else if number != nil {", "} else if number != nil && false {",
     "ProbedWrongAnswerTests/theCSLsOFACRows", "CSL rows of OFAC entries link by name and merge persons", False),
    ("Sources/SanctionsStore/LedgerDatabase.swift",
     "        if access == .readOnly {\n            throw StoreError(",
     "        if access == .readOnly && false {\n            throw StoreError(",
     "IssueRegressionTests/aReadOnly", "a read-only ledger accepts writes", False),
    ("Sources/SanctionsLedger/Import/PublicationOrder.swift",
     "if same.observation.sha256 == snapshot.sha256 { return .alreadyImported }",
     'if same.observation.sha256 == "never" { return .alreadyImported }',
     "SnapshotImportTests", "importing the same publication twice is refused", False),
    ("Sources/SanctionsLedger/Screening/ScreeningSnapshot.swift",
     "if evaluation.outcome != .permitted { outcome = .review }", "if false { outcome = .review }",
     "DefaultLedgerHistoryTests", "a listing dated only to a window answers with certainty inside it", False),
    ("Sources/SanctionsLedger/Screening/ScreeningSnapshot.swift",
     "consulted.contains(where: { $0.level == .none && !answered.contains($0.regime) })",
     "consulted.contains(where: { _ in false })",
     "DefaultLedgerHistoryTests", "a date no publication covers is answered permitted", False),
    ("Sources/SanctionsLedger/History/HistoryPlan.swift",
     "guard let sha = candidate.publication.sha256, let index = bySHA[candidate.publication.source + sha] else {",
     "guard let sha = candidate.publication.sha256, let index = bySHA[\"never\" + sha] else {",
     "PublicHistoryTests", "the same publication seen twice is imported twice", False),
    ("Sources/SanctionsImport/Snapshot/SnapshotDating.swift",
     "return by.seconds - after.seconds <= Self.statedDayLimitSeconds",
     "return by.seconds - after.seconds <= Self.statedDayLimitSeconds * 1_000",
     "ObservationWindowTests|DefaultLedgerHistoryTests", "a 27-month window is read as a stated day", False),
    ("Sources/SanctionsCore/Rules/RuleSpec.swift",
     "return details.remarks?.contains(entryStates) == true", "return true || details.remarks?.contains(entryStates) == true",
     "RegimeRulesTests", "a rule scoped to what an entry states governs every entry of the regime", False),
    ("Sources/SanctionsCore/Rules/LicenseScope.swift",
     "if text.contains(\"when used in\")", "if text.contains(\"when used nowhere\")",
     "RegimeRulesTests", "an Entity List licence limited to an end use reads as a licence for everything", False),
    ("Sources/SanctionsCore/Rules/RuleEngine.swift",
     "if let seen = details.milestones?[DesignationDetails.undatedMilestone],",
     "if let seen = details.milestones?[\"never-stated\"],",
     "RegimeRulesTests", "a listing dated only by the CSL's date counts its windows from that date", False),
    ("Sources/SanctionsLedger/Screening/ScreeningSnapshot.swift",
     "let certain = hit.candidate.score >= options.threshold && !namesAnother",
     "let certain = hit.candidate.score >= options.threshold",
     "CuratedFixesTests", "a near name of another party than the one the query names exactly is certain", False),
    ("Sources/SanctionsLedger/Ledger.swift",
     "catch let error as InputError where error.code == .conflictingEventID {",
     "catch let error as InputError where error.code == .conflictingEventID && false {",
     "DefaultLedgerUpgradeTests", "a revised embedded history breaks the default ledger instead of getting a successor", False),
]


def run(command, **kwargs):
    return subprocess.run(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, **kwargs)


def main():
    arguments = sys.argv[1:]
    chosen = list(enumerate(MUTATIONS, 1))
    if "--fast" in arguments:
        chosen = [(n, m) for n, m in chosen if m[5]]
    numbers = [int(a) for a in arguments if a.isdigit()]
    if numbers:
        chosen = [(n, m) for n, m in chosen if n in numbers]
    if "--list" in arguments:
        for number, (file, _, _, tests, what, fast) in chosen:
            print(f"{number:2d}{' (fast)' if fast else ''}  {what}  [{file}; {tests}]")
        return 0
    # Every snippet must be found exactly once before anything is changed.
    for number, (file, find, _, _, _, _) in chosen:
        count = (ROOT / file).read_text().count(find)
        if count != 1:
            print(f"mutation {number}: the code to mutate is found {count} times in {file}; update the script")
            return 2
    killed, survivors = 0, []
    for number, (file, find, replace, tests, what, _) in chosen:
        path = ROOT / file
        original = path.read_text()
        started = time.time()
        try:
            path.write_text(original.replace(find, replace))
            build = run(["swift", "build", "--build-tests"])
            if build.returncode != 0:
                survivors.append(f"{number} did not compile: {what}")
                print(f"mutation {number:2d}: DID NOT COMPILE  {what}")
                continue
            result = run(["swift", "test", "--skip-build", "--filter", tests])
            failed = result.returncode != 0
        finally:
            path.write_text(original)
        seconds = time.time() - started
        if failed:
            killed += 1
            print(f"mutation {number:2d}: killed    ({seconds:.0f} s)  {what}")
        else:
            survivors.append(f"{number} survived: {what} [{file}; tests {tests}]")
            print(f"mutation {number:2d}: SURVIVED ({seconds:.0f} s)  {what}")
    run(["swift", "build", "--build-tests"])  # leave the build matching the sources
    print(f"killed {killed} of {len(chosen)}")
    for survivor in survivors:
        print("  " + survivor)
    return 0 if killed == len(chosen) else 1


if __name__ == "__main__":
    sys.exit(main())
