import Foundation
import Yams

/// Splits a notebook's optional YAML front matter from its Markdown body and reads it.
///
/// The body keeps its line numbers: front matter lines are replaced by empty lines, so cmark's
/// source positions are the notebook's own lines.
struct FrontMatterParser {
  /// Keys Rigor reads.
  static let knownKeys: Set<String> = ["title", "params", "seeds", "timeout", "memory_limit_mb", "data"]
  /// Keys other tools commonly put in front matter; accepted and ignored.
  static let ignoredKeys: Set<String> = [
    "author", "authors", "date", "description", "tags", "abstract", "bibliography", "license",
  ]
  /// At most this many seeds may be listed or counted (each is a process).
  static let maximumSeeds = 10_000

  func split(text: String, path: String, diagnostics: inout [Diagnostic]) -> (FrontMatter, String) {
    var frontMatter = FrontMatter()
    let block = FrontMatterBlock(text)
    if block.isUnclosed {
      diagnostics.append(
        Diagnostic(
          "front matter opened here is never closed (expected a line with `---`)",
          at: SourceLocation(file: path, line: 1, column: 1)))
    }
    guard let closing = block.closing, let yaml = block.yaml, let body = block.blankedText else {
      return (frontMatter, text)
    }
    frontMatter.bodyStartLine = closing + 2
    read(yaml: yaml, firstLine: 2, path: path, into: &frontMatter, diagnostics: &diagnostics)
    return (frontMatter, body)
  }

  private func read(
    yaml: String, firstLine: Int, path: String, into frontMatter: inout FrontMatter,
    diagnostics: inout [Diagnostic]
  ) {
    func location(_ mark: Mark?) -> SourceLocation {
      SourceLocation(
        file: path, line: firstLine - 1 + (mark?.line ?? 1), column: mark?.column ?? 1)
    }
    func error(_ message: String, _ node: Node?) {
      diagnostics.append(Diagnostic(message, at: location(node?.mark)))
    }
    let root: Node?
    do {
      root = try Yams.compose(yaml: yaml)
    } catch let yamlError as YamlError {
      let (mark, message) = YAMLErrorDescription.describe(yamlError)
      diagnostics.append(
        Diagnostic("invalid front matter YAML: \(message)", at: location(mark)))
      return
    } catch {
      diagnostics.append(Diagnostic("invalid front matter YAML: \(error)", at: location(nil)))
      return
    }
    guard let root else { return }
    guard let mapping = root.mapping else {
      error("front matter must be a YAML mapping of keys to values", root)
      return
    }
    for (keyNode, value) in mapping {
      guard let key = keyNode.string else {
        error("front matter keys must be strings", keyNode)
        continue
      }
      switch key {
      case "title":
        guard let title = value.scalar?.string else {
          error("`title` must be a string", value)
          continue
        }
        frontMatter.title = title
      case "params":
        frontMatter.paramsLocation = location(keyNode.mark)
        readParameters(value, location: location, error: error, into: &frontMatter)
      case "seeds":
        if let count = value.int, value.tagName == .int {
          guard (1...Self.maximumSeeds).contains(count) else {
            error("`seeds` must be between 1 and \(Self.maximumSeeds), got \(count)", value)
            continue
          }
          frontMatter.seeds = Array(0..<count)
        } else if let items = value.sequence {
          var seeds: [Int] = []
          for item in items {
            guard item.tagName == .int, let seed = item.int, seed >= 0 else {
              error("each seed must be a non-negative integer", item)
              continue
            }
            if seeds.contains(seed) { error("seed \(seed) is listed twice", item) }
            seeds.append(seed)
          }
          if items.count == 0 { error("`seeds` lists no seed", value) }
          if items.count > Self.maximumSeeds { error("`seeds` lists more than \(Self.maximumSeeds) seeds", value) }
          frontMatter.seeds = seeds
        } else {
          error("`seeds` must be a count (e.g. 10) or a list of seeds (e.g. [0, 3, 7])", value)
        }
      case "data":
        guard let items = value.sequence else {
          error("`data` must be a list of repository paths, e.g. [data/words.txt]", value)
          continue
        }
        for item in items {
          guard let path = item.scalar?.string, !path.isEmpty else {
            error("each `data` entry must be a path relative to the repository root", item)
            continue
          }
          let parts = path.split(separator: "/")
          if path.hasPrefix("/") || parts.contains("..") || path.hasPrefix("~") {
            error("`data` path `\(path)` must be relative to the repository root, without `..`", item)
            continue
          }
          let normalized = parts.filter { $0 != "." }.joined(separator: "/")
          guard !normalized.isEmpty else {
            error("`data` path `\(path)` names the whole repository; list the files or folders a seed reads", item)
            continue
          }
          if !frontMatter.data.contains(normalized) {
            frontMatter.data.append(normalized)
            frontMatter.dataLocations[normalized] = location(item.mark)
          }
        }
      case "timeout":
        guard [.int, .float].contains(value.tagName), let seconds = value.float, seconds > 0,
          seconds.isFinite
        else {
          error("`timeout` must be a positive number of seconds", value)
          continue
        }
        frontMatter.timeout = seconds
      case "memory_limit_mb":
        guard value.tagName == .int, let megabytes = value.int, megabytes >= 16 else {
          error("`memory_limit_mb` must be a whole number of MiB, at least 16", value)
          continue
        }
        frontMatter.memoryLimitMB = megabytes
      default:
        if !Self.ignoredKeys.contains(key) {
          diagnostics.append(
            Diagnostic(
              "unknown front matter key `\(key)` (Rigor reads \(Self.knownKeys.sorted().joined(separator: ", ")))",
              at: location(keyNode.mark), severity: .warning))
        }
      }
    }
  }

  private func readParameters(
    _ node: Node, location: (Mark?) -> SourceLocation, error: (String, Node?) -> Void,
    into frontMatter: inout FrontMatter
  ) {
    guard let mapping = node.mapping else {
      if node.scalar?.string.isEmpty != true || node.tagName != .null {
        error("`params` must be a mapping of names to default values", node)
      }
      return
    }
    for (keyNode, value) in mapping {
      guard let name = keyNode.string, SwiftIdentifier.isValid(name) else {
        error(
          "parameter name `\(keyNode.string ?? "?")` is not a Swift identifier (letters, digits and _, not starting with a digit)",
          keyNode)
        continue
      }
      if frontMatter.parameters.contains(where: { $0.name == name }) {
        error("parameter `\(name)` is declared twice", keyNode)
        continue
      }
      guard let scalar = value.scalar else {
        error("parameter `\(name)` must have a scalar default (Int, Double, String or Bool)", value)
        continue
      }
      let typed: ParameterValue
      switch value.tagName {
      case .int:
        guard let v = value.int else {
          error("parameter `\(name)`: integer default out of range", value)
          continue
        }
        typed = .int(v)
      case .float:
        guard let v = value.float, v.isFinite else {
          error("parameter `\(name)`: the default must be a finite number", value)
          continue
        }
        typed = .double(v)
      case .bool:
        typed = .bool(value.bool ?? false)
      case .null:
        error("parameter `\(name)` has no default value", keyNode)
        continue
      default:
        typed = .string(scalar.string)
      }
      frontMatter.parameters.append(
        NotebookParameter(name: name, value: typed, location: location(keyNode.mark)))
    }
  }
}
