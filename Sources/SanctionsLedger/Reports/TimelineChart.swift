import Foundation
public import SanctionsCore
public import SanctionsImport
public import SanctionsScreening
package import SanctionsStore

/// The SVG picture of one or more parties' timelines on one shared date axis: a lane per party and
/// regime, a bar per designation interval, markers for alias changes and amendments, escalations
/// outlined, and hover text with the citation.
public struct TimelineChart {
    public var timelines: [Timeline]
    public var now: LedgerTime
    public var regimeNames: [RegimeID: String]
    public var severity: [RegimeID: Int]

    public init(timelines: [Timeline], now: LedgerTime, regimes: [Regime]) {
        self.timelines = timelines
        self.now = now
        self.regimeNames = Dictionary(regimes.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        self.severity = Dictionary(regimes.map { ($0.id, $0.severity) }, uniquingKeysWith: { first, _ in first })
    }

    static let palette = ["#1f5fbf", "#c26a00", "#7b5ea7", "#b3261e", "#2e7d32", "#00838f", "#6d4c41", "#ad1457"]

    func color(_ regime: RegimeID) -> String {
        let known = Set(timelines.flatMap { $0.regimes.map(\.regime) }).sorted()
        return Self.palette[(known.firstIndex(of: regime) ?? 0) % Self.palette.count]
    }

    /// The lanes in drawing order: (party, regime summary).
    var lanes: [(Timeline, Timeline.RegimeSummary)] {
        timelines.flatMap { timeline in timeline.regimes.map { (timeline, $0) } }
    }

    /// Where things go on the picture: the date axis and the lanes.
    private struct Geometry {
        let labelWidth = 300.0
        let width = 1000.0
        let laneHeight = 34.0
        let top = 30.0
        let first: LedgerTime
        let days: Double
        let height: Double

        func x(_ time: LedgerTime) -> Double {
            labelWidth + (width - labelWidth - 10) * Double(first.days(until: time)) / days
        }

        func fmt(_ value: Double) -> String { String(format: "%.1f", value) }

        /// A bar from `from` to `to` on the lane at `y`.
        func box(_ from: LedgerTime, _ to: LedgerTime, y: Double) -> String {
            "x=\"\(fmt(x(from)))\" y=\"\(fmt(y + 6))\" width=\"\(fmt(max(2, x(to) - x(from))))\" "
                + "height=\"\(fmt(laneHeight - 12))\""
        }

        /// A stretch whose date is known only to lie in a window: hatched, not drawn as a known date.
        func uncertain(_ from: LedgerTime, _ to: LedgerTime, y: Double, color: String, title: String) -> String {
            let box = box(from, to, y: y)
            return "<g class=\"uncertain\" data-from=\"\(from)\" data-to=\"\(to)\"><rect \(box) fill=\"\(color)\" "
                + "fill-opacity=\"0.45\"/><rect \(box) fill=\"url(#uncertain)\"/>"
                + "<title>\(HTMLPage.escape(title))</title></g>\n"
        }
    }

    public func svg() -> String {
        let lanes = self.lanes
        let starts = lanes.flatMap { $0.1.spans.map { $0.listedAfter ?? $0.from } }
        let first = (starts.min() ?? now).adding(days: -120)
        let last = max(now, lanes.flatMap { $0.1.spans.compactMap(\.to) }.max() ?? now).adding(days: 60)
        let geometry = Geometry(
            first: first, days: Double(max(1, first.days(until: last))),
            height: 30 + Double(max(1, lanes.count)) * 34 + 30)
        var svg =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(geometry.width)) \(Int(geometry.height))\" "
            + "role=\"img\" aria-label=\"Designation timeline\">\n"
        svg +=
            "<defs><pattern id=\"uncertain\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" "
            + "patternTransform=\"rotate(45)\"><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" "
            + "style=\"stroke:#fff;stroke-width:3\"/></pattern></defs>\n"
        svg += axis(geometry, last: last)
        for (index, (timeline, regime)) in lanes.enumerated() {
            svg += lane(timeline, regime, y: geometry.top + Double(index) * geometry.laneHeight, geometry)
        }
        return svg + "</svg>"
    }

    /// One tick per year, and today.
    private func axis(_ geometry: Geometry, last: LedgerTime) -> String {
        let (x, fmt) = (geometry.x, geometry.fmt)
        var svg = "<g class=\"axis\">\n"
        for year in geometry.first.civil.year...last.civil.year {
            guard let tick = try? LedgerTime(year: year, month: 1, day: 1), tick >= geometry.first, tick <= last,
                x(tick) < geometry.width - 36
            else { continue }
            svg +=
                "<line x1=\"\(fmt(x(tick)))\" y1=\"\(fmt(geometry.top - 8))\" x2=\"\(fmt(x(tick)))\" "
                + "y2=\"\(fmt(geometry.height - 22))\"/>"
            svg += "<text x=\"\(fmt(x(tick) + 2))\" y=\"\(fmt(geometry.height - 8))\">\(year)</text>\n"
        }
        svg +=
            "<line class=\"now\" x1=\"\(fmt(x(now)))\" y1=\"\(fmt(geometry.top - 12))\" x2=\"\(fmt(x(now)))\" "
            + "y2=\"\(fmt(geometry.height - 22))\" stroke-dasharray=\"4 3\" style=\"stroke:#999\"/>"
        return svg + "<text x=\"\(fmt(x(now) - 24))\" y=\"\(fmt(geometry.top - 14))\">today</text>\n</g>\n"
    }

