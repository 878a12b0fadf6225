#!/usr/bin/env python3
"""Counts defect kinds in the canonical speaker names of quotient JSONL records.

Not a test: an audit of what the attribution eval does not score (it scores
mentions). For each kind (a verb word inside a PERSON name, a title-case
function word, a possessor, five or more words, a role word, ...) it prints
how many quotes carry such a name and the commonest examples, and counts the
pairs of names in one document where one is the other plus words.

  build/quotient analyze -q --no-tone -f jsonl ../shared/corpus/polnear/train/text/ > train.jsonl
  build/quotient analyze -q --no-tone -f jsonl ../shared/corpus/polnear/dev/text/ > dev.jsonl
  python3 tests/eval/name_audit.py train.jsonl dev.jsonl
"""
import collections
import json
import os
import re
import sys

LEX = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "data", "lexicon") + os.sep
def lex_words(fn, col=None, flt=None):
    out = set()
    for line in open(LEX + fn):
        if not line.strip() or line.startswith('#'): continue
        parts = line.rstrip('\n').split('\t')
        if flt and not flt(parts): continue
        if col is None:
            for p in parts[1:2] if len(parts) > 1 else parts[:1]:
                out.update(p.lower().split())
        else:
            out.add(parts[col].lower())
    return out
verbs = set()
for line in open(LEX + 'cues.txt'):
    if line.startswith('#') or not line.strip(): continue
    parts = line.rstrip('\n').split('\t')
    if len(parts) > 1:
        for f in parts[1].split(): verbs.add(f.lower())
verbs |= {'is','was','are','were','has','had','have','would','will','could','should','can','may','might','did','does',
          'hints','calls','slams','blasts','wants','says','said','warns','urges','vows','wins','loses','takes','gets','makes',
          'tells','asks','backs','rips','hits','knocks','defends','attacks','praises','endorses','rejects','accuses','denies'}
roles = lex_words('roles.txt', 0, lambda p: len(p) > 1 and p[1] == 'role')
func = {'the','a','an','to','of','in','on','for','and','or','but','with','at','by','from','as','that','this','not','no',
        'his','her','their','its','he','she','they','it','who','what','why','how','after','before','over','about','up',
        'out','into','than','if','be','just','new','more','all'}
particles = {'de','da','di','du','del','della','der','den','van','von','bin','bint','al','el','la','le','dos','das','ibn','st.','y'}
org_ok = {'of','the','and','for','on','de','in','at','&','du','des','to','la','for'}
def kinds(name, typ):
    w = name.split()
    k = []
    lw = [x.lower().strip(",.") for x in w]
    ok = particles if typ == 'PERSON' else org_ok
    if any(x[:1].islower() and x not in ok and not x[:1].isdigit() for x in w): k.append('lowercase')
    if any(x in verbs and len(x) > 1 and x not in ('will', 'may', 'hope') for x in lw[1:] if typ == 'PERSON') or (typ != 'PERSON' and any(x in verbs for x in lw)):
        k.append('verb')
    if typ == 'PERSON' and any(x[:1].isupper() and len(x) > 1 and x.lower() in (func | verbs) - {'will', 'may', 'hope', 'new'} for x in w): k.append('titlecase_fragment')
    if typ == 'PERSON' and any(x in roles for x in lw): k.append('role_word')
    if lw and lw[-1] in ('said','says','say'): k.append('trailing_said')
    if re.search(r"['\u2019]s?$", name) or re.search(r"['\u2019]s ", name): k.append('possessive')
    if len(w) >= 5: k.append('5plus_words')
    if typ == 'PERSON' and len(w) == 4: k.append('4_words')
    return k
counts = collections.Counter(); examples = collections.defaultdict(collections.Counter)
names = {'PERSON': collections.Counter(), 'ORGANIZATION': collections.Counter()}
bydoc = collections.defaultdict(set)
for fn in sys.argv[1:]:
    for line in open(fn):
        r = json.loads(line)
        s = r.get('speaker')
        if not s or s.get('type') not in names: continue
        n, t = s['name'], s['type']
        names[t][n] += 1
        for k in kinds(n, t):
            counts[(t, k)] += 1; examples[(t, k)][n] += 1
        if t == "PERSON" and n: bydoc[r['doc_id']].add(n)
split = 0; splitex = collections.Counter()
for d, ns in bydoc.items():
    for a in ns:
        for b in ns:
            if a != b and set(a.split()) < set(b.split()):
                split += 1; splitex[f'{a} | {b}'] += 1
print('distinct PERSON', len(names['PERSON']), 'ORG', len(names['ORGANIZATION']),
      'quotes PERSON', sum(names['PERSON'].values()), 'ORG', sum(names['ORGANIZATION'].values()))
for (t, k), c in sorted(counts.items()):
    print(f'{t:13s} {k:20s} quotes={c:5d} distinct={len(examples[(t,k)]):4d}  e.g. ' +
          '; '.join(n for n, _ in examples[(t, k)].most_common(6)))
print(f'PERSON        split_in_doc         pairs={split:5d}  e.g. ' + '; '.join(n for n, _ in splitex.most_common(8)))
