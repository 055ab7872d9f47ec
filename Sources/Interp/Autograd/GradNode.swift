/// One recorded operation in the autograd graph (or a leaf that accumulates a gradient).
///
/// A node keeps its parents (the nodes of the inputs that need gradients, `nil` for inputs
/// that don't) and a closure mapping the gradient of its output to gradients of its inputs.
/// Leaves have no closure; ``Tensor/backward(_:)`` adds into their ``grad``.
@usableFromInline
final class GradNode {
  /// Name of the operation, used in error messages.
  let op: String
  /// Nodes of the inputs, aligned with the closure's result; `nil` where no gradient is needed.
  let parents: [GradNode?]
  /// Maps the output gradient to one gradient per parent (`nil` when not needed).
  let backward: ((Tensor) -> [Tensor?])?
  /// The same gradients *added* to what the parents have gathered so far, for operations that
  /// can add in the pass that computes them (see ``Tensor/AccumulatingBackward``).
  let accumulatingBackward: Tensor.AccumulatingBackward?
  /// The accumulated gradient (leaves, and interior nodes that retain it).
  var grad: Tensor?
  /// Whether an interior node keeps its gradient after ``Tensor/backward(_:)``.
  var retainsGrad = false

  /// Whether this node is a leaf (a parameter or input the user asked gradients for).
  var isLeaf: Bool { backward == nil }

  /// A leaf node.
  init() {
    op = "leaf"
    parents = []
    backward = nil
    accumulatingBackward = nil
  }

  /// An interior node recorded by operation `op`.
  init(op: String, parents: [GradNode?], backward: @escaping (Tensor) -> [Tensor?]) {
    self.op = op
    self.parents = parents
    self.backward = backward
    accumulatingBackward = nil
  }

  /// An interior node whose gradients are added into the parents' gathered gradients.
  init(op: String, parents: [GradNode?], accumulatingBackward: @escaping Tensor.AccumulatingBackward) {
    self.op = op
    self.parents = parents
    self.accumulatingBackward = accumulatingBackward
    backward = { gradient in
      var gradient = gradient
      var gathered = [Tensor?](repeating: nil, count: parents.count)
      accumulatingBackward(&gradient, &gathered)
      return gathered
    }
  }

  /// Whether no parent appears twice, so each can hand its gathered gradient over.
  var parentsAreDistinct: Bool {
    for (i, parent) in parents.enumerated() {
      guard let parent else { continue }
      for other in parents[(i + 1)...] where other === parent { return false }
    }
    return true
  }
}
