#!/usr/bin/env python3
"""Writes Tests/Fixtures/sentiment/vader-compound.json: VADER compound scores of a few sentences
computed by the Python vaderSentiment package, and the lexicon valences of the words they use,
for SentimentLexiconTests (Sources/Interp/Sentiment).

The package is fetched the way Rigor fetches checkpoints and never installed:
    python3 -m pip download --no-deps --only-binary=:all: vaderSentiment==3.3.2 -d /tmp/vader
    python3 Scripts/make-sentiment-fixture.py /tmp/vader/vaderSentiment-3.3.2-py2.py3-none-any.whl
(a wheel is a zip, so it is imported straight from the file).
"""
import json
import pathlib
import sys

if len(sys.argv) != 2:
    sys.exit(__doc__)
sys.path.insert(0, sys.argv[1])
import zipfile  # noqa: E402
import tempfile  # noqa: E402

# The analyzer opens its lexicon files from the package folder, so unpack the wheel.
folder = tempfile.mkdtemp()
zipfile.ZipFile(sys.argv[1]).extractall(folder)
sys.path.insert(0, folder)
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer, SentiText  # noqa: E402

# Sentences the Swift scorer should score as the package does, then ones using rules it leaves
# out (the reason says which).
SAME = [
    "I love this wonderful day!",
    "The food was terrible and the service was slow.",
    "The meeting is at nine in the morning.",
    "She is not happy with the result.",
    "This is a very good idea.",
    "The movie was slightly disappointing.",
    "The plot was dull, but the acting was great.",
    "What a beautiful, amazing, lovely garden!!",
    "He never smiles and he isn't kind to anyone.",
    "Why would anyone do this?? It is awful.",
    "I hate Mondays. They are boring and sad.",
    "We had a nice time at the park, and the children laughed a lot.",
    "Thank you so much for your help, it was extremely helpful :)",
]
DIFFERENT = [
    ("The view was GREAT and the staff were helpful.", "ALL-CAPS emphasis"),
    ("There is no good reason to stay.", "'no' negating the next word"),
    ("That concert was the bomb.", "idioms and special cases"),
    ("This is the least helpful answer.", "'least'"),
    ("It is kind of sad that the shop closed.", "'kind of' and 'sort of' as degree phrases (in the package's idiom step)"),
]

analyzer = SentimentIntensityAnalyzer()
words = set()
cases = []
for text, reason in [(s, None) for s in SAME] + DIFFERENT:
    cases.append({"text": text, "compound": analyzer.polarity_scores(text)["compound"],
                  "unmodelled": reason})
    words.update(w.lower() for w in SentiText(text).words_and_emoticons)
# The package rounds compound to 4 decimals, so the tests compare within 5e-5.
for case in cases:
    case["tokens"] = SentiText(case["text"]).words_and_emoticons

lexicon = {w: analyzer.lexicon[w] for w in sorted(words) if w in analyzer.lexicon}
out = pathlib.Path(__file__).resolve().parent.parent / "Tests/Fixtures/sentiment/vader-compound.json"
out.parent.mkdir(parents=True, exist_ok=True)
out.write_text(json.dumps({
    "package": "vaderSentiment 3.3.2 (MIT)", "lexicon_subset": lexicon, "cases": cases,
}, indent=1, ensure_ascii=True) + "\n")
print(f"wrote {out}: {len(cases)} sentences, {len(lexicon)} lexicon words")
