#!/usr/bin/env python3
"""A whole archive imported end to end with each recognizer, and the same documents sent raw, in one run.

For each engine (default: corenlp, then fast) a fresh server with a fresh local Elasticsearch (its own data folder
under target/compare-import/), the same jar, started with --clipfile.enrich.recognizer=<engine>; an API key; then
the archive through the command line (`java -jar clipfile.jar import <corpus> --include <glob>`), timed from the
command's start to its end (every article searchable then). CPU seconds of the server and of its Elasticsearch
(from /proc, the server's process tree) before and after. The relink that follows an import is switched off in
both arms (--clipfile.entities.relink-after-import=0): it is the same work whichever engine recognised.

Then the floor: every article's stored document (as Clipfile wrote it) is read back from the last engine's
Elasticsearch and, on a fresh server's fresh Elasticsearch that imported nothing (a new JVM, as in the imports),
sent with `_bulk` (batches of 500, one at a time, as the import's writer sends them) into an index with the same
mappings and settings, then refreshed: what indexing alone costs Elasticsearch, with nothing for the server to do.
No import can be faster than that on this machine.

Usage: scripts/compare-import.py [--jar target/clipfile.jar] [--corpus ../shared/corpora/news/reuters21578]
                                 [--include '*.sgm'] [--engines corenlp,fast]
                                 [--arm NAME:ENGINE:SERVER-ARGS ...] [--no-floor]
--arm adds an arm of its own name after the engines', e.g. `--engines fast --arm
'no-copies:fast:--clipfile.copies.enabled=false'` measures what the copy lookup costs an import (server arguments
separated by spaces).
Writes target/compare-import/report.md and prints it. Needs the built jar (./mvnw package) and the corpus.
Run it on an otherwise idle machine: the wall clocks are what it compares.
"""
import argparse
import base64
import http.cookiejar
import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TICK = os.sysconf("SC_CLK_TCK")
PASSWORD = "compare-import-admin-password"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def tree_cpu(pid):
    """CPU seconds (user + system) of pid and every process below it, split into (pid itself, the others)."""
    children = {}
    stats = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(entry))
        stats[int(entry)] = (int(fields[11]) + int(fields[12])) / TICK
    own = stats.get(pid, 0.0)
    others, todo = 0.0, list(children.get(pid, []))
    while todo:
        p = todo.pop()
        others += stats.get(p, 0.0)
        todo.extend(children.get(p, []))
    return own, others


def call(opener, url, body=None, headers=None, method=None):
    data = None if body is None else (body if isinstance(body, bytes) else json.dumps(body).encode())
    request = urllib.request.Request(url, data=data, method=method)
    request.add_header("Content-Type", "application/json")
    for k, v in (headers or {}).items():
        request.add_header(k, v)
    with opener.open(request, timeout=600) as response:
        text = response.read()
        return json.loads(text) if text else None


def start_server(jar, engine, work, recognizer=None, extra=()):
    data = os.path.join(work, engine)
    shutil.rmtree(data, ignore_errors=True)
    os.makedirs(data)
    port, es_port = free_port(), free_port()
    log = open(os.path.join(work, f"server-{engine}.log"), "w")
    env = dict(os.environ, CLIPFILE_SECURITY_BOOTSTRAP_ADMIN_PASSWORD=PASSWORD)
    process = subprocess.Popen(
        ["java", "-jar", jar, f"--server.port={port}", f"--clipfile.local-node.data-dir={data}",
         f"--clipfile.local-node.http-port={es_port}", "--clipfile.samples.enabled=false",
         f"--clipfile.local-node.home={ROOT}/target/elasticsearch/elasticsearch-9.5.3",
         f"--clipfile.enrich.recognizer={recognizer or engine}", "--clipfile.entities.relink-after-import=0",
         *extra],
        stdout=log, stderr=subprocess.STDOUT, env=env, cwd=ROOT)
    try:
        return process, *ready(process, port, es_port, data, engine, log.name)
    except BaseException:
        process.terminate()
        process.wait(120)
        raise


