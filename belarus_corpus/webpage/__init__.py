"""Web pages below the stages: the encoding of a page and each code point's bytes, main-text extraction (the first
normalization step of a page) and the source map from the extracted text back to the raw page. ``document`` uses
it to compute a page's text; ``ingest`` to read and check a page before it is written."""