    /// One party's lane on one regime: its bars (uncertain stretches hatched) and its markers.
    private func lane(_ timeline: Timeline, _ regime: Timeline.RegimeSummary, y: Double, _ geometry: Geometry)
        -> String
    {
        let (x, fmt) = (geometry.x, geometry.fmt)
        let label =
            (timelines.count > 1 ? "\(timeline.party) · " : "")
            + (regimeNames[regime.regime].map { _ in regime.regime.rawValue } ?? regime.regime.rawValue)
        var svg =
            "<g class=\"lane\" "
            + "data-lane=\"\(HTMLPage.escape(timeline.party.rawValue))|\(HTMLPage.escape(regime.regime.rawValue))\">\n"
        svg += "<text x=\"4\" y=\"\(fmt(y + geometry.laneHeight / 2 + 4))\">\(HTMLPage.escape(label))</text>\n"
        for span in regime.spans { svg += bar(span, timeline, regime.regime, y: y, geometry) }
        for entry in timeline.entries
        where entry.event.regime == regime.regime
            && [.aliasAdded, .aliasRemoved, .amended, .corrected, .retracted].contains(entry.event.kind)
        {
            let hover =
                "\(entry.event.effective) \(entry.event.kind.rawValue): \(entry.summary) "
                + "(\(entry.event.source.citation))"
            svg +=
                "<circle class=\"marker \(entry.event.kind.rawValue)\" data-date=\"\(entry.event.effective)\" "
                + "cx=\"\(fmt(x(entry.event.effective)))\" cy=\"\(fmt(y + geometry.laneHeight / 2))\" r=\"5\" "
                + "fill=\"#222\"><title>\(HTMLPage.escape(hover))</title></circle>\n"
        }
        return svg + "</g>\n"
    }

    /// One designation interval: the bar, with its uncertain listing and delisting windows hatched.
    private func bar(
        _ span: Timeline.Span, _ timeline: Timeline, _ regime: RegimeID, y: Double, _ geometry: Geometry
    ) -> String {
        let entry = timeline.entries.first { $0.event.id == span.listingEvent }
        let escalation = !(entry?.escalatedFrom.isEmpty ?? true)
        let end = span.to ?? now
        var hover = "\(regime): listed \(span.from) as '\(span.listedName)'"
        if let entry { hover += " (\(entry.event.source.citation))" }
        hover += span.to.map { ", ended \($0)" } ?? ", in force"
        if escalation, let entry {
            hover += "; escalation from " + entry.escalatedFrom.map(\.rawValue).joined(separator: ", ")
        }
        var svg = ""
        if let after = span.listedAfter {
            svg += geometry.uncertain(
                after, span.from, y: y, color: color(regime),
                title: "\(regime): listed on an unknown date between \(after.dayString) and \(span.from.dayString) "
                    + "(first seen then)")
        }
        svg +=
            "<rect class=\"bar\(escalation ? " escalation" : "")\" data-from=\"\(span.from)\" "
            + "data-to=\"\(span.to?.description ?? "open")\" \(geometry.box(span.from, span.delistedAfter ?? end, y: y)) "
            + "rx=\"3\" fill=\"\(color(regime))\"><title>\(HTMLPage.escape(hover))</title></rect>\n"
        if let after = span.delistedAfter {
            svg += geometry.uncertain(
                after, end, y: y, color: color(regime),
                title: "\(regime): delisted on an unknown date between \(after.dayString) and \(end.dayString)")
        }
        return svg
    }

    /// The legend of regimes and markers.
    public func legend() -> String {
        let regimes = Set(lanes.map(\.1.regime)).sorted()
        return "<p class=\"legend\">"
            + regimes.map {
                "<span><i style=\"background:\(color($0))\"></i>\(HTMLPage.escape(regimeNames[$0] ?? $0.rawValue))</span>"
            }.joined()
            + "<span><i style=\"background:repeating-linear-gradient(45deg,#999 0 3px,#fff 3px 6px)\"></i>date known "
            + "only to lie in this window</span>"
            + "<span><i style=\"background:#fff;border:2px solid #000\"></i>escalation</span><span><i "
            + "style=\"background:#222;border-radius:6px\"></i>alias change or amendment</span></p>"
    }
}
