extension Judge {
  /// The `setting: realistic` condition of tier 4 (docs/JUDGING.md, procedure step 7): every finished seed loaded
  /// at least one pretrained checkpoint of kind `model` through `checkpoint(_:)` whose files
  /// matched Rigor's manifest. Returns the reason when it holds (`support`) or why it does
  /// not (`held`); both nil for a toy setting, which the caller reports.
  static func realisticSetting(_ data: ClaimData) -> (support: String?, held: String?) {
    let prefix = "setting declared realistic"
    guard !data.finished.isEmpty else { return (nil, "\(prefix), but no seed finished") }
    let loaded = data.finished.flatMap(\.checkpoints)
    if loaded.isEmpty {
      return (nil, "\(prefix), but no pretrained checkpoint was loaded: every model was made in the run")
    }
    if let bad = loaded.first(where: { !$0.verified }),
      let seed = data.finished.first(where: { $0.checkpoints.contains(bad) })
    {
      let why = bad.problem.map { ": \($0)" } ?? ""
      return (nil, "\(prefix), but checkpoint \(bad.name) in seed \(seed.seed) did not match Rigor's model manifest\(why)")
    }
    let without = data.finished.filter { !$0.checkpoints.contains(where: \.isVerifiedModel) }
    if !without.isEmpty {
      if !loaded.contains(where: \.isVerifiedModel) {
        let names = orderedNames(loaded)
        return (nil, "\(prefix), but only data entries were loaded (\(names.joined(separator: ", "))): no pretrained model checkpoint")
      }
      let seeds = without.prefix(5).map { String($0.seed) }.joined(separator: ", ")
      let more = without.count > 5 ? " and \(without.count - 5) more" : ""
      return (nil, "\(prefix), but \(ReasonFormat.count(without.count, "finished seed")) (\(seeds)\(more)) loaded no verified pretrained model checkpoint")
    }
    var seen = Set<String>()
    let models = loaded.filter { $0.isVerifiedModel && seen.insert($0.name).inserted }
    let named = models.map { "pretrained checkpoint \($0.name), sha256 \($0.sha256.prefix(12))" }
    return ("\(prefix); \(named.joined(separator: "; "))", nil)
  }

  private static func orderedNames(_ checkpoints: [CheckpointEvidence]) -> [String] {
    var seen = Set<String>()
    return checkpoints.map(\.name).filter { seen.insert($0).inserted }
  }
}
