"""Diacritic- and case-blind matching in the database: the ``fold_contains`` lookup.

Staff type "anh son" and expect "Ánh Sơn". Reader search compares stored copies folded by
``unionsite.text.fold_vietnamese``; the admin searches live columns (names, codes, bylines,
e-mail addresses), so the database needs the same rule as a function, ``unionsite_fold(text)``:

- SQLite: the Python function itself, registered on every new connection.
- PostgreSQL: an SQL function generated from the Python rule (``postgres_function_sql``) by the
  migration ``unionsite/migrations/0004_fold_function.py``: each accented or decomposed
  character of the Latin blocks goes to what ``fold_vietnamese`` makes of it, then lower case and
  single spaces. ``tests/unionsite/test_folding.py`` checks, character by character, that the
  two agree.

Every admin ``search_fields`` entry is written ``"name__fold_contains"``; Django's admin
search and its autocompletes (which call ``get_search_results``) then fold both sides.
"""

from django.db.backends.signals import connection_created
from django.db.models import Field, Lookup

from .text import fold_vietnamese

FUNCTION = "unionsite_fold"
# Latin-1 Supplement, Latin Extended-A/B, Latin Extended Additional (all Vietnamese letters
# with their tones) and the combining marks of NFD text.
_RANGES = [(0x00C0, 0x0250), (0x1E00, 0x1F00), (0x0300, 0x0370)]


def fold_or_none(value):
    return None if value is None else fold_vietnamese(str(value))


def _char_map() -> tuple[dict[str, str], dict[str, str]]:
    """Characters whose folded form differs from their lower case: one-to-one, one-to-many."""
    single, multi = {}, {}
    for start, end in _RANGES:
        for code in range(start, end):
            char = chr(code)
            folded = fold_vietnamese(char)
            if folded == char.lower():
                continue
            (single if len(folded) <= 1 else multi)[char] = folded
    return single, multi


def postgres_function_sql() -> str:
    """``CREATE OR REPLACE FUNCTION unionsite_fold`` with the Python rule written out."""
    single, multi = _char_map()
    # translate() deletes the characters of its second argument that have no counterpart in
    # the third, so the marks that fold to nothing go last.
    mapped = [c for c, f in single.items() if f]
    deleted = [c for c, f in single.items() if not f]
    expr = f"translate($1, '{''.join(mapped + deleted)}', '{''.join(single[c] for c in mapped)}')"
    for char, folded in multi.items():
        expr = f"replace({expr}, '{char}', '{folded}')"
    spaces = "".join(f"\\u{code:04x}" for code in range(0x3001) if chr(code).isspace())
    return (
        f"CREATE OR REPLACE FUNCTION {FUNCTION}(text) RETURNS text "
        "LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$ "
        f"SELECT btrim(regexp_replace(lower({expr}), '[{spaces}]+', ' ', 'g')) $$"
    )


class FoldContains(Lookup):
    """``field__fold_contains="Ánh Sơn"``: the folded field contains the folded text."""

    lookup_name = "fold_contains"

    def get_prep_lookup(self):
        if isinstance(self.rhs, str):
            return fold_vietnamese(self.rhs)
        return super().get_prep_lookup()

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        if connection.vendor == "postgresql":
            # Rich-text fields (CKEditor5Field) and the like are text columns Django does not
            # know as TextField; the SQL function takes text.
            lhs = f"CAST({lhs} AS text)"
        pattern = f"%{connection.ops.prep_for_like_query(self.rhs)}%"
        return f"{FUNCTION}({lhs}) LIKE %s ESCAPE '\\'", [*lhs_params, pattern]


def _register_sqlite_function(sender, connection, **kwargs):
    if connection.vendor == "sqlite":
        connection.connection.create_function(FUNCTION, 1, fold_or_none, deterministic=True)


def install() -> None:
    """Called from the app's ready(): the lookup on every field, the function on SQLite.

    On every field, not only CharField/TextField: rich-text fields (CKEditor5Field) subclass
    Field directly."""
    Field.register_lookup(FoldContains)
    connection_created.connect(_register_sqlite_function, dispatch_uid="unionsite-fold")
