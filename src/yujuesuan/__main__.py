"""`python -m yujuesuan` is `yjs`."""

from yujuesuan.cli import main

main()
