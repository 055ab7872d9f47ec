/// One turn of a conversation for ``Tokenizer/applyChatTemplate(_:addGenerationPrompt:)``.
public struct ChatMessage: Sendable, Equatable {
  /// `system`, `user` or `assistant`.
  public var role: String
  public var content: String

  public init(role: String, content: String) {
    self.role = role
    self.content = content
  }
}

extension Tokenizer {
  /// The conversation as the model's chat template writes it (the text to `encode`).
  ///
  /// Interp does not run Jinja: it reads ChatML templates (`<|im_start|>role\ncontent<|im_end|>\n`
  /// per message, as SmolLM2, Qwen and others use) and applies them as the template does,
  /// including a default system message the template inserts when the conversation does not
  /// start with one, and `<|im_start|>assistant\n` when `addGenerationPrompt` is set.
  ///
  /// - Throws: ``PretrainedError/unsupportedFeature(file:feature:)`` when the file has no
  ///   template or one that is not ChatML.
  public func applyChatTemplate(_ messages: [ChatMessage], addGenerationPrompt: Bool = false) throws -> String {
    guard let template = chatTemplate,
      ["'<|im_start|>' + message['role']", "message['content'] + '<|im_end|>'"].allSatisfy(template.contains)
    else {
      throw PretrainedError.unsupportedFeature(file: source, feature: chatTemplate == nil ? "a chat template (the file has none)" : "a chat template other than ChatML")
    }
    var text = ""
    if let first = messages.first, first.role != "system", let system = defaultSystemMessage(template) {
      text += "<|im_start|>system\n\(system)<|im_end|>\n"
    }
    for message in messages { text += "<|im_start|>\(message.role)\n\(message.content)<|im_end|>\n" }
    if addGenerationPrompt && template.contains("add_generation_prompt") { text += "<|im_start|>assistant\n" }
    return text
  }

  /// The system message the template adds when the first message is not a system message.
  private func defaultSystemMessage(_ template: String) -> String? {
    guard template.contains("messages[0]['role'] != 'system'"),
      let start = template.range(of: "'<|im_start|>system\n"),
      let end = template.range(of: "<|im_end|>", range: start.upperBound..<template.endIndex)
    else { return nil }
    return String(template[start.upperBound..<end.lowerBound])
  }
}
