#!/usr/bin/env python3
"""Writes Tests/Fixtures/llama/types.gguf and types.json: one small tensor of every GGUF type
Interp reads (quantized by the `gguf` package, ggml's reference code), metadata of every value
type, a non-default general.alignment, and the values the `gguf` package dequantizes them to.
Interp's GGUF tests compare their reading against these. Run from the repository root."""
import json
import numpy as np
import gguf
from gguf.quants import quantize, dequantize

out = "Tests/Fixtures/llama/types"
rng = np.random.default_rng(13)
w = gguf.GGUFWriter(out + ".gguf", arch="test")
w.add_custom_alignment(64)
w.add_uint8("t.u8", 200)
w.add_int8("t.i8", -100)
w.add_uint16("t.u16", 60000)
w.add_int16("t.i16", -30000)
w.add_uint32("t.u32", 4000000000)
w.add_int32("t.i32", -2000000000)
w.add_float32("t.f32", 1.5)
w.add_bool("t.bool", True)
w.add_string("t.str", "héllo 😀")
w.add_array("t.arr", ["a", "b"])
w.add_uint64("t.u64", 2**40)
w.add_int64("t.i64", -(2**40))
w.add_float64("t.f64", 0.1)
w.add_array("t.nested", [[1, 2], [3]])
expected = {}
for name, qtype, shape in [("f32", gguf.GGMLQuantizationType.F32, (3, 5)),
                           ("f16", gguf.GGMLQuantizationType.F16, (2, 7)),
                           ("bf16", gguf.GGMLQuantizationType.BF16, (4, 3)),
                           ("q8_0", gguf.GGMLQuantizationType.Q8_0, (3, 64)),
                           ("q4_0", gguf.GGMLQuantizationType.Q4_0, (2, 96)),
                           ("q4_1", gguf.GGMLQuantizationType.Q4_1, (5, 32))]:
    data = (rng.standard_normal(shape) * 2 + 0.3).astype(np.float32)
    q = quantize(data, qtype)
    w.add_tensor(name, q, raw_shape=q.shape, raw_dtype=qtype)
    expected[name] = {"shape": list(shape), "values": dequantize(q, qtype).astype(np.float32).reshape(-1).tolist()}
w.write_header_to_file()
w.write_kv_data_to_file()
w.write_tensors_to_file()
w.close()
with open(out + ".json", "w") as f:
    json.dump(expected, f)
r = gguf.GGUFReader(out + ".gguf")
print({t.name: (t.tensor_type.name, list(t.shape), int(t.data_offset)) for t in r.tensors})
