import Testing

@testable import Interp

/// Shape mismatches stop the program with a message naming the operation and the shapes.
@Suite struct ShapeErrorTests {
  private func stderrText(_ result: ExitTest.Result?) -> String {
    String(decoding: result?.standardErrorContent ?? [], as: UTF8.self)
  }

  @Test func broadcastMismatchNamesOperationAndShapes() async {
    let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
      _ = Tensor.zeros([2, 3]) + Tensor.zeros([4])
    }
    #expect(stderrText(result).contains("add: shapes [2, 3] and [4] cannot be broadcast together"))
  }

  @Test func matmulMismatchNamesInnerDimensions() async {
    let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
      _ = Tensor.zeros([2, 3]).matmul(Tensor.zeros([4, 5]))
    }
    #expect(stderrText(result).contains("matmul: shapes [2, 3] and [4, 5] are incompatible (inner dimensions 3 and 4)"))
  }
}
