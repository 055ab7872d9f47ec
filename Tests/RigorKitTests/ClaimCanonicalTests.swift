import Foundation
import Testing

@testable import RigorKit

@Suite struct ClaimCanonicalTests {
  @Test func canonicalFormHasSortedKeysAndResolvedDefaults() {
    let claim = Claim(id: "a", says: "Say \"hi\"\n", metric: "m", expect: .within(0.25, 1))
    #expect(claim.canonicalForm == """
      {"baseline":null,"better":"higher","capability":null,"capability_tolerance":0,\
      "competitive":false,"control":null,"expect":"in [0.25, 1]","held_out":false,"id":"a",\
      "margin":0,"metric":"m","safety":false,"says":"Say \\"hi\\"\\n","setting":"toy","task":null}
      """)
  }

  @Test func spellingOutADefaultDoesNotChangeTheHash() throws {
    let short = try Claim.parse(yaml: "id: a\nsays: x\nmetric: m\nbaseline: b\nexpect: \">=0.8\"\n", file: "n", firstLine: 1)
    let long = try Claim.parse(
      yaml: "id: a\nsays: x\nmetric: m\nbaseline: b\nexpect: \">= 0.80\"\nbetter: higher\nmargin: 0\nsetting: toy\n",
      file: "n", firstLine: 1)
    #expect(short.canonicalHash == long.canonicalHash)
  }

  @Test func hashIsFNV1aOfTheCanonicalForm() {
    let claim = Claim(id: "a", says: "x")
    // Independent FNV-1a 64 (python: h ^= b; h = h * 0x100000001b3 mod 2**64) of the same text.
    var h: UInt64 = 0xCBF2_9CE4_8422_2325
    for byte in claim.canonicalForm.utf8 { h = (h ^ UInt64(byte)) &* 0x100_0000_01B3 }
    #expect(claim.canonicalHash == String(format: "%016llx", h))
    #expect(claim.canonicalHash.count == 16)
  }

  @Test func changingAnyFieldChangesTheHash() {
    let base = Claim(id: "a", says: "x", metric: "m", expect: .greaterThan(1))
    var variants: [Claim] = []
    var c = base; c.margin = 0.01; variants.append(c)
    c = base; c.expect = .atLeast(1); variants.append(c)
    c = base; c.setting = .realistic; variants.append(c)
    c = base; c.heldOut = true; variants.append(c)
    c = base; c.says = "y"; variants.append(c)
    c = base; c.capabilityTolerance = 0.1; variants.append(c)
    let hashes = Set(variants.map(\.canonicalHash) + [base.canonicalHash])
    #expect(hashes.count == variants.count + 1)
  }

  @Test func jsonRoundTripsWithSchemaFieldNames() throws {
    let claim = Claim(
      id: "a", says: "x", metric: "m", expect: .atMost(0.3), baseline: "b", better: .lower,
      margin: 0.02, competitive: true, setting: .realistic, heldOut: true, safety: true,
      capability: "c", capabilityTolerance: 0.01)
    let data = try JSONEncoder().encode(claim)
    let text = String(decoding: data, as: UTF8.self)
    #expect(text.contains("\"held_out\":true") && text.contains("\"capability_tolerance\":0.01"))
    #expect(try JSONDecoder().decode(Claim.self, from: data) == claim)
    let minimal = try JSONDecoder().decode(Claim.self, from: Data(#"{"id":"b","says":"y"}"#.utf8))
    #expect(minimal == Claim(id: "b", says: "y"))
  }
}
