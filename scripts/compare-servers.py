#!/usr/bin/env python3
"""Two Clipfile servers on one Elasticsearch index, and the plain hand-written faceted request, side by side.

Sends the same searches to server A, server B and straight to Elasticsearch (the request of
../shared/tools/perf_search.py: multi_match on title and body, four terms facets, a monthly histogram, highlighting,
20 hits), alternating query by query in rotating order, closed loop; then, arm by arm in blocks, the CPU per search
of each server process and of Elasticsearch. Reports p50/p90/p99 and the ratios to the plain request, and how many
answers of A and B differ (total, hit ids or facets: expected when ranking changed between them).

Start both servers against the same Elasticsearch (one with its local node, or both with
--clipfile.local-node.enabled=false --spring.elasticsearch.uris=... --spring.elasticsearch.username/password=...)
and warm both the same way: a freshly started JVM spends about twice the CPU per search for its first few thousand
searches (JIT compilation), so a long-running server against a fresh one measures the JVM, not the code.

Usage (environment): A_URL, B_URL, CLIP_AUTH ("ApiKey cf_..."), ES_URL, ES_AUTH ("user:password"), and for the CPU
part A_PID, B_PID, ES_PID (the Elasticsearch server process, not its launcher). Optional EXTRA (query string added
to the servers' searches, e.g. "collapse=false"), and A_EXTRA / B_EXTRA (added to one server's only: with A_URL and
B_URL the same server, A_EXTRA="" B_EXTRA="collapse=false" compares a collapsed search with the same one uncollapsed).

    scripts/compare-servers.py [searches=300] [cpu-searches=150]
"""
import base64
import json
import os
import random
import sys
import time
import urllib.parse
import urllib.request

ES = os.environ["ES_URL"]
ES_AUTH = "Basic " + base64.b64encode(os.environ["ES_AUTH"].encode()).decode()
AUTH = os.environ["CLIP_AUTH"]
EXTRA = dict(urllib.parse.parse_qsl(os.environ.get("EXTRA", "")))
ARM_EXTRA = {arm: dict(EXTRA, **dict(urllib.parse.parse_qsl(os.environ.get(arm + "_EXTRA", "")))) for arm in "AB"}
TICK = os.sysconf("SC_CLK_TCK")


def elasticsearch(path, body):
    request = urllib.request.Request(ES + path, data=json.dumps(body).encode(), method="POST")
    request.add_header("Content-Type", "application/json")
    request.add_header("Authorization", ES_AUTH)
    with urllib.request.urlopen(request, timeout=60) as response:
        return json.load(response)


def clipfile(base, q, extra):
    request = urllib.request.Request(base + "/api/search?" + urllib.parse.urlencode(dict(q=q, **extra)))
    request.add_header("Authorization", AUTH)
    with urllib.request.urlopen(request, timeout=60) as response:
        return json.load(response)


def plain(q):
    """The faceted request a developer would write by hand (the same as ../shared/tools/perf_search.py's)."""
    return {"size": 20, "track_total_hits": True, "_source": ["title", "published", "source", "url"],
            "query": {"multi_match": {"query": q, "fields": ["title^2", "body"], "operator": "and"}},
            "aggs": {"people": {"terms": {"field": "people", "size": 10}},
                     "groups": {"terms": {"field": "groups", "size": 10}},
                     "countries": {"terms": {"field": "place_countries", "size": 10}},
                     "source": {"terms": {"field": "source", "size": 10}},
                     "dates": {"date_histogram": {"field": "published", "calendar_interval": "month"}}},
            "highlight": {"fields": {"body": {"fragment_size": 180, "number_of_fragments": 1},
                                     "title": {"number_of_fragments": 0}}}}


def process_cpu_ms(pid):
    """utime + stime of a process, its ended threads included (a thread listing would miss those)."""
    fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return 1000 * (int(fields[11]) + int(fields[12])) / TICK


def queries(n, seed):
    titles = elasticsearch("/articles/_search", {"size": 2000, "_source": ["title"], "query": {"match_all": {}}})
    words = sorted({w.lower() for h in titles["hits"]["hits"] for w in (h["_source"].get("title") or "").split()
                    if w.isalpha() and len(w) > 3})
    rnd = random.Random(seed)
    return [" ".join(rnd.sample(words, rnd.choice([1, 1, 2]))) for _ in range(n)]


def percentile(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(p / 100 * len(values)))]


def latency(n):
    arms = {"A": os.environ["A_URL"], "B": os.environ["B_URL"], "plain": None}
    times = {arm: [] for arm in arms}
    differing = 0
    qs = queries(n, 7)
    for i, q in enumerate(qs[:30] + qs):
        order = list(arms)[i % 3:] + list(arms)[:i % 3]
        answers = {}
        for arm in order:
            start = time.perf_counter()
            if arms[arm] is None:
                elasticsearch("/articles/_search?request_cache=false", plain(q))
            else:
                answers[arm] = clipfile(arms[arm], q, ARM_EXTRA[arm])
            if i >= 30:
                times[arm].append((time.perf_counter() - start) * 1000)
        a, b = answers["A"], answers["B"]
        if (a.get("total"), [h["id"] for h in a["hits"]], a.get("facets")) != (
                b.get("total"), [h["id"] for h in b["hits"]], b.get("facets")):
            differing += 1
    print(f"{n} searches, closed loop, extra A {ARM_EXTRA['A']} B {ARM_EXTRA['B']}; answers of A and B differing: {differing}; "
          f"load {' '.join(open('/proc/loadavg').read().split()[:3])}")
    base = times["plain"]
    for arm, values in times.items():
        print(f"  {arm:6s} p50 {percentile(values, 50):6.1f}  p90 {percentile(values, 90):6.1f}  "
              f"p99 {percentile(values, 99):6.1f} ms   / plain: p50 {percentile(values, 50) / percentile(base, 50):.2f}"
              f"  p99 {percentile(values, 99) / percentile(base, 99):.2f}")


def cpu(n):
    if "ES_PID" not in os.environ:
        return
    es_pid = int(os.environ["ES_PID"])
    arms = {"A": (os.environ["A_URL"], int(os.environ["A_PID"])),
            "B": (os.environ["B_URL"], int(os.environ["B_PID"])), "plain": (None, None)}
    rounds = {arm: [] for arm in arms}
    qs = queries(n, 5)
    for _ in range(3):
        for arm, (url, pid) in arms.items():
            server0, es0, t0 = process_cpu_ms(pid) if pid else 0, process_cpu_ms(es_pid), time.perf_counter()
            for q in qs:
                if url:
                    clipfile(url, q, ARM_EXTRA[arm])
                else:
                    elasticsearch("/articles/_search?request_cache=false", plain(q))
            server1, es1, t1 = process_cpu_ms(pid) if pid else 0, process_cpu_ms(es_pid), time.perf_counter()
            rounds[arm].append(((server1 - server0) / n, (es1 - es0) / n, 1000 * (t1 - t0) / n))
    print(f"CPU per search, {n} searches per block, 3 rounds, the median round by Elasticsearch's CPU:")
    for arm, values in rounds.items():
        server, es, wall = sorted(values, key=lambda v: v[1])[1]
        print(f"  {arm:6s} server {server:5.2f} ms   Elasticsearch {es:5.2f} ms   wall {wall:5.1f} ms")


if __name__ == "__main__":
    latency(int(sys.argv[1]) if len(sys.argv) > 1 else 300)
    cpu(int(sys.argv[2]) if len(sys.argv) > 2 else 150)
