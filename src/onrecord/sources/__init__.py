"""Readers: plain text, HTML, JSON Lines / JSON, CSV / TSV, WARC / ARC, gzip, directories, stdin.

``plan_inputs(paths)`` expands paths; ``read_input(file)`` yields ``RawDoc`` (text or
HTML to clean with ``clean_html``), ``ReadFailure`` (with a reason) or ``Skipped``.
"""

from onrecord.sources.html import BadHtml, CleanPage, clean_html
from onrecord.sources.inputs import STDIN, InputError, InputFile, plan_inputs, read_input
from onrecord.sources.limits import ReadLimits
from onrecord.sources.model import DocMeta, RawDoc, ReadFailure, ReadItem, Skipped

__all__ = ["STDIN", "BadHtml", "CleanPage", "DocMeta", "InputError", "InputFile", "RawDoc",
           "ReadFailure", "ReadLimits", "ReadItem", "Skipped", "clean_html", "plan_inputs", "read_input"]
