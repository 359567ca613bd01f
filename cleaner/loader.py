"""YAML rule packs -> validated, compiled rules.

A pack is data, never code: it is parsed with a safe YAML loader into plain
nodes (no tags that build objects, no aliases), checked key by key, and every
problem is collected with its ``file:line [rule-id]`` before one
:class:`~cleaner.errors.RuleError` reports them all. The format is documented
in the README ("Writing rules"); the keys accepted here are that contract.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import regex
import yaml

from .errors import Problem, RuleError
from .kinds import KINDS, Conditions, Rule, Sample, line_key
from .kinds.block import STOPS
from .lint import backtracking_risks
from .normalize import FTFY_DEFAULTS, STEP_NAMES, NormalizeConfig
from .patterns import compile_pattern, save_patterns

PACK_KEYS = {"pack", "description", "extends", "disable", "defaults", "normalize", "rules"}
COMMON_KEYS = {"id", "kind", "why", "tests", "ignore_case"}
CONDITION_KEYS = {
    "max_words",
    "min_words",
    "max_chars",
    "within_first",
    "within_last",
    "unless",
    "beside_removed",
    "after_removed",
}
DEFAULTABLE_KEYS = {"ignore_case"} | CONDITION_KEYS
ID_SHAPE = compile_pattern(r"[a-z0-9][a-z0-9_.-]*")
MAX_PACK_BYTES = 2_000_000
MAX_DEPTH = 40

try:  # the C parser when PyYAML was built with libyaml; same behaviour, faster
    _YamlLoader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on the PyYAML build
    _YamlLoader = yaml.SafeLoader


def builtin_dir() -> Path:
    """Where the bundled packs live: inside the installed package, or ``rules/`` in a checkout."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "packs", here.parent / "rules"):
        if candidate.is_dir():
            return candidate
    raise RuleError("the bundled rule packs are missing from this installation")


def builtin_packs() -> list[str]:
    """Names of the bundled packs (``default``, ``captions``, ...)."""
    return sorted(p.stem for p in builtin_dir().glob("*.yaml"))


@dataclass(frozen=True)
class Pack:
    """Rules and normalization settings from one or more packs, resolved and validated."""

    rules: tuple[Rule, ...]
    normalize: NormalizeConfig
    files: tuple[str, ...]
    #: Things that load but look risky (patterns that may backtrack badly).
    warnings: tuple[Problem, ...] = ()


# --- YAML with line numbers -------------------------------------------------------


class Node:
    """A parsed YAML value with the line it starts on."""

    __slots__ = ("line", "value")

    def __init__(self, value: Any, line: int):
        self.value = value
        self.line = line


