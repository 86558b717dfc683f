#!/usr/bin/env python3
"""Elasticsearch's own search time per Clipfile search, for comparing two versions on the same data.

Sends a fixed list of searches (plain names, words, person:/group:/place: scopes) to GET /api/search, several
rounds after a warm-up, and reads Elasticsearch's statistics of the article index (ES_INDEX, default `articles`) around the measured
rounds: the query and fetch time Elasticsearch spent on it (what `took` sums, per shard) and the CPU time of the Elasticsearch process (from /proc;
the server is local). Both are far steadier on a shared machine than wall-clock latency.

  CLIP_URL=http://127.0.0.1:8080 CLIP_AUTH='ApiKey cf_...' ES_URL=http://127.0.0.1:9200 ES_AUTH=user:password \
  ES_PID=<pid of Elasticsearch> python3 scripts/search-took.py [rounds=20]

Standard library only.
"""
import base64
import json
import os
import sys
import time
import urllib.parse
import urllib.request

QUERIES = [
    "reagan", "james baker", "volcker", "nakasone", "opec", "world bank", "federal reserve", "japan",
    "oil prices", "trade deficit", "interest rates", "mohammed", "gatt talks", "bundesbank",
    "person:reagan", "person:\"james baker\"", "person:volcker", "person:regan", "group:opec",
    "group:\"world bank\"", "group:imf", "place:japan", "place:\"west germany\"", "person:stolten*",
]


def get(url, auth_header):
    request = urllib.request.Request(url, headers={"Authorization": auth_header} if auth_header else {})
    with urllib.request.urlopen(request, timeout=60) as response:
        return json.load(response)


def es_stats(es_url, es_auth):
    header = "Basic " + base64.b64encode(es_auth.encode()).decode() if es_auth else None
    stats = get(es_url + "/" + os.environ.get("ES_INDEX", "articles") + "/_stats/search", header)
    search = stats["_all"]["total"]["search"]
    return search["query_total"], search["query_time_in_millis"], search["fetch_time_in_millis"]


def cpu_ms(pid):
    if not pid:
        return 0.0
    total = 0
    for task in os.listdir(f"/proc/{pid}/task"):
        try:
            with open(f"/proc/{pid}/task/{task}/schedstat") as f:
                total += int(f.read().split()[0])
        except OSError:
            pass
    return total / 1e6


def main():
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    clip = os.environ.get("CLIP_URL", "http://127.0.0.1:8080")
    auth = os.environ.get("CLIP_AUTH")
    es = os.environ.get("ES_URL", "http://127.0.0.1:9200")
    es_auth = os.environ.get("ES_AUTH")
    pid = os.environ.get("ES_PID")

    def run(n):
        totals = {}
        for _ in range(n):
            for q in QUERIES:
                body = get(clip + "/api/search?" + urllib.parse.urlencode({"q": q}), auth)
                totals[q] = body.get("total", body.get("hits_total"))
        return totals

    run(3)  # warm-up
    q0, qt0, ft0 = es_stats(es, es_auth)
    c0 = cpu_ms(pid)
    t0 = time.time()
    totals = run(rounds)
    wall = time.time() - t0
    c1 = cpu_ms(pid)
    q1, qt1, ft1 = es_stats(es, es_auth)
    searches = rounds * len(QUERIES)
    print(f"{searches} Clipfile searches ({rounds} rounds of {len(QUERIES)}); Elasticsearch shard searches on the index {q1 - q0}")
    print(f"ES query+fetch time per Clipfile search: {(qt1 - qt0 + ft1 - ft0) / searches:.2f} ms "
          f"(query {(qt1 - qt0) / searches:.2f}, fetch {(ft1 - ft0) / searches:.2f})")
    if pid:
        print(f"ES process CPU per Clipfile search: {(c1 - c0) / searches:.2f} ms")
    print(f"wall per search (shared machine, indicative only): {wall * 1000 / searches:.1f} ms")
    print("hits: " + json.dumps(totals))


if __name__ == "__main__":
    main()
