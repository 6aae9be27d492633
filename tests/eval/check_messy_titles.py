#!/usr/bin/python3
# SPDX-License-Identifier: MPL-2.0
"""Checks tests/eval/messy_titles.csv: scored codes only, valid families, unique titles, no overlap with staff_titles.csv."""
import csv, unicodedata
from collections import Counter
import os
BASE = os.path.dirname(os.path.abspath(__file__)) + '/'
scored = {r['isco08'] for r in csv.DictReader(open(os.path.join(BASE, '..', '..', 'data', 'ilo', 'ilo_genai_occupation_scores.csv'), encoding='utf-8'))}
rows = list(csv.DictReader(open(BASE + 'messy_titles.csv', encoding='utf-8', newline='')))
old = {r['title'] for r in csv.DictReader(open(BASE + 'staff_titles.csv', encoding='utf-8', newline=''))}
FAMILIES = {'grade', 'pair', 'old_wording', 'manager', 'abbrev', 'typo', 'case_suffix', 'na'}
assert list(rows[0].keys()) == ['title', 'expected_isco', 'acceptable_isco', 'family', 'note']
for r in rows:
    assert r['family'] in FAMILIES, r
    assert r['title'].strip(), r
    assert r['note'].strip(), r
    acc = [c for c in r['acceptable_isco'].split(' | ') if c]
    if r['expected_isco'] == 'NA':
        assert r['family'] == 'na' and not acc, r
    else:
        assert r['family'] != 'na', r
        assert r['expected_isco'] in scored, r
        assert r['expected_isco'] not in acc, r
        assert len(acc) == len(set(acc)), r
    assert all(c in scored for c in acc), r
    assert r['title'] not in old, ('duplicate of staff_titles.csv', r['title'])
titles = [r['title'] for r in rows]
assert len(set(titles)) == len(titles), 'titles not unique'
norm = lambda s: unicodedata.normalize('NFC', s).casefold().strip()
assert len({norm(t) for t in titles}) == len(titles), 'titles not unique (case-insensitive)'
assert not ({norm(t) for t in titles} & {norm(t) for t in old}), 'case-insensitive overlap with staff_titles.csv'
fam = Counter(r['family'] for r in rows)
mapped = [r for r in rows if r['expected_isco'] != 'NA']
print('rows:', len(rows))
for k in ['grade', 'pair', 'old_wording', 'manager', 'abbrev', 'typo', 'case_suffix', 'na']:
    print(f'  {k:12s} {fam[k]}')
print('NA rows:', len(rows) - len(mapped))
print('mappable rows:', len(mapped))
print('distinct expected codes:', len({r['expected_isco'] for r in mapped}))
print('major groups:', sorted({r['expected_isco'][0] for r in mapped}))
print('rows with acceptable alternatives:', sum(1 for r in mapped if r['acceptable_isco']))
print('rows marked "ligne incertaine":', sum('ligne incertaine' in r['note'] for r in rows))
mg = [r for r in rows if r['family'] == 'manager']
print('manager rows with expected 1xxx:', sum(r['expected_isco'].startswith('1') for r in mg), '/', len(mg))
print('OK')
