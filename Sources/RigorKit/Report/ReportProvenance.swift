/// Where a recorded result came from, beyond what `result.json` holds.
struct ReportProvenance {
  /// The registration commit the result commit follows (the committed page cannot name the
  /// commit that contains it).
  var registrationCommit: String?
  /// The result commit, known to the working copy and to `rigor render`, never to the page
  /// stored in that commit.
  var resultCommit: String?
  /// The user's commit the notebook ran from, and whether the working tree differed from it.
  var sourceCommit: String?
  var sourceDirty: Bool?
}
