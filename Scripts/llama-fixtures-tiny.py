#!/usr/bin/env python3
"""Writes tiny random Llama and GPT-2 checkpoints with transformers (config.json and
model.safetensors, fp32) under Tests/Fixtures/llama/tiny-llama and tiny-gpt2, with their
fp32 logits on two token sequences (logits.json), so Interp's Hugging Face loader is tested on
files transformers wrote. Run from the repository root: python3 Scripts/llama-fixtures-tiny.py"""
import json
import torch
from transformers import GPT2Config, GPT2LMHeadModel, LlamaConfig, LlamaForCausalLM

torch.manual_seed(13)
tokens = [[1, 5, 9, 2, 33, 60, 7, 7, 12, 40], [3, 3, 3, 8, 50, 21, 0, 63, 11, 4]]
models = {
    "tiny-llama": LlamaForCausalLM(LlamaConfig(
        vocab_size=64, hidden_size=32, intermediate_size=48, num_hidden_layers=2, num_attention_heads=4,
        num_key_value_heads=2, max_position_embeddings=64, rms_norm_eps=1e-5, rope_theta=500.0,
        tie_word_embeddings=False)),
    "tiny-gpt2": GPT2LMHeadModel(GPT2Config(
        vocab_size=64, n_positions=32, n_embd=32, n_layer=2, n_head=4, n_inner=None,
        activation_function="gelu_new", layer_norm_epsilon=1e-5)),
}
for name, model in models.items():
    # Random init leaves some parameters at zero or one; perturb them so every weight matters.
    with torch.no_grad():
        for p in model.parameters():
            p.add_(torch.randn_like(p) * 0.05)
    model.eval()
    folder = f"Tests/Fixtures/llama/{name}"
    model.save_pretrained(folder, safe_serialization=True)
    with torch.no_grad():
        logits = model(torch.tensor(tokens)).logits
    json.dump({"tokens": tokens, "logits": logits.reshape(-1).tolist(), "shape": list(logits.shape)},
              open(f"{folder}/logits.json", "w"))
    print(name, sum(p.numel() for p in model.parameters()))
