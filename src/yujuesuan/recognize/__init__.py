"""Segmenting and table recognition, driven by the templates in refdata."""

from yujuesuan.recognize.document import recognize

__all__ = ["recognize"]
