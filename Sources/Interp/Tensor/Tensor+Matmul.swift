import CBLAS

/// Matrix products, all through OpenBLAS `cblas_sgemm`.
extension Tensor {
  /// Matrix product with numpy `matmul` semantics.
  ///
  /// Rank-2 operands multiply as matrices; higher ranks are stacks of matrices in the last two
  /// axes whose leading (batch) axes broadcast; a rank-1 left operand is a row vector and a
  /// rank-1 right operand a column vector, and their added axis is removed again. Transposed
  /// views (such as `w.mT`) are passed to BLAS as transposed operands, without a copy.
  ///
  /// - Precondition: the inner dimensions agree, e.g. `[2, 3] · [3, 4]`.
  public func matmul(_ other: Tensor) -> Tensor {
    check(
      rank >= 1 && other.rank >= 1,
      "matmul: operands must have rank ≥ 1, got shapes \(shape) and \(other.shape)")
    let a = rank == 1 ? unsqueezed(0) : self
    let b = other.rank == 1 ? other.unsqueezed(1) : other
    var out = Tensor.batchedMatmul(a, b, bias: nil, shapes: (shape, other.shape))
    if rank == 1 { out = out.squeezed(-2) }
    if other.rank == 1 { out = out.squeezed(-1) }
    return out
  }

  /// `self.matmul(other) + bias` for a `bias` of shape `[n]`, fused into one BLAS call.
  ///
  /// The output is first filled with the bias rows and BLAS accumulates the product into it,
  /// which saves a full pass over the output compared with a separate addition.
  ///
  /// - Precondition: both operands have rank ≥ 2 and `bias` has shape `[other.shape.last]`.
  public func matmul(_ other: Tensor, adding bias: Tensor) -> Tensor {
    check(
      rank >= 2 && other.rank >= 2,
      "matmul(_:adding:): operands must have rank ≥ 2, got shapes \(shape) and \(other.shape)")
    check(
      bias.shape == [other.shape[other.rank - 1]],
      "matmul(_:adding:): bias shape \(bias.shape) does not match product columns of \(shape) · \(other.shape)")
    return Tensor.batchedMatmul(self, other, bias: bias, shapes: (shape, other.shape))
  }

  private static func batchedMatmul(_ a: Tensor, _ b: Tensor, bias: Tensor?, shapes: ([Int], [Int])) -> Tensor {
    let k = a.shape[a.rank - 1]
    check(
      b.shape[b.rank - 2] == k,
      "matmul: shapes \(shapes.0) and \(shapes.1) are incompatible (inner dimensions \(k) and \(b.shape[b.rank - 2]))")
    let batch = ShapeMath.broadcast(
      Array(a.shape.dropLast(2)), Array(b.shape.dropLast(2)), op: "matmul (batch axes of \(shapes.0) and \(shapes.1))")
    let value = gemm(a.detached(), b.detached(), batch: batch, bias: bias?.detached())
    let (av, bv) = (a.detached(), b.detached())
    let (needA, needB) = (a.node != nil, b.node != nil)
    let inputs = bias.map { [a, b, $0] } ?? [a, b]
    let biasShape = bias?.shape
    return record(value, op: "matmul", inputs: inputs, accumulating: { g, gathered in
      if needA {
        // The usual case (a matrix times a matrix) adds `g · bᵀ` straight into a gradient
        // gathered from another use of `a`, as BLAS's `beta = 1`, instead of a new product
        // that is then added.
        if batch.isEmpty && av.rank == 2, var total = gathered[0].take() {
          if isOwnedDense(&total, shape: av.shape) {
            _ = gemm(g, bv.mT, batch: batch, accumulatingInto: total)
            gathered[0] = total
          } else {
            gathered[0] = total
            accumulate(gemm(g, bv.mT, batch: batch), into: &gathered[0])
          }
        } else {
          accumulate(gemm(g, bv.mT, batch: batch).sum(toShape: av.shape), into: &gathered[0])
        }
      }
      if needB {
        let gb: Tensor
        if bv.rank == 2 && av.rank > 2 {
          // Fold the batch into rows: one large product instead of a stack plus a sum.
          let rows = av.count / (av.shape[av.rank - 1] == 0 ? 1 : av.shape[av.rank - 1])
          let a2 = av.reshaped([rows, av.shape[av.rank - 1]])
          let g2 = g.reshaped([rows, g.shape[g.rank - 1]])
          gb = gemm(a2.mT, g2, batch: [])
        } else {
          gb = gemm(av.mT, g, batch: batch).sum(toShape: bv.shape)
        }
        accumulate(gb, into: &gathered[1])
      }
      if let biasShape { accumulate(g.sum(toShape: biasShape), into: &gathered[2]) }
    })
  }

