import CLibGit2
import Foundation

/// Who made a commit and when, copied out of libgit2.
public struct GitSignature: Hashable, Sendable, Codable {
  public var name: String
  public var email: String
  public var date: Date
  /// Offset from UTC in minutes, as git records it.
  public var timeZoneOffsetMinutes: Int

  public init(name: String, email: String, date: Date, timeZoneOffsetMinutes: Int = 0) {
    self.name = name
    self.email = email
    self.date = date
    self.timeZoneOffsetMinutes = timeZoneOffsetMinutes
  }

  init(_ signature: UnsafePointer<git_signature>) {
    let value = signature.pointee
    name = value.name.map { String(cString: $0) } ?? ""
    email = value.email.map { String(cString: $0) } ?? ""
    date = Date(timeIntervalSince1970: TimeInterval(value.when.time))
    timeZoneOffsetMinutes = Int(value.when.offset)
  }

  /// A libgit2 signature for this value, owned by the returned pointer.
  func makeHandle() throws -> GitPointer {
    var signature: UnsafeMutablePointer<git_signature>?
    try GitError.check(
      git_signature_new(
        &signature, name, email, git_time_t(date.timeIntervalSince1970.rounded(.down)),
        Int32(timeZoneOffsetMinutes)),
      "make a commit signature for \(name) <\(email)>")
    return GitSignature.own(signature!)
  }

  /// Wraps a signature from libgit2 so it is freed with `git_signature_free`.
  static func own(_ signature: UnsafeMutablePointer<git_signature>) -> GitPointer {
    GitPointer(OpaquePointer(signature)) { git_signature_free(UnsafeMutablePointer($0)) }
  }
}
