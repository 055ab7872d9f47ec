import Foundation
import Testing

@testable import Interp

/// The project generator against an independent Python implementation of the published algorithm.
@Suite struct Xoshiro256Tests {
  private let reference = """
    import math, sys
    M = (1 << 64) - 1
    def splitmix(s):
        s = (s + 0x9E3779B97F4A7C15) & M
        z = s
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & M
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & M
        return s, z ^ (z >> 31)
    def rotl(x, k):
        return ((x << k) | (x >> (64 - k))) & M
    seed = int(sys.stdin.read())
    st = []
    for _ in range(4):
        seed, v = splitmix(seed)
        st.append(v)
    def nxt():
        r = (rotl((st[1] * 5) & M, 7) * 9) & M
        t = (st[1] << 17) & M
        st[2] ^= st[0]; st[3] ^= st[1]; st[1] ^= st[2]; st[0] ^= st[3]; st[2] ^= t
        st[3] = rotl(st[3], 45)
        return r
    raw = [nxt() for _ in range(6)]
    u1 = ((nxt() >> 11) + 1) * 2.0 ** -53
    u2 = (nxt() >> 11) * 2.0 ** -53
    rad = math.sqrt(-2 * math.log(u1))
    print(" ".join(str(v) for v in raw))
    print(repr(rad * math.cos(2 * math.pi * u2)), repr(rad * math.sin(2 * math.pi * u2)))
    """

  @Test func matchesIndependentReferenceForRawBitsAndNormals() throws {
    let out = try CoreTestSupport.python(reference, input: "20251121").split(separator: "\n")
    let raw = out[0].split(separator: " ").map { UInt64($0)! }
    let normals = out[1].split(separator: " ").map { Double($0)! }
    var rng = Xoshiro256(seed: 20_251_121)
    #expect((0..<6).map { _ in rng.next() } == raw)
    let z1 = rng.nextNormal()
    let z2 = rng.nextNormal()
    #expect(Swift.abs(z1 - normals[0]) < 1e-12)
    #expect(Swift.abs(z2 - normals[1]) < 1e-12)
  }

  @Test func portableMathMatchesLibm() {
    var rng = Xoshiro256(seed: 3)
    for _ in 0..<2000 {
      let u = rng.nextDouble()
      let x = Double((rng.next() >> 11) + 1) * 0x1p-53
      #expect(Swift.abs(PortableMath.log(x) - Foundation.log(x)) <= 1e-15 * Swift.max(1, Swift.abs(Foundation.log(x))))
      let (s, c) = PortableMath.sinCosTwoPi(u)
      #expect(Swift.abs(s - Foundation.sin(2 * .pi * u)) < 1e-14)
      #expect(Swift.abs(c - Foundation.cos(2 * .pi * u)) < 1e-14)
    }
  }

  @Test func integersAreInRangeAndRoughlyUniform() {
    var rng = Xoshiro256(seed: 11)
    var counts = [Int](repeating: 0, count: 7)
    for _ in 0..<7000 { counts[rng.nextInt(below: 7)] += 1 }
    #expect(counts.allSatisfy { $0 > 850 && $0 < 1150 })
    #expect(rng.permutation(10).sorted() == Array(0..<10))
  }

  @Test func splitStreamsDiffer() {
    var rng = Xoshiro256(seed: 1)
    var child = rng.split()
    let a = (0..<4).map { _ in child.next() }
    let b = (0..<4).map { _ in rng.next() }
    #expect(a != b)
    var again = Xoshiro256(seed: 1)
    #expect((0..<4).map { _ in again.next() } == a)
  }
}
