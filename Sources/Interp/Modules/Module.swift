/// A neural-network building block with named parameters and child modules.
///
/// Conformers list their own parameters and children; the extension derives dotted names
/// (`"mlp.fc1.weight"`), parameter lists for optimisers, state dictionaries and safetensors
/// saving/loading. Modules are classes (like `torch.nn.Module`); their parameter tensors are
/// shared with optimisers, so an optimiser step updates the module.
///
/// ```swift
/// final class Probe: Module {
///   let linear: Linear
///   init(rng: inout Xoshiro256) { linear = Linear(16, 2, rng: &rng) }
///   var children: [(name: String, module: any Module)] { [("linear", linear)] }
///   func callAsFunction(_ x: Tensor) -> Tensor { linear(x) }
/// }
/// ```
public protocol Module: AnyObject {
  /// Parameters owned directly by this module, by local name, in a fixed order.
  var localParameters: [(name: String, tensor: Tensor)] { get }
  /// Child modules by local name, in a fixed order.
  var children: [(name: String, module: any Module)] { get }
}

extension Module {
  public var localParameters: [(name: String, tensor: Tensor)] { [] }
  public var children: [(name: String, module: any Module)] { [] }

  /// All parameters with dotted names: own parameters first, then each child's, depth first.
  public func namedParameters() -> [(name: String, tensor: Tensor)] {
    var result = localParameters
    for (childName, child) in children {
      for (name, tensor) in child.namedParameters() { result.append(("\(childName).\(name)", tensor)) }
    }
    return result
  }

  /// All parameters in ``namedParameters()`` order (pass these to an optimiser).
  public var parameters: [Tensor] { namedParameters().map(\.tensor) }

  /// Total number of scalar parameters.
  public var parameterCount: Int { parameters.reduce(0) { $0 + $1.count } }

  /// Clears every parameter's gradient.
  public func zeroGrad() {
    for p in parameters { p.zeroGrad() }
  }

  /// Independent copies of all parameters by dotted name.
  public func stateDict() -> [String: Tensor] {
    Dictionary(uniqueKeysWithValues: namedParameters().map { ($0.name, $0.tensor.clone()) })
  }

  /// Copies values from `state` into the parameters, in place.
  ///
  /// - Parameter strict: When `true`, every parameter must be present and no extra names may
  ///   appear; when `false`, missing and extra names are ignored.
  /// - Throws: ``ModuleError`` naming the offending parameter, with no parameter changed.
  public func loadStateDict(_ state: [String: Tensor], strict: Bool = true) throws {
    let named = namedParameters()
    var updates: [(Tensor, Tensor)] = []
    for (name, parameter) in named {
      guard let value = state[name] else {
        if strict { throw ModuleError.missingParameter(name: name) }
        continue
      }
      guard value.shape == parameter.shape else {
        throw ModuleError.shapeMismatch(name: name, expected: parameter.shape, found: value.shape)
      }
      updates.append((parameter, value))
    }
    if strict {
      let known = Set(named.map(\.name))
      if let extra = state.keys.sorted().first(where: { !known.contains($0) }) {
        throw ModuleError.unexpectedParameter(name: extra)
      }
    }
    for (parameter, value) in updates {
      var target = parameter
      target.assign(value)
    }
  }
}

/// A failure to load parameters into a module.
public enum ModuleError: Error, Equatable, CustomStringConvertible {
  /// The state has no entry for a parameter of the module.
  case missingParameter(name: String)
  /// The state has an entry the module does not have.
  case unexpectedParameter(name: String)
  /// The entry's shape differs from the parameter's.
  case shapeMismatch(name: String, expected: [Int], found: [Int])

  public var description: String {
    switch self {
    case .missingParameter(let name): return "missing parameter '\(name)' in the loaded weights"
    case .unexpectedParameter(let name): return "the loaded weights contain '\(name)', which the module does not have"
    case .shapeMismatch(let name, let expected, let found):
      return "parameter '\(name)' has shape \(expected) but the loaded weights have \(found)"
    }
  }
}
