import Foundation

/// Loading a WordPiece vocabulary from a Hugging Face checkpoint folder.
extension WordPieceTokenizer {
  /// Loads the tokenizer of the checkpoint in `url`: a `vocab.txt` or `tokenizer.json` file, or
  /// a folder (a model-store entry or any folder above the files; see ``EncoderCheckpoint``).
  ///
  /// Settings come from `tokenizer.json`'s `BertNormalizer` when present, else from
  /// `tokenizer_config.json` (`do_lower_case`, `strip_accents`, `tokenize_chinese_chars`,
  /// `model_max_length`, capped at 512 as the model's positions are).
  ///
  /// - Throws: ``EncoderError`` naming the file for a missing, unreadable or unsupported one.
  public init(pretrained url: URL) throws {
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) else {
      throw EncoderError(file: url.path, problem: "no such file or folder")
    }
    let folder = isFolder.boolValue ? try Self.locate(url) : url.deletingLastPathComponent()
    let settings = Self.jsonObject(folder.appendingPathComponent("tokenizer_config.json")) ?? [:]
    var lowercase = settings["do_lower_case"] as? Bool ?? true
    var stripAccents = settings["strip_accents"] as? Bool
    var splitCJK = settings["tokenize_chinese_chars"] as? Bool ?? true
    var maximum = (settings["model_max_length"] as? NSNumber).flatMap { Int(exactly: $0.doubleValue) } ?? 512
    if maximum > 512 { maximum = 512 }
    let json = isFolder.boolValue ? folder.appendingPathComponent("tokenizer.json") : url
    let vocabulary: [String]
    if json.lastPathComponent == "tokenizer.json", FileManager.default.fileExists(atPath: json.path) {
      guard let root = Self.jsonObject(json), let model = root["model"] as? [String: Any],
        model["type"] as? String == "WordPiece", let table = model["vocab"] as? [String: Any]
      else { throw EncoderError(file: json.path, problem: "not a WordPiece tokenizer.json (model.type must be WordPiece with a vocab)") }
      var tokens = [String?](repeating: nil, count: table.count)
      for (token, value) in table {
        guard let id = (value as? NSNumber).flatMap({ Int(exactly: $0.doubleValue) }), id >= 0, id < tokens.count, tokens[id] == nil else {
          throw EncoderError(file: json.path, problem: "token '\(token)' has an id that is not a unique index below \(table.count)")
        }
        tokens[id] = token
      }
      vocabulary = tokens.map { $0! }
      if let normalizer = root["normalizer"] as? [String: Any], normalizer["type"] as? String == "BertNormalizer" {
        lowercase = normalizer["lowercase"] as? Bool ?? lowercase
        stripAccents = normalizer["strip_accents"] as? Bool
        splitCJK = normalizer["handle_chinese_chars"] as? Bool ?? splitCJK
      }
    } else {
      let vocab = isFolder.boolValue ? folder.appendingPathComponent("vocab.txt") : url
      guard let text = try? String(contentsOf: vocab, encoding: .utf8) else {
        throw EncoderError(file: vocab.path, problem: "cannot read the vocabulary (UTF-8 text, one token a line)")
      }
      var lines = text.components(separatedBy: "\n").map { $0.hasSuffix("\r") ? String($0.dropLast()) : $0 }
      if lines.last == "" { lines.removeLast() }
      vocabulary = lines
    }
    try self.init(
      vocabulary: vocabulary, lowercase: lowercase, stripAccents: stripAccents, splitCJK: splitCJK,
      maximumLength: maximum, source: folder.path)
  }

  /// The shallowest folder at or below `url` holding `vocab.txt` or `tokenizer.json`.
  private static func locate(_ url: URL) throws -> URL {
    if let checkpoint = try? EncoderCheckpoint(locating: url),
      checkpoint.file("tokenizer.json") != nil || checkpoint.file("vocab.txt") != nil
    {
      return checkpoint.folder
    }
    for name in ["tokenizer.json", "vocab.txt"] where FileManager.default.fileExists(atPath: url.appendingPathComponent(name).path) {
      return url
    }
    throw EncoderError(file: url.path, problem: "no vocab.txt or tokenizer.json found here or in the checkpoint folder below")
  }

  private static func jsonObject(_ url: URL) -> [String: Any]? {
    guard let data = try? Data(contentsOf: url) else { return nil }
    return (try? JSONSerialization.jsonObject(with: data)) as? [String: Any]
  }
}
