// Notebooks see the protocol's public limits (`RigorLimits`) through RigorRuntime, as before
// the protocol moved into its own module.
@_exported import RigorProtocol
