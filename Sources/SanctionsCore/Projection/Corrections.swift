/// Applying `corrected` and `retracted` events to the events they target.
extension LedgerEvent {
    /// The event as the correction `changes` (a JSON object of replaced fields) says it should have been.
    public func applying(changes: JSONValue) throws(InputError) -> LedgerEvent {
        guard case .object(var members) = json, case .object(let replacements) = changes else {
            throw InputError(.invalidField, "corrections must be JSON objects", field: "changes")
        }
        for replacement in replacements {
            members.removeAll { $0.key == replacement.key }
            if replacement.value != .null { members.append(JSONMember(key: replacement.key, value: replacement.value)) }
        }
        return try LedgerEvent(json: .object(members), path: "changes")
    }
}

/// The events of a stream as they stand once corrections and retractions are applied.
enum CorrectionResolver {
    /// Applies the corrections and retractions among `events`, in publication order.
    static func resolve(_ events: [LedgerEvent], anomalies: inout [HistoryAnomaly]) -> [LedgerEvent] {
        // Most streams have nothing to fix (ids are unique in the log, so the events stand as they are).
        if !events.contains(where: { $0.kind == .corrected || $0.kind == .retracted }) { return events }
        var byID: [EventID: LedgerEvent] = [:]
        var order: [EventID] = []
        var fixes: [LedgerEvent] = []
        for event in events {
            switch event.kind {
            case .corrected, .retracted: fixes.append(event)
            default:
                byID[event.id] = event
                order.append(event.id)
            }
        }
        fixes.sort { ($0.published, $0.id) < ($1.published, $1.id) }
        for fix in fixes {
            guard let target = fix.target, let original = byID[target] else {
                anomalies.append(
                    HistoryAnomaly(
                        event: fix.id,
                        message:
                            "\(fix.kind.rawValue) event targets '\(fix.target?.rawValue ?? "")', which is not in "
                            + "this party's history on \(fix.regime)"
                    ))
                continue
            }
            switch fix.payload {
            case .retracted:
                byID[target] = nil
            case .corrected(_, let changes, _):
                do {
                    byID[target] = try original.applying(changes: changes)
                } catch {
                    anomalies.append(
                        HistoryAnomaly(event: fix.id, message: "the correction does not give a valid event: \(error)"))
                }
            default: break
            }
        }
        return order.compactMap { byID[$0] }
    }
}
