#!/usr/bin/python3
"""Keeps every user-facing text in the catalogue (assets/texts).

Fails when app/ has a string or character literal with non-ASCII text in
it (comments aside: Japanese terms of the manual are welcome there), when code
names a key the catalogue lacks, or when the catalogue defines a key that
nothing uses.

    check-texts.py REPO_ROOT
"""
import pathlib
import re
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[2] / "cmake"))
import text_catalogue  # noqa: E402

SOURCES = (".cpp", ".hpp", ".h", ".c", ".in", ".rc")
KEY_USE = re.compile(r"\btexts::((?:[a-z0-9_]+::)*[a-z0-9_]+)\b")
# A text spelled as \u escapes is a text all the same (char literals aside:
# code points in the normalisers are data).
UNICODE_ESCAPE = re.compile(r"\\(u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8})")
TEMPLATE_USE = re.compile(r"\$\(text:([a-z0-9_.]+)\)")


def literals(source, code=None):
    """Yields (line, literal) for each string and character literal, comments
    skipped; appends the source without its comments to `code` if given."""
    i, line, n = 0, 1, len(source)
    while i < n:
        c = source[i]
        if source.startswith("//", i):
            end = source.find("\n", i)
            i = n if end < 0 else end
        elif source.startswith("/*", i):
            end = source.find("*/", i + 2)
            end = n if end < 0 else end + 2
            line += source.count("\n", i, end)
            i = end
        elif c == "R" and source.startswith('R"', i) and not (i and (source[i - 1].isalnum() or source[i - 1] == "_")):
            open_paren = source.find("(", i)
            delimiter = ")" + source[i + 2:open_paren] + '"'
            end = source.find(delimiter, open_paren)
            end = n if end < 0 else end + len(delimiter)
            yield line, source[i:end]
            line += source.count("\n", i, end)
            i = end
        elif c in "\"'" and not (c == "'" and i and source[i - 1].isalnum()):
            j = i + 1
            while j < n and source[j] != c and source[j] != "\n":
                j += 2 if source[j] == "\\" else 1
            yield line, source[i:j + 1]
            i = j + 1
        else:
            if c == "\n":
                line += 1
            if code is not None:
                code.append(c)
            i += 1


def app_files(root):
    return sorted(p for p in (root / "app").rglob("*") if p.is_file() and p.name.endswith(SOURCES))


def main():
    root = pathlib.Path(sys.argv[1]).resolve()
    problems = []
    entries = text_catalogue.parse(sorted((root / "assets" / "texts").glob("*.txt")))
    used = set()
    for path in app_files(root):
        source = path.read_text(encoding="utf-8")
        rel = path.relative_to(root)
        code = []
        for line, literal in literals(source, code):
            if any(ord(ch) > 0x7F for ch in literal) or (literal[-1:] == '"' and UNICODE_ESCAPE.search(literal)):
                problems.append(f"{rel}:{line}: text outside the catalogue: {literal.splitlines()[0][:60]}")
        code = "".join(code)
        used.update(m.group(1).replace("::", ".") for m in KEY_USE.finditer(code))
        used.update(m.group(1) for m in TEMPLATE_USE.finditer(source))
    for key in sorted(used - set(entries)):
        problems.append(f"key used in app/ but missing from assets/texts: {key}")
    for key in sorted(set(entries) - used):
        problems.append(f"{entries[key][1]}: {key} is defined but never used")
    for problem in problems:
        print(problem)
    print(f"check-texts: {len(entries)} texts, {len(used)} keys used, {len(problems)} problems")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