  /// How BLAS should read a 2-D view: transposed or not, and its leading dimension.
  private static func blasLayout(rows: Int, cols: Int, rowStride: Int, colStride: Int)
    -> (transpose: Bool, ld: Int)?
  {
    let rs = rows == 1 ? Swift.max(cols, 1) : rowStride
    let cs = cols == 1 ? 1 : colStride
    if cs == 1 && rs >= Swift.max(cols, 1) { return (false, rs) }
    let rs2 = rows == 1 ? 1 : rowStride
    let cs2 = cols == 1 ? Swift.max(rows, 1) : colStride
    if rs2 == 1 && cs2 >= Swift.max(rows, 1) { return (true, cs2) }
    return nil
  }

  /// The product of stacks `a` `[..., m, k]` and `b` `[..., k, n]`, batch axes broadcast to
  /// `batch`; no gradient recording.
  /// With `bias` (shape `[n]`), every output row starts as the bias and BLAS adds into it;
  /// with `accumulatingInto` (a dense tensor of the output's shape), the product is added to
  /// it in place and it is returned.
  static func gemm(
    _ a0: Tensor, _ b0: Tensor, batch: [Int], bias: Tensor? = nil, accumulatingInto existing: Tensor? = nil
  ) -> Tensor {
    var a = a0
    var b = b0
    let m = a.shape[a.rank - 2]
    let k = a.shape[a.rank - 1]
    let n = b.shape[b.rank - 1]
    if let existing {
      check(
        bias == nil && existing.shape == batch + [m, n] && existing.isContiguous && existing.offset == 0,
        "gemm: cannot accumulate a product of shape \(batch + [m, n]) into \(existing.shape)")
    }
    let out = existing ?? Tensor(uninitializedShape: batch + [m, n])
    if out.count == 0 { return out }
    var beta: Float = existing == nil ? 0 : 1
    if let bias {
      let row = bias.contiguous()
      let rows = out.count / n
      for r in 0..<rows { (out.storage.pointer + r * n).update(from: row.basePointer, count: n) }
      beta = 1
    }
    if k == 0 {
      if bias == nil && existing == nil { out.storage.pointer.update(repeating: 0, count: out.count) }
      return out
    }
    var layoutA = blasLayout(rows: m, cols: k, rowStride: a.strides[a.rank - 2], colStride: a.strides[a.rank - 1])
    if layoutA == nil {
      a = a.contiguous()
      layoutA = (false, k)
    }
    var layoutB = blasLayout(rows: k, cols: n, rowStride: b.strides[b.rank - 2], colStride: b.strides[b.rank - 1])
    if layoutB == nil {
      b = b.contiguous()
      layoutB = (false, n)
    }
    let (ta, lda) = layoutA!
    let (tb, ldb) = layoutB!
    let batchCount = ShapeMath.count(batch)
    let pa = UnsafePointer(a.storage.pointer)
    let pb = UnsafePointer(b.storage.pointer)
    let pc = out.storage.pointer

    // A stack of row-major matrices times one matrix is a single tall product.
    let bIsSingle = b.shape.dropLast(2).allSatisfy { $0 == 1 }
    let aBatch = Array(a.shape.dropLast(2))
    if batchCount > 1 && bIsSingle && !ta && aBatch == batch && a.isContiguous {
      ParallelGemm.sgemm(
        transA: false, transB: tb, m: batchCount * m, n: n, k: k, a: pa + a.offset, lda: k, b: pb + b.offset,
        ldb: ldb, beta: beta, c: pc, ldc: n)
      return out
    }
    if batchCount == 1 {
      ParallelGemm.sgemm(
        transA: ta, transB: tb, m: m, n: n, k: k, a: pa + a.offset, lda: lda, b: pb + b.offset, ldb: ldb,
        beta: beta, c: pc, ldc: n)
      return out
    }

    // A stack of separate products: whole products are shared out between threads.
    let aStrides = broadcastStrides(a, to: batch + [m, k])
    let bStrides = broadcastStrides(b, to: batch + [k, n])
    let (offsetA, offsetB) = (a.offset, b.offset)
    Parallel.forEachChunk(batchCount, elementsPerItem: m * n * k) { indices in
      for index in indices {
        var (offA, offB, rest) = (offsetA, offsetB, index)
        for axis in stride(from: batch.count - 1, through: 0, by: -1) {
          let position = rest % batch[axis]
          rest /= batch[axis]
          offA += position * aStrides[axis]
          offB += position * bStrides[axis]
        }
        cblas_sgemm(
          CblasRowMajor, ta ? CblasTrans : CblasNoTrans, tb ? CblasTrans : CblasNoTrans, Int32(m), Int32(n), Int32(k),
          1, pa + offA, Int32(lda), pb + offB, Int32(ldb), beta, pc + index * m * n, Int32(n))
      }
    }
    return out
  }
}
