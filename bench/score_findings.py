"""Precision and recall of a scan-data JSON report against the planted values.
Usage: score_findings.py TRUTH.tsv REPORT.json"""
import collections
import json
import os
import sys


def main():
    truth = set()
    for line in open(sys.argv[1]):
        name, number, entity = line.split()
        truth.add((name, int(number), entity))
    found = set()
    for finding in json.load(open(sys.argv[2]))["findings"]:
        found.add((os.path.basename(finding["file"]), finding["line"], finding["properties"]["entity"]))
    hits = truth & found
    print(f"planted {len(truth)}, reported {len(found)}, correct {len(hits)}")
    print(f"precision {len(hits) / max(len(found), 1):.4f}  recall {len(hits) / max(len(truth), 1):.4f}")
    per = collections.defaultdict(lambda: [0, 0, 0])
    for t in truth:
        per[t[2]][0] += 1
    for f in found:
        per[f[2]][1] += 1
    for h in hits:
        per[h[2]][2] += 1
    print("| entity | planted | reported | precision | recall |")
    print("|---|---|---|---|---|")
    for entity, (planted, reported, correct) in sorted(per.items()):
        print(f"| {entity} | {planted} | {reported} | {correct / max(reported, 1):.3f} | {correct / max(planted, 1):.3f} |")
    extra = sorted(found - truth)[:10]
    for e in extra:
        print("false positive:", *e, file=sys.stderr)
    for m in sorted(truth - found)[:10]:
        print("missed:", *m, file=sys.stderr)


if __name__ == "__main__":
    main()
