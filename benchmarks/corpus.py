"""Generate a synthetic corpus from the seed articles, with their numbers varied.

python benchmarks/corpus.py OUT_DIR --documents 10000
Each article is a seed with every non-year number scaled by a random factor (0.8 to 1.25), so
the corpus has the seeds' sentences and claim shapes but different figures (and findings).
"""

from __future__ import annotations

import argparse
import random
import re
from pathlib import Path

SEEDS = Path(__file__).resolve().parent.parent / "data" / "sources"
_NUMBER = re.compile(r"(?<![\d.])\d+(?:\.\d+)?(?![\d.])")
_YEAR = re.compile(r"(?:19|20)\d{2}")


def vary(text: str, rng: random.Random) -> str:
    def change(match: re.Match[str]) -> str:
        printed = match.group(0)
        if _YEAR.fullmatch(printed):
            return printed
        decimals = len(printed.split(".", 1)[1]) if "." in printed else 0
        value = float(printed) * rng.uniform(0.8, 1.25)
        return f"{value:.{decimals}f}"

    return _NUMBER.sub(change, text)


def filler_paragraph(texts: list[str]) -> str:
    """The seeds' sentences without a digit: text that holds no claim."""
    sentences = [s for t in texts for s in re.split(r"(?<=[。!?])", t) if s.strip()]
    return "".join(s for s in sentences if not re.search(r"\d", s)) + "\n"


def generate(out: Path, documents: int, seed: int = 1, filler: int = 0) -> int:
    """Write the articles; `filler` appends that many number-free paragraphs to each, so a
    corpus can grow in text while its claims stay the same."""
    rng = random.Random(seed)
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    padding = filler_paragraph(texts) * filler
    out.mkdir(parents=True, exist_ok=True)
    total = 0
    for i in range(documents):
        data = (vary(texts[i % len(texts)], rng) + padding).encode("utf-8")
        (out / f"article{i:06d}.txt").write_bytes(data)
        total += len(data)
    return total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--documents", type=int, default=10_000)
    parser.add_argument("--filler", type=int, default=0, help="number-free paragraphs to add")
    args = parser.parse_args()
    size = generate(args.out, args.documents, filler=args.filler)
    print(f"wrote {args.documents} articles, {size / 2**20:.1f} MB, to {args.out}")


if __name__ == "__main__":
    main()
