"""``belarus-corpus serve``: a local web workspace over the same corpus folder (no second database).

Every write goes through the ``Corpus`` methods the CLI calls (``corpus_writes.CorpusWrites``: locks, atomic
writes, validation and the operations log come with them), made against the version of the store the page was
loaded with (``fsio.expecting``): a stale write is refused (HTTP 409), never applied. Browsers count UTF-16 code
units and the store counts code points; ``offsets`` is the one place that converts. Starlette and uvicorn are
imported only when the server starts.
"""
