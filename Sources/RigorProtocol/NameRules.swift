/// The rules for names on the channel: what the runtime accepts from a step and what the
/// supervisor accepts from the channel.
///
/// Metric and split names match `[A-Za-z0-9_.-]+` and hold at most `RigorLimits.maxNameBytes`
/// bytes. Figure and artifact names become file names, so on top of that they must not start
/// with `.` (no hidden files, no `.git`, no `..`) and must not contain `..`; `/`, newlines and
/// every other control character are already excluded by the character set.
public enum NameRules {
  public static func isAllowedCharacter(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
      UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "."),
      UInt8(ascii: "-"):
      return true
    default:
      return false
    }
  }

  /// What is wrong with a metric or split name, or nil when it is allowed; `kind` names the
  /// thing in the message ("metric").
  public static func problem(name: String, kind: String) -> String? {
    if name.isEmpty { return "\(kind) name is empty" }
    if name.utf8.count > RigorLimits.maxNameBytes {
      return "\(kind) name '\(printable(String(name.prefix(40))))...' is longer than \(RigorLimits.maxNameBytes) bytes"
    }
    if let bad = name.unicodeScalars.first(where: { !$0.isASCII || !isAllowedCharacter(UInt8($0.value)) }) {
      return "\(kind) name '\(printable(name))' contains '\(printable(String(bad)))'; names may use only letters, digits, '_', '.' and '-'"
    }
    return nil
  }

  /// What is wrong with a name that becomes a file name under the seed's result folder.
  public static func problem(fileName name: String, kind: String) -> String? {
    if name.contains("/") {
      return "\(kind) name '\(printable(name))' contains '/'; files go flat in the seed's \(kind) folder"
    }
    if let problem = problem(name: name, kind: kind) { return problem }
    if name.hasPrefix(".") || name.contains("..") {
      return "\(kind) name '\(printable(name))' must not start with '.' or contain '..'"
    }
    return nil
  }

  /// `text` with control characters shown as escapes, safe to quote in a message.
  public static func printable(_ text: String) -> String {
    var out = ""
    for scalar in text.unicodeScalars {
      if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) {
        out += scalar.escaped(asASCII: true)
      } else {
        out.unicodeScalars.append(scalar)
      }
    }
    return out
  }

  /// Whether `name` is an allowed metric or split name.
  public static func isValid(name: String) -> Bool { problem(name: name, kind: "") == nil }

  /// Whether `name` is an allowed figure or artifact name.
  public static func isValid(fileName name: String) -> Bool { problem(fileName: name, kind: "") == nil }

  /// The path, relative to the seed's output folder, where a figure or artifact named
  /// `name` is written: `figures/NAME.svg` or `artifacts/NAME`.
  public static func relativePath(of kind: ChannelEventKind, name: String) -> String? {
    switch kind {
    case .figure: "figures/\(name).svg"
    case .artifact: "artifacts/\(name)"
    default: nil
    }
  }
}
