"""8 concurrent clients × 100 writes over HTTP, two clients per store (so they contend): every write is either
applied or refused as stale (then retried on the new version); at the end every acknowledged write is in its
store, once, the stores validate, and the operations log holds one entry per applied write."""

from __future__ import annotations

import http.client
import threading
from pathlib import Path

from serve_support import article, make_corpus, serving

from belarus_corpus.annotate.oplog import read_log

CLIENTS, WRITES, STORES, ATTEMPTS = 8, 100, 4, 400


def test_eight_clients_a_hundred_writes_each_lose_nothing(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path / "c", {f"load{n}.txt": f"Copy {n}.\n" + article(40) for n in range(STORES)})
    docs = [f"load{n}" for n in range(STORES)]
    assert all(len(corpus.document(doc).text) >= CLIENTS // STORES * WRITES * 8 + 5 for doc in docs)
    acked: list[list[str]] = [[] for _ in range(CLIENTS)]
    refused = [0] * CLIENTS
    failures: list[str] = []
    with serving(corpus) as served:
        def client(number: int) -> None:
            conn = http.client.HTTPConnection("127.0.0.1", served.port, timeout=120)
            doc = docs[number % STORES]
            try:
                for write in range(WRITES):
                    start = (number // STORES * WRITES + write) * 8
                    for _ in range(ATTEMPTS):
                        version = served.request("GET", f"/api/doc/{doc}/version", connection=conn)[1]["version"]
                        status, body = served.request("POST", f"/api/doc/{doc}/spans", {
                            "start16": start, "end16": start + 5, "layer": "hedge", "type": "reportative",
                            "version": version}, connection=conn)
                        if status == 200:
                            acked[number].append(body["id"])
                            break
                        if status != 409:
                            failures.append(f"client {number}: {status} {body}")
                            return
                        refused[number] += 1
                    else:
                        failures.append(f"client {number}: write {write} refused {ATTEMPTS} times")
                        return
            finally:
                conn.close()

        threads = [threading.Thread(target=client, args=(n,)) for n in range(CLIENTS)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    assert failures == []
    stored = [s.id for doc in docs for s in corpus.annotations(doc).spans]
    every = [span_id for ids in acked for span_id in ids]
    assert len(every) == CLIENTS * WRITES and sorted(stored) == sorted(every) and len(set(stored)) == len(stored)
    print(f"{CLIENTS} clients x {WRITES} writes: {len(every)} applied, {sum(refused)} stale writes refused (409) "
          "and retried")
    assert sum(refused) > 0  # the clients did contend: stale writes were refused, not applied
    assert corpus.validate([corpus.layout.store(doc) for doc in docs]).valid
    logged = [e for e in read_log(corpus) if e.kind == "operation"]  # each web write is one operation of the log
    assert len(logged) == CLIENTS * WRITES and [e.id for e in logged] == list(range(1, CLIENTS * WRITES + 1))
