// The runner's public API speaks the protocol's types (`ParameterValue`), so its users see
// them without importing RigorProtocol themselves.
@_exported import RigorProtocol
