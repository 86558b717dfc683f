#!/usr/bin/env python3
"""Elasticsearch's time for the name clauses alone, before (keys computed by the server, stored in the name fields)
and after (keys computed by the index, in the `.key` sub-fields), from the search profiler, on two indexes of the
same articles. The clauses are those SearchRequestFactory and QueryTranslator build for a plain name and for a
`person:`/`group:`/`place:` scope (matching part only; the salience and text parts are the same in both).

  BEFORE_URL=http://127.0.0.1:19501 AFTER_URL=http://127.0.0.1:19502 ES_AUTH=user:password \
  python3 scripts/name-clause-profile.py [rounds=30]

The key the server used to send (NameKeys.key) is read from the after index with _analyze on people_names.key:
the same NameKeys class computes both. Standard library only.
"""
import base64
import json
import os
import statistics
import sys
import urllib.request

NAMES = ["reagan", "james baker", "volcker", "nakasone", "opec", "world bank", "federal reserve", "japan",
         "mohammed", "bundesbank", "regan", "imf", "west germany", "abd al-rahman"]
SCOPES = {"person": "people_names", "group": "groups_names", "place": "places_names"}


def post(url, body, auth):
    request = urllib.request.Request(url, data=json.dumps(body).encode(), method="POST",
                                     headers={"Content-Type": "application/json",
                                              "Authorization": "Basic " + base64.b64encode(auth.encode()).decode()})
    with urllib.request.urlopen(request, timeout=60) as response:
        return json.load(response)


def profiled_ns(url, auth, query):
    body = post(url + "/articles/_search", {"size": 20, "profile": True, "query": query}, auth)
    total = 0
    for shard in body["profile"]["shards"]:
        for search in shard["searches"]:
            total += sum(q["time_in_nanos"] for q in search["query"])
    return total, body["hits"]["total"]["value"]


def main():
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 30
    auth = os.environ["ES_AUTH"]
    before, after = os.environ["BEFORE_URL"], os.environ["AFTER_URL"]
    keys = {name: " ".join(t["token"] for t in post(after + "/articles/_analyze",
                                                     {"field": "people_names.key", "text": name}, auth)["tokens"])
            for name in NAMES}
    cases = []
    for name in NAMES:
        key = keys[name]
        cases.append(("plain " + name,
                      {"multi_match": {"query": key, "type": "phrase",
                                       "fields": ["people_names", "groups_names", "places_names"]}},
                      {"multi_match": {"query": name, "type": "phrase",
                                       "fields": ["people_names.key", "groups_names.key", "places_names.key"]}}))
        for scope, field in SCOPES.items():
            cases.append((scope + ":" + name,
                          {"match_phrase": {field: {"query": key}}},
                          {"multi_match": {"query": name, "type": "phrase", "fields": [field + ".key", field]}}))
    times = {}
    hits = {}
    for r in range(rounds + 3):
        for label, old, new in cases:
            for arm, url, query in (("before", before, old), ("after", after, new)) if r % 2 else (
                    ("after", after, new), ("before", before, old)):
                ns, total = profiled_ns(url, auth, query)
                if r >= 3:
                    kind = "plain" if label.startswith("plain") else "scope"
                    for group in ((arm, "all"), (arm, kind)):
                        times.setdefault(group, []).append(ns)
                hits.setdefault(label, {})[arm] = total
    for kind in ("all", "plain", "scope"):
        for arm in ("before", "after"):
            t = sorted(times[(arm, kind)])
            print(f"{kind:5} {arm:6}: {len(t)} clause searches, profiled query time median "
                  f"{statistics.median(t) / 1000:.1f} us, p90 {t[int(len(t) * 0.9)] / 1000:.1f} us, "
                  f"mean {statistics.mean(t) / 1000:.1f} us")
    differ = {k: v for k, v in hits.items() if v.get("before") != v.get("after")}
    print(f"cases: {len(cases)}; hit counts that differ before/after: {json.dumps(differ)}")


if __name__ == "__main__":
    main()
