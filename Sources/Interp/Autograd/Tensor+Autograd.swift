extension Tensor {
  /// Whether gradients flow to this tensor.
  ///
  /// Setting it to `true` on a tensor without history makes it a *leaf* (a parameter):
  /// ``backward(_:)`` accumulates into its ``grad``, and its storage becomes shared by all its
  /// copies (see the type documentation). Setting it to `false` drops any history.
  public var requiresGrad: Bool {
    get { node != nil }
    set {
      if newValue {
        guard node == nil else { return }
        // A parameter owns a dense storage that nothing else aliases.
        if !isContiguous || offset != 0 || storage.count != count
          || !isKnownUniquelyReferenced(&storage)
        {
          let dense = Tensor(uninitializedShape: shape)
          Tensor.copyElements(from: self, into: dense.storage.pointer, strides: dense.strides)
          storage = dense.storage
          strides = dense.strides
          offset = 0
        }
        node = GradNode()
      } else {
        node = nil
      }
    }
  }

  /// A copy of this tensor that requires a gradient (a new leaf).
  public func requiringGrad() -> Tensor {
    var t = detached()
    t.requiresGrad = true
    return t
  }

  /// Whether this tensor is a leaf of the autograd graph that requires a gradient.
  public var isLeaf: Bool { node?.isLeaf ?? true }

  /// The accumulated gradient of a leaf (or of a node that called ``retainGrad()``).
  public var grad: Tensor? {
    get { node?.grad }
    nonmutating set {
      check(node != nil, "grad: cannot set the gradient of a tensor that does not require grad")
      node?.grad = newValue
    }
  }

  /// Keeps this interior tensor's gradient after ``backward(_:)`` (for attribution and hooks).
  public func retainGrad() {
    check(node != nil, "retainGrad(): tensor of shape \(shape) does not require grad")
    node?.retainsGrad = true
  }

  /// The same values with no gradient history (shares storage).
  public func detached() -> Tensor {
    var t = self
    t.node = nil
    return t
  }

  /// Clears the accumulated gradient (sets it to `nil`).
  public func zeroGrad() { node?.grad = nil }

  /// Wraps `value` with a graph node for operation `op` when recording is on and any input
  /// requires a gradient. `backward` receives the output gradient and returns one gradient per
  /// input (it runs with recording off).
  @usableFromInline
  static func record(
    _ value: Tensor, op: String, inputs: [Tensor], backward: @escaping (Tensor) -> [Tensor?]
  ) -> Tensor {
    guard isRecorded(inputs) else { return value }
    var out = value
    out.node = GradNode(op: op, parents: inputs.map(\.node), backward: backward)
    return out
  }

  /// Whether an operation on `inputs` gets a graph node: recording is on and an input
  /// requires a gradient.
  @usableFromInline
  static func isRecorded(_ inputs: [Tensor]) -> Bool {
    guard GradMode.enabled else { return false }
    return inputs.contains { $0.node != nil }
  }

  /// A backward rule that adds its input gradients to the ones gathered so far.
  ///
  /// It receives the output gradient and one slot per input holding the gradient gathered for
  /// that input from other uses (or `nil`), and leaves in each slot the sum with its own
  /// contribution. Both are handed over: a slot or the output gradient whose storage nothing
  /// else references may be overwritten, which saves a pass over memory and a buffer per
  /// input compared with returning a new gradient that the caller then adds.
  @usableFromInline
  typealias AccumulatingBackward = (inout Tensor, inout [Tensor?]) -> Void

  /// ``record(_:op:inputs:backward:)`` for an operation with an ``AccumulatingBackward`` rule.
  @usableFromInline
  static func record(
    _ value: Tensor, op: String, inputs: [Tensor], accumulating backward: @escaping AccumulatingBackward
  ) -> Tensor {
    guard isRecorded(inputs) else { return value }
    var out = value
    out.node = GradNode(op: op, parents: inputs.map(\.node), accumulatingBackward: backward)
    return out
  }

  /// Adds `contribution` to `slot` (an accumulating rule's fallback when it cannot fuse).
  static func accumulate(_ contribution: Tensor, into slot: inout Tensor?) {
    guard var total = slot else {
      slot = contribution
      return
    }
    slot = nil
    total.addInPlace(contribution)
    slot = total
  }

  /// Whether `tensor` is a dense buffer of `shape` that nothing else references, so that it
  /// may be overwritten.
  static func isOwnedDense(_ tensor: inout Tensor, shape: [Int]) -> Bool {
    tensor.node == nil && tensor.shape == shape && tensor.isContiguous && tensor.offset == 0
      && tensor.storage.count == tensor.count && isKnownUniquelyReferenced(&tensor.storage)
  }

  /// Computes gradients of this tensor with respect to every leaf in its history.
  ///
  /// Gradients are *added* to each leaf's ``grad`` (call ``zeroGrad()`` or an optimiser's
  /// `zeroGrad()` between steps). Without `gradient`, the tensor must hold one element and the
  /// seed is 1.
  ///
  /// - Parameter gradient: The gradient of some scalar with respect to this tensor.
  public func backward(_ gradient: Tensor? = nil) {
    guard let root = node else {
      failCheck("backward(): tensor of shape \(shape) does not require grad; set requiresGrad on an input")
    }
    let seed: Tensor
    if let gradient {
      check(
        gradient.shape == shape,
        "backward(): gradient of shape \(gradient.shape) does not match tensor of shape \(shape)")
      seed = gradient.detached()
    } else {
      check(count == 1, "backward(): tensor of shape \(shape) is not a scalar; pass a gradient")
      seed = Tensor.full(shape, 1)
    }
    if root.isLeaf {
      var g = seed
      Tensor.accumulate(into: root, &g)
      return
    }
    let order = Tensor.topologicalOrder(from: root)
    var pending: [ObjectIdentifier: Tensor] = [ObjectIdentifier(root): seed]
    withNoGrad {
      for current in order.reversed() {
        guard var g = pending.removeValue(forKey: ObjectIdentifier(current)) else { continue }
        if current.isLeaf {
          Tensor.accumulate(into: current, &g)
          continue
        }
        if current.retainsGrad { Tensor.accumulate(into: current, &g) }
        if let accumulating = current.accumulatingBackward, current.parentsAreDistinct {
          var gathered = current.parents.map { parent in
            parent.flatMap { pending.removeValue(forKey: ObjectIdentifier($0)) }
          }
          accumulating(&g, &gathered)
          for (parent, gradient) in zip(current.parents, gathered) {
            guard let parent, let gradient else { continue }
            pending[ObjectIdentifier(parent)] = gradient
          }
          continue
        }
        guard let fn = current.backward else { continue }
        let inputGrads = fn(g)
        for (parent, inputGrad) in zip(current.parents, inputGrads) {
          guard let parent, let inputGrad else { continue }
          let key = ObjectIdentifier(parent)
          var gathered = pending.removeValue(forKey: key)
          Tensor.accumulate(inputGrad, into: &gathered)
          pending[key] = gathered
        }
      }
    }
  }

  /// Adds `g` to `node.grad`, storing a gradient that no other tensor aliases.
  ///
  /// A stored gradient must not alias anything else, because optimisers and clipping read it
  /// later; `g` is taken over without copying only when nothing else references its storage.
  static func accumulate(into node: GradNode, _ g: inout Tensor) {
    if var total = node.grad {
      node.grad = nil
      total.addInPlace(g)
      node.grad = total
      return
    }
    if g.isContiguous && g.offset == 0 && g.storage.count == g.count && isKnownUniquelyReferenced(&g.storage) {
      node.grad = g
    } else {
      node.grad = g.clone()
    }
  }

  /// `self += other` (broadcast), in place when this tensor alone owns a dense storage.
  mutating func addInPlace(_ other: Tensor) {
    guard node == nil, isContiguous, isKnownUniquelyReferenced(&storage),
      ShapeMath.broadcast(shape, other.shape, op: "gradient accumulation") == shape
    else {
      self = detached() + other.detached()
      return
    }
    if other.shape == shape && other.isContiguous {
      let dst = storage.pointer + offset
      let src = UnsafePointer(other.basePointer)
      Parallel.forEachChunk(count) { range in
        for i in range { dst[i] += src[i] }
      }
      return
    }
    let loop = StridedLoop(shape: shape, strides: [strides, Tensor.broadcastStrides(other, to: shape)])
    let n = loop.innerCount
    let inner = loop.innerStride(1)
    let dst = storage.pointer
    let src = UnsafePointer(other.storage.pointer)
    let (base, otherBase) = (offset, other.offset)
    Parallel.forEachChunk(loop.outerCount, elementsPerItem: n) { runs in
      loop.forEachRun(runs, base, otherBase, 0) { d, s, _ in
        let dp = dst + d
        let sp = src + s
        if inner == 1 {
          for i in 0..<n { dp[i] += sp[i] }
        } else {
          for i in 0..<n { dp[i] += sp[i * inner] }
        }
      }
    }
  }

  /// Nodes reachable from `root`, each after all of its parents (iterative depth-first search).
  static func topologicalOrder(from root: GradNode) -> [GradNode] {
    var order: [GradNode] = []
    var visited = Set<ObjectIdentifier>()
    var stack: [(GradNode, Int)] = [(root, 0)]
    visited.insert(ObjectIdentifier(root))
    while let top = stack.popLast() {
      let current = top.0
      var next = top.1
      var pushedChild = false
      while next < current.parents.count {
        let candidate = current.parents[next]
        next += 1
        if let parent = candidate, !visited.contains(ObjectIdentifier(parent)) {
          visited.insert(ObjectIdentifier(parent))
          stack.append((current, next))
          stack.append((parent, 0))
          pushedChild = true
          break
        }
      }
      if !pushedChild { order.append(current) }
    }
    return order
  }
}
