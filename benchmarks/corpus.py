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


def generate(out: Path, documents: int, seed: int = 1) -> int:
    rng = random.Random(seed)
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    out.mkdir(parents=True, exist_ok=True)
    total = 0
    for i in range(documents):
        data = vary(texts[i % len(texts)], rng).encode("utf-8")
        (out / f"article{i:06d}.txt").write_bytes(data)
        total += len(data)
    return total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--documents", type=int, default=10_000)
    args = parser.parse_args()
    size = generate(args.out, args.documents)
    print(f"wrote {args.documents} articles, {size / 2**20:.1f} MB, to {args.out}")


if __name__ == "__main__":
    main()