def _read_yaml(path: Path, problems: list[Problem]) -> Node | None:
    name = str(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        problems.append(Problem(name, None, None, f"cannot read the pack: {exc.strerror}"))
        return None
    if len(raw) > MAX_PACK_BYTES:
        problems.append(
            Problem(
                name, None, None, f"pack is {len(raw):,} bytes; the limit is {MAX_PACK_BYTES:,}"
            )
        )
        return None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        problems.append(Problem(name, line, None, "pack is not UTF-8 text"))
        return None
    loader = _YamlLoader(text)
    try:
        root = loader.get_single_node()
        if root is None:
            problems.append(Problem(name, None, None, "pack is empty"))
            return None
        return _convert(root, loader, name, problems, set(), 0)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        message = f"invalid YAML: {exc.problem or exc}"
        if "escape" in str(exc.problem or ""):
            # A regex in double quotes: YAML reads its backslashes as escapes.
            message += (
                "; write patterns in single quotes ('^\\d+ comments$'): in double "
                "quotes YAML reads a backslash as an escape"
            )
        problems.append(Problem(name, line, None, message))
    except yaml.YAMLError as exc:
        problems.append(Problem(name, None, None, f"invalid YAML: {exc}"))
    finally:
        loader.dispose()
    return None


def _every_kind_key() -> set[str]:
    """The keys of every kind: what a rule of an unknown kind may carry unremarked."""
    return set().union(*(set(k.FIELDS) for k in KINDS.values()))


def _did_you_mean(word: str, choices) -> str:
    """``"; did you mean 'x'?"`` for the closest of ``choices``, or ``""``."""
    close = difflib.get_close_matches(word, sorted(choices), n=1, cutoff=0.7)
    return f"; did you mean '{close[0]}'?" if close else ""


_PLAIN_TAGS = {
    f"tag:yaml.org,2002:{t}"
    for t in ("str", "int", "float", "bool", "null", "map", "seq", "timestamp")
}


def _convert(node, loader, name, problems, seen, depth) -> Node | None:
    line = node.start_mark.line + 1
    if id(node) in seen:
        problems.append(Problem(name, line, None, "YAML aliases (*name) are not allowed in packs"))
        return None
    seen.add(id(node))
    if node.tag not in _PLAIN_TAGS:
        problems.append(Problem(name, line, None, f"YAML tag {node.tag!r} is not allowed in packs"))
        return None
    if depth > MAX_DEPTH:
        problems.append(Problem(name, line, None, f"nested deeper than {MAX_DEPTH} levels"))
        return None
    if isinstance(node, yaml.MappingNode):
        out: dict[str, Node] = {}
        keys: dict[str, int] = {}
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
            kline = key_node.start_mark.line + 1
            if not isinstance(key, str) or key == "<<":
                problems.append(Problem(name, kline, None, "keys must be plain names"))
                continue
            if key in keys:
                problems.append(
                    Problem(name, kline, None, f"key '{key}' repeated (first on line {keys[key]})")
                )
                continue
            keys[key] = kline
            value = _convert(value_node, loader, name, problems, seen, depth + 1)
            if value is not None:
                out[key] = value
        return Node(out, line)
    if isinstance(node, yaml.SequenceNode):
        items = [_convert(v, loader, name, problems, seen, depth + 1) for v in node.value]
        return Node([v for v in items if v is not None], line)
    try:
        return Node(loader.construct_object(node, deep=True), line)
    except yaml.YAMLError as exc:
        problems.append(Problem(name, line, None, f"cannot read value: {exc}"))
        return None


# --- building rules -----------------------------------------------------------


@dataclass
class _Context:
    """Where a value sits, for error messages."""

    file: str
    rule: str | None
    problems: list[Problem]
    warnings: list[Problem] = field(default_factory=list)

    def error(self, line: int | None, message: str) -> None:
        self.problems.append(Problem(self.file, line, self.rule, message))

    def warn(self, line: int | None, message: str) -> None:
        self.warnings.append(Problem(self.file, line, self.rule, message))


def _plain(node: Node | None) -> Any:
    if node is None:
        return None
    if isinstance(node.value, dict):
        return {k: _plain(v) for k, v in node.value.items()}
    if isinstance(node.value, list):
        return [_plain(v) for v in node.value]
    return node.value


def _neighbour_ids(
    ctx: _Context, node: Node, key: str = "beside_removed"
) -> tuple[str, ...] | None:
    """``beside_removed`` (or ``after_removed``): true (next to what any rule removed:
    ``()``), false (``None``), or the ids of the rules whose removals count."""
    v = node.value
    if isinstance(v, bool):
        return () if v else None
    if isinstance(v, list) and v and all(isinstance(x.value, str) and x.value for x in v):
        return tuple(x.value for x in v)
    ctx.error(node.line, f"'{key}' must be true, false or a list of rule ids")
    return None


def _check_type(ctx: _Context, key: str, node: Node, kind: str) -> Any:
    """Check a value's type; return it (converted) or ``None`` after reporting."""
    v = node.value
    if kind == "int":
        if isinstance(v, int) and not isinstance(v, bool) and v >= 0:
            return v
        ctx.error(node.line, f"'{key}' must be a whole number >= 0, not {v!r}")
    elif kind == "share":
        if isinstance(v, int | float) and not isinstance(v, bool) and 0 < v <= 1:
            return float(v)
        ctx.error(node.line, f"'{key}' must be a share of the document, above 0 and at most 1")
    elif kind == "bool":
        if isinstance(v, bool):
            return v
        ctx.error(node.line, f"'{key}' must be true or false, not {v!r}")
    elif kind == "str":
        if isinstance(v, str) and v.strip():
            return v
        ctx.error(node.line, f"'{key}' must be a non-empty string")
    elif kind == "lines":
        return _lines(ctx, key, node)
    elif kind == "stops":
        names = v if isinstance(v, list) else [node]
        values = [n.value for n in names]
        bad = [x for x in values if x not in STOPS]
        if not bad:
            return tuple(values)
        ctx.error(node.line, f"'{key}' takes {', '.join(STOPS)}; not {', '.join(map(repr, bad))}")
    else:  # pragma: no cover - a programming error in a kind's FIELDS
        raise AssertionError(kind)
    return None


LINE_ENTRY_KEYS = {"text", "documents", "sites"}


def _lines(ctx: _Context, key: str, node: Node) -> frozenset[str] | None:
    """A ``lines`` list: strings, or ``{text, documents, sites}`` mappings; as line keys."""
    if not isinstance(node.value, list) or not node.value:
        ctx.error(node.line, f"'{key}' must be a non-empty list of lines")
        return None
    keys = set()
    ok = True
    for item in node.value:
        value = item.value
        if isinstance(value, dict):
            for name, sub in value.items():
                if name not in LINE_ENTRY_KEYS:
                    ctx.error(sub.line, f"unknown key '{name}' in a line (text, documents, sites)")
                    ok = False
                elif name != "text" and _check_type(ctx, name, sub, "int") is None:
                    ok = False
            text_node = value.get("text")
            value = None if text_node is None else text_node.value
        if not isinstance(value, str) or not line_key(value):
            ctx.error(item.line, f"each of '{key}' is a line of text or a mapping with 'text'")
            ok = False
            continue
        keys.add(line_key(value))
    return frozenset(keys) if ok else None


def _compile(ctx: _Context, key: str, node: Node, flags: int, anchor_end: bool = False):
    """Compile a pattern or list of alternatives into one regex; report each bad one.

    With ``anchor_end`` (a ``patterns_end`` key), a tuple of regexes instead, one per
    alternative, each anchored at the end of the text (``(?:alt)\\s*$``): the
    ``regex`` module searches one alternation anchored at the end from every start
    position with every alternative, twice the work of searching each alone.
    """
    items = node.value if isinstance(node.value, list) else [node]
    parts = []
    for item in items:
        if not isinstance(item.value, str) or not item.value:
            ctx.error(item.line, f"'{key}' must be a regex string or a list of them")
            continue
        try:
            compile_pattern(item.value, flags)
        except regex.error as exc:
            ctx.error(item.line, f"'{key}' is not a valid regex: {exc}: {item.value!r}")
            continue
        for risk in backtracking_risks(item.value):
            ctx.warn(item.line, f"'{key}': {risk}")
        parts.append(f"(?:{item.value})")
    if len(parts) != len(items) or not parts:
        if not items:
            ctx.error(node.line, f"'{key}' is empty")
        return None
    if anchor_end:
        return tuple(compile_pattern(rf"{part}\s*$", flags) for part in parts)
    return compile_pattern("|".join(parts), flags)


def _samples(ctx: _Context, node: Node | None, line: int) -> tuple[Sample, ...]:
    if node is None:
        ctx.error(line, "'tests' is missing: give at least one 'drop' sample (and 'keep' ones)")
        return ()
    if not isinstance(node.value, dict):
        ctx.error(node.line, "'tests' must be a mapping with 'drop' and 'keep' lists")
        return ()
    out: list[Sample] = []
    before = len(ctx.problems)
    for key, sub in node.value.items():
        if key not in ("drop", "keep"):
            ctx.error(sub.line, f"unknown key 'tests.{key}' (use 'drop' or 'keep')")
            continue
        items = sub.value if isinstance(sub.value, list) else [sub]
        for item in items:
            v = item.value
            if isinstance(v, str) and v.strip():
                out.append(Sample(key, v, item.line))
            elif isinstance(v, dict) and set(v) <= {"text", "expect"} and "text" in v:
                text, expect = v["text"].value, v.get("expect")
                expect = expect.value if expect is not None else None
                if isinstance(text, str) and (expect is None or isinstance(expect, str)):
                    out.append(Sample(key, text, item.line, expect))
                    continue
                ctx.error(item.line, f"'tests.{key}' items need string 'text' and 'expect'")
            else:
                ctx.error(
                    item.line,
                    f"'tests.{key}' items are strings or {{text: ..., expect: ...}} mappings",
                )
    if not any(s.kind == "drop" for s in out) and len(ctx.problems) == before:
        ctx.error(node.line, "'tests' needs at least one 'drop' sample")
    return tuple(out)


def _build_rule(
    file: str,
    node: Node,
    defaults: dict[str, Node],
    problems: list[Problem],
    warnings: list[Problem] | None = None,
) -> Rule | None:
    if not isinstance(node.value, dict):
        problems.append(Problem(file, node.line, None, "each rule must be a mapping"))
        return None
    spec = {**defaults, **node.value}
    rid_node = node.value.get("id")
    rid = rid_node.value if rid_node is not None and isinstance(rid_node.value, str) else None
    ctx = _Context(file, rid, problems, [] if warnings is None else warnings)
    before = len(problems)
    if rid_node is None:
        ctx.error(node.line, "missing key 'id'")
    elif rid is None or not ID_SHAPE.fullmatch(rid):
        ctx.error(rid_node.line, "'id' must be lower-case letters, digits, '-', '_' or '.'")
    kind_node = spec.get("kind")
    cls = None
    if kind_node is None:
        ctx.error(node.line, "missing key 'kind'")
    elif kind_node.value not in KINDS:
        guess = _did_you_mean(str(kind_node.value), KINDS)
        ctx.error(
            kind_node.line, f"unknown kind {kind_node.value!r}{guess}; kinds: {', '.join(KINDS)}"
        )
    else:
        cls = KINDS[kind_node.value]
    why = spec.get("why")
    if why is None:
        ctx.error(node.line, "missing key 'why': say what boilerplate this removes")
    else:
        why = _check_type(ctx, "why", why, "str")
    # With the kind unknown, its own keys cannot be judged: report the kind alone
    # (one mistake, one message), not every key that kind would have taken.
    allowed = COMMON_KEYS | CONDITION_KEYS | (set(cls.FIELDS) if cls else _every_kind_key())
    for key, value in node.value.items():
        if key not in allowed:
            hint = f" for kind '{cls.kind}'" if cls else ""
            guess = _did_you_mean(str(key), allowed)
            ctx.error(value.line, f"unknown key '{key}'{hint}{guess}")
    ignore_case = False
    if "ignore_case" in spec:
        ignore_case = bool(_check_type(ctx, "ignore_case", spec["ignore_case"], "bool"))
    flags = regex.IGNORECASE if ignore_case else 0

    conditions: dict[str, Any] = dict(cls.CONDITION_DEFAULTS) if cls else {}
    for key in CONDITION_KEYS - {"unless", "beside_removed", "after_removed"}:
        if key in spec:
            conditions[key] = _check_type(ctx, key, spec[key], "int")
    for key in ("beside_removed", "after_removed"):
        if key in spec:
            conditions[key] = _neighbour_ids(ctx, spec[key], key)
    if "unless" in spec:
        conditions["unless"] = _compile(ctx, "unless", spec["unless"], flags)
    samples = _samples(ctx, node.value.get("tests"), node.line)

    fields: dict[str, Any] = {}
    if cls is not None:
        for key, (kind, required) in cls.FIELDS.items():
            if key not in spec:
                if required:
                    ctx.error(node.line, f"missing key '{key}' for kind '{cls.kind}'")
                continue  # the dataclass field's default
            if kind in ("patterns", "patterns_end"):
                fields[key] = _compile(ctx, key, spec[key], flags, kind == "patterns_end")
            else:
                fields[key] = _check_type(ctx, key, spec[key], kind)
        if cls.ONE_OF and not any(key in spec for key in cls.ONE_OF):
            keys = " or ".join(f"'{key}'" for key in cls.ONE_OF)
            ctx.error(node.line, f"a {cls.kind} rule needs {keys} (or both)")
    if len(problems) > before or cls is None:
        return None
    return cls(
        id=rid,
        why=why,
        source=file,
        line=node.line,
        when=Conditions(**conditions),
        samples=samples,
        **fields,
    )


# --- packs ----------------------------------------------------------------------


@dataclass
class _Loader:
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    rules: list[Rule] = field(default_factory=list)
    ids: dict[str, Rule] = field(default_factory=dict)
    seen: dict[str, str] = field(default_factory=dict)
    normalize: dict[str, Any] = field(default_factory=dict)
    disabled: list[tuple[str, str, int | None]] = field(default_factory=list)
    done: set[Path] = field(default_factory=set)
    files: list[str] = field(default_factory=list)

    def resolve(self, spec: str | Path, base: Path | None) -> Path | None:
        text = str(spec)
        looks_like_path = isinstance(spec, Path) or text.endswith((".yaml", ".yml")) or "/" in text
        if looks_like_path:
            path = Path(text).expanduser()
            if not path.is_absolute() and base is not None and (base / path).exists():
                path = base / path
            return path.resolve()
        candidate = builtin_dir() / f"{text}.yaml"
        if candidate.is_file():
            return candidate.resolve()
        return None

    def load(self, spec: str | Path, base: Path | None, stack: tuple[Path, ...], where) -> None:
        path = self.resolve(spec, base)
        if path is None:
            file, line = where
            known = ", ".join(builtin_packs())
            self.problems.append(
                Problem(file, line, None, f"no pack named {str(spec)!r} (bundled packs: {known})")
            )
            return
        if path in self.done:
            return
        if path in stack:
            chain = " -> ".join(p.name for p in (*stack, path))
            self.problems.append(
                Problem(str(path), None, None, f"packs extend in a cycle: {chain}")
            )
            return
        root = _read_yaml(path, self.problems)
        if root is None:
            return
        name = str(path)
        ctx = _Context(name, None, self.problems)
        if not isinstance(root.value, dict):
            ctx.error(root.line, "a pack is a mapping with a 'rules' list")
            return
        top = root.value
        for key, value in top.items():
            if key not in PACK_KEYS:
                ctx.error(
                    value.line,
                    f"unknown key '{key}'{_did_you_mean(str(key), PACK_KEYS)}; "
                    f"pack keys: {', '.join(sorted(PACK_KEYS))}",
                )
        for key in ("pack", "description"):
            if key in top:
                _check_type(ctx, key, top[key], "str")
        if "extends" in top:
            for item in _list_of_str(ctx, "extends", top["extends"]):
                self.load(item.value, path.parent, (*stack, path), (name, item.line))
        if "normalize" in top:
            self._normalize(ctx, top["normalize"])
        defaults = self._defaults(ctx, top.get("defaults"))
        rules = top.get("rules")
        if rules is not None and not isinstance(rules.value, list):
            ctx.error(rules.line, "'rules' must be a list")
        elif rules is not None:
            for rule_node in rules.value:
                rid = _raw_id(rule_node)
                if rid is not None and rid in self.seen:
                    where = self.seen[rid]
                    self.problems.append(
                        Problem(
                            name, rule_node.line, rid, f"duplicate id (first defined at {where})"
                        )
                    )
                    continue
                if rid is not None:
                    self.seen[rid] = f"{name}:{rule_node.line}"
                rule = _build_rule(name, rule_node, defaults, self.problems, self.warnings)
                if rule is not None:
                    self.ids[rule.id] = rule
                    self.rules.append(rule)
        if "disable" in top:
            for item in _list_of_str(ctx, "disable", top["disable"]):
                self.disabled.append((item.value, name, item.line))
        self.done.add(path)
        self.files.append(name)

    def _normalize(self, ctx: _Context, node: Node) -> None:
        if not isinstance(node.value, dict):
            ctx.error(node.line, "'normalize' must be a mapping of step names to true/false")
            return
        for key, value in node.value.items():
            if key == "ftfy":
                if not isinstance(value.value, dict):
                    ctx.error(value.line, "'normalize.ftfy' must be a mapping of ftfy options")
                    continue
                for opt, v in value.value.items():
                    if opt not in FTFY_DEFAULTS or opt == "explain":
                        ctx.error(v.line, f"unknown ftfy option '{opt}'")
                    elif not _ftfy_value_ok(opt, v.value):
                        ctx.error(v.line, f"ftfy option '{opt}' cannot be {v.value!r}")
                    else:
                        self.normalize.setdefault("ftfy", {})[opt] = v.value
            elif key not in STEP_NAMES:
                ctx.error(
                    value.line,
                    f"unknown normalize step '{key}'; steps: {', '.join(sorted(STEP_NAMES))}, ftfy",
                )
            elif _check_type(ctx, f"normalize.{key}", value, "bool") is not None:
                self.normalize[key] = value.value

    def _defaults(self, ctx: _Context, node: Node | None) -> dict[str, Node]:
        if node is None:
            return {}
        if not isinstance(node.value, dict):
            ctx.error(node.line, "'defaults' must be a mapping")
            return {}
        for key, value in node.value.items():
            if key not in DEFAULTABLE_KEYS:
                ctx.error(
                    value.line,
                    f"'defaults' cannot set '{key}'; it takes "
                    + ", ".join(sorted(DEFAULTABLE_KEYS)),
                )
        return {k: v for k, v in node.value.items() if k in DEFAULTABLE_KEYS}


def _ftfy_value_ok(option: str, value: Any) -> bool:
    """ftfy's options are flags, except these three."""
    if option == "unescape_html":
        return isinstance(value, bool) or value == "auto"
    if option == "normalization":
        return value is None or value in ("NFC", "NFD", "NFKC", "NFKD")
    if option == "max_decode_length":
        return isinstance(value, int) and not isinstance(value, bool) and value > 0
    return isinstance(value, bool)


def _raw_id(node: Node) -> str | None:
    if isinstance(node.value, dict) and "id" in node.value:
        value = node.value["id"].value
        return value if isinstance(value, str) else None
    return None


def _list_of_str(ctx: _Context, key: str, node: Node) -> list[Node]:
    items = node.value if isinstance(node.value, list) else [node]
    good = [i for i in items if isinstance(i.value, str) and i.value]
    if len(good) != len(items):
        ctx.error(node.line, f"'{key}' must be a name or a list of names")
    return good


def load_packs(packs: Iterable[str | Path], disable: Sequence[str] = ()) -> Pack:
    """Load, validate and merge packs (names of bundled packs or YAML paths).

    Rules keep pack order (what a pack extends comes first); ``disable`` lists
    rule ids to switch off, on top of each pack's own ``disable:``. Raises
    :class:`RuleError` with every problem found.
    """
    loader = _Loader()
    for spec in packs:
        loader.load(spec, None, (), ("<packs>", None))
    for rid in disable:
        loader.disabled.append((rid, "<disable>", None))
    off = set()
    for rid, file, line in loader.disabled:
        if rid not in loader.seen:
            loader.problems.append(Problem(file, line, rid, "cannot disable an unknown rule id"))
        off.add(rid)
    for rule in loader.rules:
        for key, ids in (
            ("beside_removed", rule.when.beside_removed),
            ("after_removed", rule.when.after_removed),
        ):
            for rid in ids or ():
                if rid not in loader.seen:
                    loader.problems.append(
                        Problem(
                            rule.source,
                            rule.line,
                            rule.id,
                            f"'{key}' names an unknown rule id {rid!r}",
                        )
                    )
    save_patterns()  # what this build compiled, for the next process
    if loader.problems:
        raise RuleError(loader.problems)
    config = NormalizeConfig().with_options(loader.normalize)
    rules = tuple(r for r in loader.rules if r.id not in off)
    return Pack(rules, config, tuple(loader.files), tuple(loader.warnings))
