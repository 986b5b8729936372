"""Agreement grouping stays linear: time it on 625, 2,500 and 10,000 synthetic documents.

Run by hand:  python benchmarks/agreement_scaling.py [--documents 10000]
Documents are built from seed-style sentences with their numbers, years and categories varied,
keyed by the real pipeline (Document + statements), then grouped by Agreement.find_across.
"""

from __future__ import annotations

import argparse
import random
import time

from checks.claims.agreement import Agreement
from checks.claims.base import Document
from checks.claims.corpus import Corpus
from checks.keys import load_lexicon, statements
from checks.read import Source, matching_view

TEMPLATES = [
    "{year}年我国{category}市场规模达{money}亿元。",
    "截至{year}年底,我国{category}生产企业达{count}家。",
    "{year}年我国{category}出口额为{usd}亿美元,进口额为{usd2}亿美元。",
    "{year}年,我国{category}上市公司增至{small}家。",
    "截至{year}年底,我国60岁及以上老年人口达{people}亿人。",
    "{year}年我国磁共振国产占比为{share}%。",
    "{year}年我国磁共振进口占比为{share2}%。",
    "在{year}年全球百强榜中,入围榜单的企业有{small}家。",
]
CATEGORIES = ["医疗器械", "医疗装备", "医学装备", "医学影像装置", "醫療器械"]


def synthetic_text(rng: random.Random) -> str:
    values = {
        "year": rng.randint(2012, 2024),
        "category": rng.choice(CATEGORIES),
        "money": rng.choice([9582, 10358, 12700, 8400, 562.9]),
        "count": rng.choice([2641, 36000, 14900]),
        "usd": rng.choice([13.51, 9.84, 6.26]),
        "usd2": rng.choice([14.84, 9.59]),
        "small": rng.choice([11, 23, 172]),
        "people": rng.choice([2.97, 2.8]),
        "share": rng.choice([19, 47, 65]),
        "share2": rng.choice([35, 53, 90]),
    }
    return "\n".join(t.format(**values) for t in rng.sample(TEMPLATES, 5))


def keyed_corpus(documents: int, seed: int = 7) -> Corpus:
    rng, lexicon = random.Random(seed), load_lexicon()
    corpus = Corpus({}, [], lexicon)
    for i in range(documents):
        text = synthetic_text(rng)
        source = Source(f"doc{i:05d}", f"doc{i:05d}.txt", text, matching_view(text), "utf-8")
        corpus.sources[source.id] = source
        corpus.statements.extend(statements(Document(source), lexicon, 2024))
    return corpus


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=10_000, help="the largest corpus")
    largest = parser.parse_args().documents
    sizes = [largest // 16, largest // 4, largest]
    header = ("documents", 10), ("statements", 11), ("claims", 8), ("grouping s", 11)
    print(" ".join(f"{name:>{width}}" for name, width in header), f"{'µs/statement':>13}")
    per_statement = []
    for size in sizes:
        corpus = keyed_corpus(size)
        started = time.perf_counter()
        claims = Agreement().find_across(corpus)
        elapsed = time.perf_counter() - started
        per_statement.append(elapsed / len(corpus.statements) * 1e6)
        print(
            f"{size:>10} {len(corpus.statements):>11} {len(claims):>8} {elapsed:>11.3f}"
            f" {per_statement[-1]:>13.2f}"
        )
    ratio = per_statement[-1] / per_statement[0]
    verdict = "linear" if ratio < 2.0 else "NOT linear"
    print(f"time per statement at 16x / at 1x: {ratio:.2f} ({verdict}; target < 2.0)")


if __name__ == "__main__":
    main()
