#!/usr/bin/env python3
"""Lists Swift functions (and initialisers, closures bound to properties excluded) longer than a limit.

Usage: scripts/long-functions.py [LIMIT] [PATH...]   (default 80 lines, Sources/)
Counts the lines from a `func`/`init` declaration to its closing brace. Exits 1 when any is longer.
"""
import re
import sys
from pathlib import Path

limit = int(sys.argv[1]) if len(sys.argv) > 1 and sys.argv[1].isdigit() else 80
roots = [a for a in sys.argv[1:] if not a.isdigit()] or ["Sources"]
declaration = re.compile(r'^\s*(?:@\w+(?:\([^)]*\))?\s+)*(?:(?:public|package|private|fileprivate|internal|static|mutating|nonisolated|override|final|convenience|required)\s+)*(?:func\s+\w+|init[?!]?)\s*[<(]')

def strip(line):
    """The line without string literals and comments (roughly)."""
    line = re.sub(r'"(?:\\.|[^"\\])*"', '""', line)
    return line.split('//')[0]

found = []
for root in roots:
    for path in sorted(Path(root).rglob("*.swift")):
        lines = path.read_text().split("\n")
        in_multiline = False
        for index, line in enumerate(lines):
            if '"""' in line:
                in_multiline = not in_multiline if line.count('"""') == 1 else in_multiline
                continue
            if in_multiline or not declaration.match(line):
                continue
            depth = 0
            started = False
            for end in range(index, len(lines)):
                text = strip(lines[end])
                depth += text.count("{") - text.count("}")
                if "{" in text:
                    started = True
                if started and depth <= 0:
                    length = end - index + 1
                    if length > limit:
                        found.append((length, f"{path}:{index + 1}", line.strip()[:90]))
                    break
for length, where, text in sorted(found, reverse=True):
    print(f"{length:4d}  {where}  {text}")
print(f"{len(found)} functions longer than {limit} lines")
sys.exit(1 if found else 0)
