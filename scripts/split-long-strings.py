#!/usr/bin/env python3
"""Splits string literals on lines longer than 120 columns into `"..." +` continuations.

A one-off helper for the 120-column rule: swift-format cannot break string literals. Only
single-line, double-quoted literals are split, at a space outside interpolations; lines in
attribute or macro arguments (#expect, @Test) are left for a person.
"""
import re
import sys
from pathlib import Path

LIMIT = 120

def literals(line):
    """(start, end) of each double-quoted literal on the line (end exclusive), skipping \"\"\"."""
    spans = []
    i = 0
    while i < len(line):
        if line.startswith('"""', i):
            return []
        if line[i] == '"':
            j = i + 1
            depth = 0
            while j < len(line):
                if line[j] == '\\' and j + 1 < len(line) and line[j + 1] == '(':
                    depth += 1
                    j += 2
                    continue
                if depth > 0:
                    if line[j] == '(':
                        depth += 1
                    elif line[j] == ')':
                        depth -= 1
                    elif line[j] == '"':
                        # a string inside an interpolation: skip it
                        k = line.index('"', j + 1) if '"' in line[j + 1:] else len(line)
                        j = k
                    j += 1
                    continue
                if line[j] == '\\':
                    j += 2
                    continue
                if line[j] == '"':
                    break
                j += 1
            spans.append((i, j + 1))
            i = j + 1
        elif line.startswith('//', i):
            break
        else:
            i += 1
    return spans

def split_point(line, start, end):
    """A space inside the literal, outside interpolations, as late as possible before the limit."""
    depth = 0
    best = None
    j = start + 1
    while j < end - 1:
        if line[j] == '\\' and line[j + 1] == '(':
            depth += 1
            j += 2
            continue
        if depth > 0:
            if line[j] == '(':
                depth += 1
            elif line[j] == ')':
                depth -= 1
            j += 1
            continue
        if line[j] == '\\':
            j += 2
            continue
        if line[j] == ' ' and j < LIMIT - 4 and j > start + 10:
            best = j
        j += 1
    return best

def fix(line):
    if len(line) <= LIMIT or re.match(r'\s*(#expect|#require|@Test|Issue\.record|//|///)', line):
        return [line]
    spans = sorted(literals(line), key=lambda span: span[1] - span[0], reverse=True)
    for start, end in spans:
        if end - start < 30:
            continue
        point = split_point(line, start, end)
        if point is None:
            continue
        indent = re.match(r'\s*', line).group(0) + '    '
        first = line[:point + 1] + '" +'
        rest = indent + '"' + line[point + 1:]
        return [first] + fix(rest)
    return [line]

for path in sys.argv[1:]:
    text = Path(path).read_text().split('\n')
    out = []
    for line in text:
        out += fix(line)
    if out != text:
        Path(path).write_text('\n'.join(out))
