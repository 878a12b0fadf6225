#!/usr/bin/env python3
"""Writes adversarial inputs of a given size for the linear-time benchmark.

Kinds: unmatched (an opening mark every 1,000 bytes, never closed), caps (a
line of capitalised words, no verb), colons (colons and cue words, no quote),
nested (quotes nested ten deep, over and over), start (one unmatched mark at
the start of plain text), names (a new three-word full name in every
sentence, one in ten of them quoted: entity resolution compares names),
saidrun (one sentence of quotes and cues with no full stop: "“a,” said Bob,
“b,” said Bob, …"), pronouns (one sentence naming thousands of men, then
"“a,” she said, …" in the same sentence: pronoun resolution looks back).

  python3 tests/bench/adversarial.py --kind caps --mb 4 --out build/bench/caps-4.txt
"""
import argparse

FILLER = "the council met again on tuesday and talked about the budget for hours "
SYLLABLES = ["ka", "lo", "mi", "ra", "te", "su", "no", "vi", "da", "re", "po", "li", "ga", "ne", "to", "mu"]


def name_word(i):
    """A distinct capitalised word for each i (its base-16 digits as syllables)."""
    word = ""
    while True:
        word += SYLLABLES[i % 16]
        i //= 16
        if not i:
            return word.capitalize()


def pronouns(size):
    men, n, i = [], 0, 0
    while n < size // 2:
        part = f"Mr {name_word(2 * i)} {name_word(2 * i + 1)}, "
        men.append(part)
        n += len(part)
        i += 1
    text = "".join(men) + "and others met on Monday, "
    unit = "\u201cit works,\u201d she said, "
    text += unit * ((size - len(text.encode("utf-8"))) // len(unit.encode("utf-8")))
    return text


def names(size):
    parts, n, i = [], 0, 0
    while n < size:
        name = f"{name_word(3 * i)} {name_word(3 * i + 1)} {name_word(3 * i + 2)}"
        part = f"{name} met the council on Monday. "
        if i % 10 == 9:
            part += f"\u201cIt was fine,\u201d {name} said.\n\n"
        parts.append(part)
        n += len(part.encode("utf-8"))
        i += 1
    return "".join(parts).encode("utf-8")[:size].decode("utf-8", "ignore")


def make(kind, size):
    if kind == "unmatched":
        unit = "\u201c" + FILLER * 14
        unit = unit[:1000]
    elif kind == "caps":
        unit = "Alpha Beta Gamma Delta Epsilon Zeta Eta Theta Iota Kappa Lambda "
    elif kind == "colons":
        unit = "Mr Smith said: the point: Ms Jones told reporters: according to: "
    elif kind == "nested":
        unit = "\u201c" + "\u2018a " * 5 + "\u2019 " * 5 + "b,\u201d he said. "
    elif kind == "saidrun":
        unit = "\u201cthe plan works,\u201d said Bob Reyes, "
    elif kind == "names":
        return names(size)
    elif kind == "pronouns":
        return pronouns(size)
    elif kind == "start":
        return "\u201c" + (FILLER * (size // len(FILLER) + 1))[: size - 3]
    else:
        raise SystemExit(f"unknown kind {kind}")
    return (unit * (size // len(unit.encode("utf-8")) + 1))[:size]


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--kind", required=True)
    ap.add_argument("--mb", type=float, required=True)
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    text = make(args.kind, int(args.mb * 1e6))
    with open(args.out, "w", encoding="utf-8") as f:
        f.write(text)


if __name__ == "__main__":
    main()
