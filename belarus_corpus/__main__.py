"""``python -m belarus_corpus``: the CLI without the installed script."""

from .cli import main

main()