def ready(process, port, es_port, data, engine, log):
    """Waits for the server and its Elasticsearch (503 until the local node is up), logs in, makes an API key."""
    base = f"http://127.0.0.1:{port}"
    cookies = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(cookies))
    xsrf = lambda: {"X-XSRF-TOKEN": next(c.value for c in cookies if c.name == "XSRF-TOKEN")}
    deadline = time.monotonic() + 300
    while True:
        if process.poll() is not None:
            sys.exit(f"the {engine} server stopped; see {log}")
        if time.monotonic() > deadline:
            sys.exit(f"the {engine} server was not ready in 300 s; see {log}")
        try:
            try:
                opener.open(base + "/api/session", timeout=30).read()
            except urllib.error.HTTPError as e:
                if e.code != 401:
                    raise  # 401 before login: up, and the answer set the XSRF cookie
            call(opener, base + "/api/session", {"username": "admin", "password": PASSWORD}, xsrf())
            key = call(opener, base + "/api/keys", {"name": "compare-import", "role": "admin"}, xsrf())["key"]
            break
        except (OSError, StopIteration):
            time.sleep(2)
    credentials = {}
    with open(os.path.join(data, "elasticsearch-credentials.properties")) as f:
        for line in f:
            if "=" in line and not line.startswith("#"):
                k, v = line.strip().split("=", 1)
                credentials[k] = v
    return base, key, f"http://127.0.0.1:{es_port}", credentials


def import_archive(jar, base, key, corpus, include, work, engine):
    env = dict(os.environ, CLIPFILE_API_KEY=key)
    with open(os.path.join(work, f"import-{engine}.log"), "w") as log:
        started = time.monotonic()
        code = subprocess.call(["java", "-jar", jar, "import", corpus, "--include", include, "--server", base,
                                "--progress", "plain"], stdout=log, stderr=subprocess.STDOUT, env=env, cwd=ROOT)
        wall = time.monotonic() - started
    with open(log.name) as f:
        done = [line for line in f if line.startswith("Done:")]
    # The command exits 1 when some documents were refused (Reuters has one story without a title): the import ran.
    if code not in (0, 1) or not done:
        sys.exit(f"the {engine} import did not complete ({code}); see {log.name}")
    return wall, done[-1].strip()


def es_auth(credentials):
    return {"Authorization": "Basic " + base64.b64encode(
        f"{credentials.get('username', 'clipfile')}:{credentials['password']}".encode()).decode()}


def stored_documents(es, credentials):
    """The article index's mappings and settings, and every stored article as _bulk bodies of 500."""
    auth, opener = es_auth(credentials), urllib.request.build_opener()
    index = next(iter(call(opener, es + "/_alias/articles", headers=auth)))
    described = call(opener, f"{es}/{index}", headers=auth)[index]
    settings = {k: v for k, v in described["settings"]["index"].items()
                if k in ("analysis", "number_of_shards", "number_of_replicas", "max_result_window",
                         "mapping", "similarity")}
    bodies, batch = [], []
    page = call(opener, f"{es}/{index}/_search?scroll=2m", {"size": 500, "sort": ["_doc"]}, auth)
    while page["hits"]["hits"]:
        for hit in page["hits"]["hits"]:
            batch.append(json.dumps({"index": {"_id": hit["_id"]}}))
            batch.append(json.dumps(hit["_source"]))
            if len(batch) == 1000:
                bodies.append(("\n".join(batch) + "\n").encode())
                batch = []
        page = call(opener, es + "/_search/scroll", {"scroll": "2m", "scroll_id": page["_scroll_id"]}, auth)
    if batch:
        bodies.append(("\n".join(batch) + "\n").encode())
    return {"settings": {"index": settings}, "mappings": described["mappings"]}, bodies


