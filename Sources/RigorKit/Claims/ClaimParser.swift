import Foundation
import Yams

/// Turns one claim block's YAML into a `Claim`, collecting every problem as a `Diagnostic`.
///
/// Yams supplies the structure and the position (`Mark`) of every key and value; the types
/// are checked here with the schema's own narrow rules (plain `true`/`false`, plain decimal
/// numbers), so that `yes`, `"0.01"` or `.inf` are reported instead of silently converted.
struct ClaimParser {
  let file: String
  let firstLine: Int
  let columnOffset: Int

  /// Everything gathered from the mapping before the claim is assembled.
  private struct Fields {
    var strings: [Claim.CodingKeys: String] = [:]
    var numbers: [Claim.CodingKeys: Double] = [:]
    var flags: [Claim.CodingKeys: Bool] = [:]
    var expect: Expectation?
    var better: Claim.Direction?
    var setting: Claim.Setting?
    var when: [String: ParameterValue]?
    var whenLocations: [String: SourceLocation] = [:]
    /// Where each field's key and value are.
    var keyLocations: [Claim.CodingKeys: SourceLocation] = [:]
    var valueLocations: [Claim.CodingKeys: SourceLocation] = [:]
    /// Fields present but unusable; cross-field rules about them are skipped to avoid noise.
    var broken: Set<Claim.CodingKeys> = []
  }

  func parse(_ yaml: String) -> ClaimParseResult {
    var diagnostics: [Diagnostic] = []
    let root: Node
    do {
      guard let node = try Yams.compose(yaml: yaml) else {
        return failure([Diagnostic(
          "empty claim block: a claim needs at least 'id' and 'says'", at: blockStart)])
      }
      root = node
    } catch let error as YamlError {
      return failure([yamlDiagnostic(error, yaml: yaml)])
    } catch {
      return failure([Diagnostic("invalid YAML in claim: \(error)", at: blockStart)])
    }
    guard case let .mapping(mapping) = root else {
      return failure([Diagnostic(
        "a claim block holds fields ('id: ...', 'says: ...'), not a \(Self.kind(of: root))",
        at: location(root.mark))])
    }

    var fields = Fields()
    for (keyNode, valueNode) in mapping {
      guard case let .scalar(keyScalar) = keyNode else {
        diagnostics.append(Diagnostic(
          "a claim field name must be a plain word, not a \(Self.kind(of: keyNode))",
          at: location(keyNode.mark)))
        continue
      }
      guard let key = Claim.CodingKeys(rawValue: keyScalar.string) else {
        diagnostics.append(Diagnostic(unknownFieldMessage(keyScalar.string), at: location(keyNode.mark)))
        continue
      }
      fields.keyLocations[key] = location(keyNode.mark)
      fields.valueLocations[key] = location(valueNode.mark)
      if let problem = read(valueNode, into: &fields, for: key) {
        fields.broken.insert(key)
        diagnostics.append(problem)
      }
    }

    let id = fields.strings[.id]
    let says = fields.strings[.says]
    if id == nil && !fields.broken.contains(.id) {
      diagnostics.append(Diagnostic("the claim has no 'id' (required, [a-z0-9-]+)", at: blockStart))
    }
    if says == nil && !fields.broken.contains(.says) {
      let name = id.map { "claim '\($0)'" } ?? "the claim"
      diagnostics.append(Diagnostic("\(name) has no 'says' (required: the claim in words)", at: blockStart))
    }
    let claim = Claim(
      id: id ?? "", says: says ?? "", metric: fields.strings[.metric], expect: fields.expect,
      control: fields.strings[.control], task: fields.strings[.task],
      baseline: fields.strings[.baseline], better: fields.better ?? .higher,
      margin: fields.numbers[.margin] ?? 0, competitive: fields.flags[.competitive] ?? false,
      setting: fields.setting ?? .toy, heldOut: fields.flags[.heldOut] ?? false,
      safety: fields.flags[.safety] ?? false, capability: fields.strings[.capability],
      capabilityTolerance: fields.numbers[.capabilityTolerance] ?? 0, when: fields.when)
    diagnostics += crossFieldDiagnostics(claim, fields: fields, hasID: id != nil, hasSays: says != nil)

    diagnostics.sort { ($0.location.line, $0.location.column) < ($1.location.line, $1.location.column) }
    let idLocation = id == nil ? nil : fields.valueLocations[.id]
    var result = ClaimParseResult(
      claim: diagnostics.contains { $0.severity == .error } ? nil : claim,
      idLocation: idLocation, diagnostics: diagnostics)
    result.whenLocations = fields.whenLocations
    return result
  }

  // MARK: - Values

