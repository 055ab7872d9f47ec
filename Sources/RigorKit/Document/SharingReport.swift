/// What `push` or `pull` did, printed as text or as one JSON object.
struct SharingReport: Codable {
  struct Rejection: Codable { var reference: String; var reason: String }
  struct Pulled: Codable {
    var reference: String
    var outcome: String
    var commit: String?
    /// Why a `refused` reference was not taken.
    var reason: String?
  }

  var remote: String
  var pushed: [String] = []
  var rejected: [Rejection] = []
  var pulled: [Pulled] = []
}
