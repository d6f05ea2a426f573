// The facade re-exports the domain and store types, so that `import SanctionsLedger` is enough.
@_exported public import SanctionsCore
@_exported public import SanctionsStore
@_exported public import SanctionsImport
@_exported public import SanctionsScreening
