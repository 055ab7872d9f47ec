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
  }

  /// An interior node recorded by operation `op`.
  init(op: String, parents: [GradNode?], backward: @escaping (Tensor) -> [Tensor?]) {
    self.op = op
    self.parents = parents
    self.backward = backward
  }
}
