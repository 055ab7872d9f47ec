import Foundation

extension Module {
  /// Saves all parameters by dotted name to a safetensors file (loadable by PyTorch's
  /// `safetensors.torch.load_file` when the names match the Python model).
  public func save(to url: URL, metadata: [String: String] = [:]) throws {
    try SafeTensors.write(
      Dictionary(uniqueKeysWithValues: namedParameters().map { ($0.name, $0.tensor) }), to: url, metadata: metadata)
  }

  /// Loads parameters from a safetensors file (see ``loadStateDict(_:strict:)``).
  ///
  /// - Throws: ``SafeTensorsError`` if the file is unreadable or malformed, ``ModuleError``
  ///   if its names or shapes do not match the module.
  public func load(from url: URL, strict: Bool = true) throws {
    try loadStateDict(SafeTensors.read(from: url), strict: strict)
  }
}
