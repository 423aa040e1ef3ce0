#!/usr/bin/env python3
"""Parses the bash and PowerShell snapshot scripts with tree-sitter grammars and prints,
as JSON, what tests compare: syntax errors, and the AWS calls each script makes at top
level, in order, in one spelling for both languages.

Usage: script_calls.py FILE.sh|FILE.ps1 ...

For each file: {"errors": [{"line", "column", "text"}], "calls": [{"helper", "args"}],
"failures": [[label, region, aggregator, fallback]], "commands": [...], "hash_keys": [[...]]}.
A call's helper is `capture` (output saved), `record` (saved, a failure recorded) or
`names` (listed with --query); `$home_region` and `$HomeRegion` both read `{homeregion}`.
"""

import json
import re
import sys

import tree_sitter_bash
import tree_sitter_powershell
from tree_sitter import Language, Parser

HELPERS = {
    "capture": "capture",
    "capture_or_record": "record",
    "names": "names",
    "Save-Capture": "capture",
    "Save-OrRecord": "record",
    "Get-Names": "names",
}
FAILURES = {"add_failure", "Add-Failure"}
VAR = re.compile(r"\$\{?(?:script:)?([A-Za-z_][A-Za-z0-9_]*)\}?")


def norm(text):
    """One spelling for an argument: quotes dropped, variables as {lowercase}."""
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "'\"":
        text = text[1:-1]
    return VAR.sub(lambda m: "{" + m.group(1).replace("_", "").lower() + "}", text)


def errors_of(root):
    out = []

    def walk(n):
        if n.type == "ERROR" or n.is_missing:
            out.append(
                {
                    "line": n.start_point.row + 1,
                    "column": n.start_point.column + 1,
                    "text": n.text[:80].decode("utf-8", "replace"),
                }
            )
        for c in n.children:
            walk(c)

    walk(root)
    return out


def in_function(node, kinds):
    p = node.parent
    while p is not None:
        if p.type in kinds:
            return True
        p = p.parent
    return False


def bash_args(cmd):
    return [norm(a.text.decode()) for a in cmd.children_by_field_name("argument")]


def ps_args(cmd):
    out = []
    elements = [c for c in cmd.children if c.type == "command_elements"]
    for el in elements[0].children if elements else []:
        if el.type in ("command_argument_sep", "line_continuation") or el.text.strip() == b"`":
            continue
        arrays = []

        def find(n):
            if n.type == "array_expression":
                arrays.append(n)
                return
            for c in n.children:
                find(c)

        find(el)
        if arrays:
            items = []

            def leaves(n):
                if n.type in ("string_literal", "variable", "member_access"):
                    items.append(norm(n.text.decode()))
                    return
                for c in n.children:
                    leaves(c)

            leaves(arrays[0])
            out.append(items)
        else:
            out.append(norm(el.text.decode()))
    # The AWS arguments, flattened, as in bash.
    flat = []
    for a in out:
        flat.extend(a if isinstance(a, list) else [a])
    return flat


def analyse(path):
    src = open(path, "rb").read()
    powershell = path.endswith(".ps1")
    lang = tree_sitter_powershell.language() if powershell else tree_sitter_bash.language()
    tree = Parser(Language(lang)).parse(src)
    functions = ("function_statement",) if powershell else ("function_definition",)
    calls, failures, commands, hash_keys = [], [], [], []

    def walk(n):
        if n.type == "command":
            name_node = (
                [c for c in n.children if c.type == "command_name"]
                if powershell
                else n.children_by_field_name("name")
            )
            name = name_node[0].text.decode() if name_node else ""
            commands.append(name)
            if not in_function(n, functions):
                args = ps_args(n) if powershell else bash_args(n)
                if name in HELPERS:
                    calls.append({"helper": HELPERS[name], "args": args})
                elif name in FAILURES:
                    failures.append(args[:3] + [args[5] if len(args) > 5 else None])
        if n.type == "hash_literal_expression":
            body = [c for c in n.children if c.type == "hash_literal_body"]
            keys = []
            for entry in body[0].children if body else []:
                if entry.type == "hash_entry":
                    keys.append(entry.children[0].text.decode())
            hash_keys.append(keys)
        for c in n.children:
            walk(c)

    walk(tree.root_node)
    return {
        "errors": errors_of(tree.root_node),
        "calls": calls,
        "failures": failures,
        "commands": commands,
        "hash_keys": hash_keys,
    }


def main():
    json.dump({p: analyse(p) for p in sys.argv[1:]}, sys.stdout, indent=1)
    print()


if __name__ == "__main__":
    main()
