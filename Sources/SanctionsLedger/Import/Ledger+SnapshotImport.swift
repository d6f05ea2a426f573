import Foundation
public import SanctionsCore
public import SanctionsImport
public import SanctionsScreening
package import SanctionsStore

/// The list file formats a snapshot import reads.
public enum SnapshotFormat: String, Sendable, CaseIterable {
    /// OFAC's legacy CSV files: `sdn.csv` (or `cons_prim.csv`) with `alt`, `add` and `comments`.
    case ofacCSV = "ofac-csv"
    /// OFAC's Enhanced XML (`SDN_ENHANCED` or `CONS_ENHANCED`, `.XML` or the published `.ZIP`).
    case ofacXML = "ofac-xml"
    /// trade.gov's Consolidated Screening List (`consolidated.csv`, or `.csv.gz`).
    case csl
    /// BIS's Denied Persons List file (`dpl.txt`, tab-separated).
    case dpl = "bis-dpl"
    /// A third party's JSON derived from OFAC's SDN.CSV and ALT.CSV (entry number, name, type,
    /// programmes, alias names only): what it lacks is never read as removed.
    case ofacJSON = "ofac-json"

    /// Whether a publication date must be given (the format states none of its own).
    var needsPublicationDate: Bool { self != .ofacXML && self != .ofacJSON }
}

/// How a snapshot import reads and guards.
public struct SnapshotImportOptions: Sendable {
    /// Do everything and check everything, then write nothing.
    public var dryRun = false
    /// Skip malformed rows (and report them) instead of failing the import (CSV formats).
    public var skipBadRows = false
    /// Accept a list that removes more than 10% (and more than 25) of the source's designations.
    public var allowMassRemoval = false
    /// How large an input may be once unpacked.
    public var limits = InputLimits.standard
    /// The last time the list was seen without this publication, when known: the changes it shows
    /// are then dated in that window (a short one as a day, a long one as a window whose
    /// screenings answer `review`) instead of at the publication.
    public var observedAfter: LedgerTime?
    /// The file is a sample or extract of the list: it adds and updates, never delists.
    public var partial = false
    /// The address the publication was fetched from, cited by its events (default: the list's official one).
    public var url: String?

    public init(
        dryRun: Bool = false, skipBadRows: Bool = false, allowMassRemoval: Bool = false,
        limits: InputLimits = .standard,
        observedAfter: LedgerTime? = nil, partial: Bool = false
    ) {
        self.dryRun = dryRun
        self.skipBadRows = skipBadRows
        self.allowMassRemoval = allowMassRemoval
        self.limits = limits
        self.observedAfter = observedAfter
        self.partial = partial
    }
}

/// What a snapshot import read and appended.
public struct SnapshotImportReport: Sendable {
    /// The list source, e.g. `ofac-sdn` or `csl`.
    public var source: String
    /// The citation its events carry.
    public var citation: String
    /// Entries read, and the regimes they are on.
    public var entries: Int
    public var regimes: [RegimeID]
    /// Entries linked to designations the ledger already had (CSL).
    public var linked: Int?
    public var append: AppendReport
    /// Malformed rows skipped (with `skipBadRows`).
    public var skippedRows: [InputError]
    public var seconds: Double
}

extension Ledger {
    /// Imports a published list as a snapshot: the events that explain how it differs from the
    /// ledger's designations of its source, and the publication's observation, decided and
    /// appended in one transaction (see ``importSnapshot(_:dryRun:removalGuard:)``).
    ///
    /// - Parameters:
    ///   - source: `ofac-sdn` or `ofac-consolidated` (decided from the files when nil, and
    ///     checked against them), or `csl` (default) / `csl-ofac` for the CSL.
    ///   - published: when the list was published or observed; the Enhanced XML's own
    ///     `dataAsOf` when nil; required for the CSV formats.
    ///   - effective: when its changes took effect (default: `published`).
    public func importSnapshot(
        path: String, format: SnapshotFormat, source: String? = nil, published: LedgerTime?,
        effective: LedgerTime? = nil,
        options: SnapshotImportOptions = SnapshotImportOptions()
    ) throws -> SnapshotImportReport {
        let removalGuard: RemovalGuard = options.allowMassRemoval ? .off : .standard
        if format.needsPublicationDate, published == nil {
            throw InputError(
                .missingField, "the publication date is required for \(format.rawValue) files (they state none)",
                field: "--published")
        }
        if format == .ofacXML || format == .ofacJSON, options.skipBadRows {
            throw InputError(
                .invalidField,
                "skipping bad rows applies to CSV formats; an XML publication is read whole or not at all",
                field: "--skip-bad-rows")
        }
        let start = Date()
        var snapshot: ListSnapshot
        var skipped: [InputError] = []
        switch format {
        case .ofacXML:
            snapshot = try readOFACEnhancedXMLSnapshot(
                path: path, source: source, published: published, effective: effective, limits: options.limits)
        case .ofacJSON:
            snapshot = try readOFACDerivedJSONSnapshot(
                path: path, source: source, published: published, effective: effective, limits: options.limits)
        case .ofacCSV:
            (snapshot, skipped) = try readOFACSnapshot(
                folder: path, source: source, published: published!, effective: effective,
                skipBadRows: options.skipBadRows, limits: options.limits)
        case .csl:
            (snapshot, skipped) = try readCSLSnapshot(
                path: path, source: source ?? "csl", published: published!, skipBadRows: options.skipBadRows,
                limits: options.limits)
        case .dpl:
            snapshot = try readDPLSnapshot(path: path, published: published!, limits: options.limits)
        }
        snapshot.observedAfter = options.observedAfter
        snapshot.partial = options.partial
        if let url = options.url { snapshot.url = url }
        var linked: Int?
        let append: AppendReport
        if format == .csl || format == .dpl {
            let result = try importCSLSnapshot(snapshot, dryRun: options.dryRun, removalGuard: removalGuard)
            (append, linked) = (result.report, result.linked)
        } else {
            append = try importSnapshot(snapshot, dryRun: options.dryRun, removalGuard: removalGuard)
        }
        return SnapshotImportReport(
            source: snapshot.source, citation: snapshot.citation, entries: snapshot.entries.count,
            regimes: snapshot.regimes.sorted(),
            linked: linked, append: append, skippedRows: skipped, seconds: Date().timeIntervalSince(start))
    }
}
