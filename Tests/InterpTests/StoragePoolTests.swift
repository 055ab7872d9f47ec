import Testing

@testable import Interp

@Suite struct StoragePoolTests {
  @Test func largeBuffersAreReusedAndSmallOnesAreNot() {
    let pool = StoragePool()
    let big = pool.allocate(bytes: 1 << 20)
    pool.release(big, bytes: 1 << 20)
    #expect(pool.allocate(bytes: 1 << 20) == big)
    let other = pool.allocate(bytes: 1 << 20)
    #expect(other != big)
    pool.release(other, bytes: 1 << 20)
    pool.drain()
    let small = pool.allocate(bytes: 64)
    pool.release(small, bytes: 64)
  }

  @Test func reusedStorageDoesNotLeakOldValuesIntoNewTensors() {
    do {
      let a = Tensor.full([300, 300], 7)
      #expect(a.sum().item() == 7 * 90_000)
    }
    let zeros = Tensor.zeros([300, 300])
    #expect(zeros.max().item() == 0)
    let ones = Tensor.ones([300, 300]) + Tensor.zeros([300, 300])
    #expect(ones.min().item() == 1 && ones.max().item() == 1)
  }
}
