import Foundation

@testable import Interp

/// An independent numpy implementation of the hooked transformer, run from the tests.
///
/// It reads the configuration, weights and tokens as JSON on stdin, computes logits and the
/// layer-0 attention pattern in float64, and the gradient of `Σ logits·R` for every parameter
/// by central finite differences (so the gradient check does not share code with autograd).
enum TransformerReferenceScript {
  static let source = #"""
import sys, json, math
import numpy as np
spec = json.load(sys.stdin)
cfg = spec["config"]
P = {k: np.array(v["data"], dtype=np.float64).reshape(v["shape"]) for k, v in spec["params"].items()}
tokens = np.array(spec["tokens"])
R = np.array(spec["R"], dtype=np.float64).reshape(spec["R_shape"])
erf = np.vectorize(math.erf)
def act(x):
    if cfg["activation"] == "relu": return np.maximum(x, 0)
    return 0.5 * x * (1 + erf(x / math.sqrt(2)))
def ln(x, w, b):
    mu = x.mean(-1, keepdims=True); var = ((x - mu) ** 2).mean(-1, keepdims=True)
    return (x - mu) / np.sqrt(var + 1e-5) * w + b
def forward(P):
    B, T = tokens.shape
    x = P["embed.W_E"][tokens] + P["pos_embed.W_pos"][:T][None]
    patterns = []
    for l in range(cfg["layers"]):
        p = f"blocks.{l}."
        h = ln(x, P[p+"ln1.w"], P[p+"ln1.b"]) if cfg["ln"] else x
        q = np.einsum("btd,hde->bhte", h, P[p+"attn.W_Q"]) + P[p+"attn.b_Q"][None, :, None, :]
        k = np.einsum("btd,hde->bhte", h, P[p+"attn.W_K"]) + P[p+"attn.b_K"][None, :, None, :]
        v = np.einsum("btd,hde->bhte", h, P[p+"attn.W_V"]) + P[p+"attn.b_V"][None, :, None, :]
        s = np.einsum("bhqe,bhke->bhqk", q, k) / math.sqrt(q.shape[-1])
        s = np.where(np.triu(np.ones((T, T)), 1)[None, None] > 0, -np.inf, s)
        s = s - s.max(-1, keepdims=True); a = np.exp(s); a = a / a.sum(-1, keepdims=True)
        patterns.append(a)
        z = np.einsum("bhqk,bhke->bhqe", a, v)
        x = x + np.einsum("bhte,hed->btd", z, P[p+"attn.W_O"]) + P[p+"attn.b_O"]
        if not cfg["attn_only"]:
            h = ln(x, P[p+"ln2.w"], P[p+"ln2.b"]) if cfg["ln"] else x
            x = x + act(h @ P[p+"mlp.W_in"] + P[p+"mlp.b_in"]) @ P[p+"mlp.W_out"] + P[p+"mlp.b_out"]
    if cfg["ln"]: x = ln(x, P["ln_final.w"], P["ln_final.b"])
    return x @ P["unembed.W_U"] + P["unembed.b_U"], patterns
logits, patterns = forward(P)
grads = {}
eps = 1e-6
for name, value in P.items():
    g = np.zeros(value.size)
    flat = value.reshape(-1)
    for i in range(value.size):
        old = flat[i]
        flat[i] = old + eps; up = (forward(P)[0] * R).sum()
        flat[i] = old - eps; down = (forward(P)[0] * R).sum()
        flat[i] = old
        g[i] = (up - down) / (2 * eps)
    grads[name] = g.tolist()
json.dump({"logits": logits.reshape(-1).tolist(), "pattern0": patterns[0].reshape(-1).tolist(), "grads": grads}, sys.stdout)
"""#

  struct Output {
    var logits: [Float]
    var pattern0: [Float]
    var grads: [String: [Float]]
  }

  /// Runs the reference on `model`'s weights for `tokens`, with objective weights `r`.
  static func run(_ model: HookedTransformer, tokens: [[Int]], r: Tensor) throws -> Output {
    let c = model.config
    var params: [String: Any] = [:]
    for (name, tensor) in model.namedParameters() {
      params[name] = ["shape": tensor.shape, "data": tensor.toArray().map(Double.init)]
    }
    let spec: [String: Any] = [
      "config": [
        "layers": c.layerCount, "ln": c.layerNorm, "attn_only": c.attentionOnly,
        "activation": c.activation == .relu ? "relu" : "gelu",
      ],
      "params": params, "tokens": tokens, "R": r.toArray().map(Double.init), "R_shape": r.shape,
    ]
    let input = String(decoding: try JSONSerialization.data(withJSONObject: spec), as: UTF8.self)
    let text = try CoreTestSupport.python(source, input: input)
    let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as! [String: Any]
    func floats(_ any: Any?) -> [Float] { (any as! [Double]).map(Float.init) }
    let grads = (object["grads"] as! [String: Any]).mapValues { floats($0) }
    return Output(logits: floats(object["logits"]), pattern0: floats(object["pattern0"]), grads: grads)
  }
}
