import Foundation

/// What an entry's licence requirement covers, read from its text: the whole of the items subject
/// to the EAR, only an end use, or everything but some goods.
///
/// A transaction states its type (a classified item or an EAR99 item), never the end use or the
/// exact goods, so a requirement limited by either leaves a licence undecided for the types it
/// limits: for example the 82 Russian oil and gas entries "For all items subject to the EAR when
/// used in projects specified in §746.5 of the EAR" need a licence only for deepwater, Arctic
/// offshore or shale projects, and CNOOC's entry excludes crude oil and other hydrocarbons.
/// Exceptions for technology releases only (Huawei's standards organisations, DJI's operators'
/// repair technology) leave goods and software covered, so they do not limit the type.
public struct LicenseScope: Hashable, Sendable {
    /// Why the requirement is limited.
    public enum Limit: String, Sendable, Hashable {
        /// Only for a stated end use ("when used in projects specified in §746.5").
        case endUse = "end use"
        /// All items but some goods ("except for food or medicine designated as EAR99").
        case exceptedGoods = "excepted goods"
    }

    public var limit: Limit
    /// The transaction types whose licence requirement the limit leaves undecided.
    public var types: Set<TransactionType>
    /// The requirement as listed, quoted in the verdict.
    public var requirement: String

    /// The limit the requirement text states, or nil when it covers its items whole.
    public static func of(_ requirement: String?) -> LicenseScope? {
        guard let requirement else { return nil }
        let text = requirement.lowercased()
        let exportTypes: Set<TransactionType> = [.export, .exportEAR99]
        if text.contains("when used in") || text.contains("when destined for use in") {
            return LicenseScope(limit: .endUse, types: exportTypes, requirement: requirement)
        }
        guard let except = text.range(of: "except") else { return nil }
        var excepted = text[except.upperBound...].drop { $0 == " " || $0 == ":" || $0 == "-" }
        if excepted.hasPrefix("for") { excepted = excepted.dropFirst(3).drop { $0 == " " || $0 == ":" || $0 == "-" } }
        // Technology released in set circumstances only: goods and software stay covered.
        if excepted.hasPrefix("technology") || excepted.hasPrefix("ear99-designated technology")
            || excepted.hasPrefix("ear99 technology")
        {
            return nil
        }
        // Excepted goods that are all EAR99 (food, medicine) leave classified items covered.
        let onlyEAR99 = excepted.contains("ear99") && !excepted.contains("eccn")
        return LicenseScope(
            limit: .exceptedGoods, types: onlyEAR99 ? [.exportEAR99] : exportTypes, requirement: requirement)
    }

    /// Why a licence is undecided for a transaction of this type, in words.
    public var explanation: String {
        switch limit {
        case .endUse:
            "the entry requires a licence only for an end use the transaction does not state: "
                + "\"\(requirement)\": review the end use"
        case .exceptedGoods:
            "the entry's licence requirement excepts goods the transaction does not name: "
                + "\"\(requirement)\": review the items"
        }
    }
}
