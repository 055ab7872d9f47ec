"""Writes N deterministic English-like sentences of 4 to 60 words, one per line."""
import random, sys
n, path = int(sys.argv[1]), sys.argv[2]
rng = random.Random(5)
words = ("the a model layer attention head token residual stream feature circuit neuron probe "
         "embedding sentence meaning cat dog river bank money runs quickly slowly under over "
         "between because although experiment result claim evidence seed paper reproduce").split()
with open(path, "w", encoding="utf-8") as f:
    for _ in range(n):
        k = int(rng.triangular(4, 60, 12))
        s = " ".join(rng.choice(words) for _ in range(k))
        f.write(s[0].upper() + s[1:] + rng.choice([".", "?", "!", "."]) + "\n")