  /// Reads one field's value into `fields`; returns a diagnostic when the value is unusable.
  private func read(_ node: Node, into fields: inout Fields, for key: Claim.CodingKeys) -> Diagnostic? {
    let at = location(node.mark)
    let name = key.rawValue
    if key == .when { return readWhen(node, into: &fields) }
    guard case let .scalar(scalar) = node else {
      return Diagnostic(
        "'\(name)' must be \(Self.expectedKind(key)), not a \(Self.kind(of: node))", at: at)
    }
    if scalar.style == .plain && Self.nullWords.contains(scalar.string) {
      return Diagnostic("'\(name)' has no value; write \(Self.expectedKind(key)) or remove the field", at: at)
    }
    let text = scalar.string
    switch key {
    case .id, .says, .metric, .control, .task, .baseline, .capability:
      fields.strings[key] = key == .says || key == .task ? text.trimmingCharacters(in: .whitespacesAndNewlines) : text
    case .margin, .capabilityTolerance:
      guard scalar.style == .plain, let value = DecimalNumber.parse(text) else {
        return Diagnostic("'\(name)' must be a number, got \(Self.quoted(scalar))", at: at)
      }
      fields.numbers[key] = value
    case .competitive, .heldOut, .safety:
      guard scalar.style == .plain, let value = Self.booleans[text] else {
        return Diagnostic("'\(name)' must be true or false, got \(Self.quoted(scalar))", at: at)
      }
      fields.flags[key] = value
    case .better:
      guard let value = Claim.Direction(rawValue: text) else {
        return Diagnostic("'better' must be higher or lower, got \(Self.quoted(scalar))", at: at)
      }
      fields.better = value
    case .setting:
      guard let value = Claim.Setting(rawValue: text) else {
        return Diagnostic("'setting' must be toy or realistic, got \(Self.quoted(scalar))", at: at)
      }
      fields.setting = value
    case .when:
      break
    case .expect:
      do {
        fields.expect = try Expectation(parsing: text)
      } catch let error as ExpectationError {
        // The mark is at the opening quote of a quoted scalar; the text starts one later.
        let quote = scalar.style == .singleQuoted || scalar.style == .doubleQuoted ? 1 : 0
        let column = at.column + quote + (text.contains("\n") ? 0 : error.offset)
        return Diagnostic(
          "malformed expect \"\(text)\": \(error.message)",
          at: SourceLocation(file: file, line: at.line, column: column))
      } catch {
        return Diagnostic("malformed expect \"\(text)\": \(error)", at: at)
      }
    }
    return nil
  }

  /// `when: {name: value, ...}`: each value a plain scalar, typed as front matter types it
  /// (true/false, an integer, a decimal, else a string). Names and types are checked against
  /// the notebook's parameters later, by `NotebookValidation`.
  private func readWhen(_ node: Node, into fields: inout Fields) -> Diagnostic? {
    guard case let .mapping(mapping) = node, !mapping.isEmpty else {
      return Diagnostic(
        "'when' must map parameter names to values, e.g. when: {sparsity: 0.99}", at: location(node.mark))
    }
    var values: [String: ParameterValue] = [:]
    for (keyNode, valueNode) in mapping {
      guard case let .scalar(key) = keyNode, !key.string.isEmpty else {
        return Diagnostic("a 'when' name must be a parameter name", at: location(keyNode.mark))
      }
      guard case let .scalar(scalar) = valueNode, !(scalar.style == .plain && Self.nullWords.contains(scalar.string)) else {
        return Diagnostic(
          "'when' gives '\(key.string)' no single value; write a number, true/false or a string",
          at: location(valueNode.mark))
      }
      let text = scalar.string
      let value: ParameterValue
      if scalar.style != .plain {
        value = .string(text)
      } else if let flag = Self.booleans[text] {
        value = .bool(flag)
      } else if let integer = Int(text) {
        value = .int(integer)
      } else if let number = DecimalNumber.parse(text) {
        value = .double(number)
      } else {
        value = .string(text)
      }
      values[key.string] = value
      fields.whenLocations[key.string] = location(keyNode.mark)
    }
    fields.when = values
    return nil
  }

  /// Rules between fields, from `Claim.problems` plus one that needs to know what was written.
  private func crossFieldDiagnostics(
    _ claim: Claim, fields: Fields, hasID: Bool, hasSays: Bool
  ) -> [Diagnostic] {
    var out: [Diagnostic] = []
    for problem in claim.problems {
      guard let field = problem.field else {
        out.append(Diagnostic(problem.message, at: blockStart))
        continue
      }
      // Missing or broken fields were reported already; their defaults must not add noise.
      if fields.broken.contains(field) { continue }
      if field == .id && !hasID || field == .says && !hasSays { continue }
      if problem.message.contains("needs a 'metric'") && fields.broken.contains(.metric) { continue }
      if field == .competitive && (fields.broken.contains(.margin) || fields.broken.contains(.baseline)) {
        continue
      }
      out.append(Diagnostic(problem.message, at: fields.valueLocations[field] ?? blockStart))
    }
    // `margin: 0` spelt out without a baseline is the same mistake as any other margin.
    if claim.margin == 0, claim.baseline == nil, let at = fields.valueLocations[.margin],
      !fields.broken.contains(.margin)
    {
      out.append(Diagnostic("margin applies to a baseline; a control is judged with margin 0", at: at))
    }
    if fields.keyLocations[.capabilityTolerance] != nil && fields.keyLocations[.capability] == nil {
      out.append(Diagnostic(
        "'capability_tolerance' is given but no 'capability' metric to compare with it",
        at: fields.keyLocations[.capabilityTolerance] ?? blockStart))
    }
    return out
  }

  // MARK: - Messages and locations

  private var blockStart: SourceLocation {
    SourceLocation(file: file, line: firstLine, column: 1 + columnOffset)
  }

  private func location(_ mark: Mark?) -> SourceLocation {
    guard let mark else { return blockStart }
    return SourceLocation(file: file, line: firstLine + mark.line - 1, column: mark.column + columnOffset)
  }

  private func failure(_ diagnostics: [Diagnostic]) -> ClaimParseResult {
    ClaimParseResult(claim: nil, idLocation: nil, diagnostics: diagnostics)
  }
}