def floor(es, credentials, index_definition, bodies, es_cpu):
    """The stored articles sent raw with _bulk into a new index with the same mapping, then refreshed."""
    auth, opener = es_auth(credentials), urllib.request.build_opener()
    call(opener, es + "/floor-bulk", index_definition, auth, method="PUT")
    before = es_cpu()
    started = time.monotonic()
    for body in bodies:
        answer = call(opener, es + "/floor-bulk/_bulk", body, dict(auth, **{"Content-Type": "application/x-ndjson"}))
        if answer.get("errors"):
            sys.exit("the raw _bulk had errors")
    call(opener, es + "/floor-bulk/_refresh", b"", auth, method="POST")
    wall = time.monotonic() - started
    return sum(b.count(b"\n") for b in bodies) // 2, wall, es_cpu() - before


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--jar", default=os.path.join(ROOT, "target", "clipfile.jar"))
    parser.add_argument("--corpus", default=os.path.join(ROOT, "..", "shared", "corpora", "news", "reuters21578"))
    parser.add_argument("--include", default="*.sgm")
    parser.add_argument("--engines", default="corenlp,fast")
    parser.add_argument("--arm", action="append", default=[], help="NAME:ENGINE:SERVER-ARGS")
    parser.add_argument("--no-floor", action="store_true", help="skip the raw _bulk floor")
    args = parser.parse_args()
    if not os.path.isdir(args.corpus):
        sys.exit(f"{args.corpus} is absent: nothing to import (the corpora stay outside the repository)")
    work = os.path.join(ROOT, "target", "compare-import")
    os.makedirs(work, exist_ok=True)
    rows, floor_row = [], None
    arms = [(engine, engine, []) for engine in args.engines.split(",") if engine]
    for arm in args.arm:
        name, engine, extra = arm.split(":", 2)
        arms.append((name, engine, extra.split()))
    for n, (engine, recognizer, extra) in enumerate(arms):
        process, base, key, es, credentials = start_server(args.jar, engine, work, recognizer, extra)
        try:
            time.sleep(10)  # the start-up's background work (catalogue, backfills) settles
            server_before, es_before = tree_cpu(process.pid)
            load = open("/proc/loadavg").read().split()[0]
            wall, tail = import_archive(args.jar, base, key, args.corpus, args.include, work, engine)
            server_after, es_after = tree_cpu(process.pid)
            rows.append((engine, wall, server_after - server_before, es_after - es_before, load, tail))
            print(f"{engine}: {wall:.1f} s wall, server {server_after - server_before:.1f} CPU-s, "
                  f"Elasticsearch {es_after - es_before:.1f} CPU-s; {tail}", flush=True)
            if n == len(arms) - 1 and not args.no_floor:
                documents = stored_documents(es, credentials)
        finally:
            process.terminate()
            process.wait(120)
    if not args.no_floor:
        # The floor on a fresh Elasticsearch too (a fresh JVM compiles as it goes, as in the imports above).
        process, base, key, es, credentials = start_server(args.jar, "floor", work, recognizer="fast")
        try:
            time.sleep(10)
            floor_row = floor(es, credentials, *documents, lambda: tree_cpu(process.pid)[1])
            print(f"raw _bulk: {floor_row[0]} documents in {floor_row[1]:.1f} s, "
                  f"Elasticsearch {floor_row[2]:.1f} CPU-s", flush=True)
        finally:
            process.terminate()
            process.wait(120)
    lines = ["| arm | wall s | server CPU s | Elasticsearch CPU s | both, CPU s | load at start | import's last line |",
             "|---|---:|---:|---:|---:|---:|---|"]
    for engine, wall, server, elastic, load, tail in rows:
        lines.append(f"| import, {engine} | {wall:.1f} | {server:.1f} | {elastic:.1f} | {server + elastic:.1f} "
                     f"| {load} | {tail} |")
    if floor_row:
        documents, wall, elastic = floor_row
        lines.append(f"| raw `_bulk` of the stored documents ({documents}) | {wall:.1f} | 0 | {elastic:.1f} "
                     f"| {elastic:.1f} | | |")
    by = {r[0]: r for r in rows}
    if "corenlp" in by and "fast" in by:
        lines.append("")
        lines.append(f"CoreNLP ÷ fast: wall {by['corenlp'][1] / by['fast'][1]:.2f}, CPU (both processes) "
                     f"{(by['corenlp'][2] + by['corenlp'][3]) / (by['fast'][2] + by['fast'][3]):.2f}")
        if floor_row:
            lines.append(f"CoreNLP import ÷ raw `_bulk` (the most any engine could gain): wall "
                         f"{by['corenlp'][1] / floor_row[1]:.2f}")
    report = "\n".join(lines) + "\n"
    with open(os.path.join(work, "report.md"), "w") as f:
        f.write(report)
    print(report)


if __name__ == "__main__":
    main()
