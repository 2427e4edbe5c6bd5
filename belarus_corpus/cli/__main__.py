"""``python -m belarus_corpus.cli``: the CLI without the installed script."""

from . import main

main()
