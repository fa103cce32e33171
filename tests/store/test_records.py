"""One declaration of every synced record type (sync.core.records): the laptop's tables, its outbox and
search index, and the server's scope rules all agree with it."""

from sqlalchemy import JSON, Boolean, Date, DateTime, Float, Integer, String, Text, select

from desktop.services import attachments
from desktop.services.matters import MatterInput, report
from desktop.store import indexing, replica, search
from desktop.store.base import Synced
from desktop.store.models import MODELS, SYNCED_MODELS, Base, OutboxEntry
from sync.core import records
from sync.server import scope

COLUMN_KINDS = {
    String: "string",
    Text: "text",
    Integer: "integer",
    Float: "number",
    Boolean: "boolean",
    Date: "date",
    DateTime: "datetime",
    JSON: "json",
}


def test_every_declared_record_type_has_one_laptop_table_and_no_other_is_synced():
    synced_tables = [m.class_.__tablename__ for m in Base.registry.mappers if issubclass(m.class_, Synced)]
    assert sorted(synced_tables) == sorted(records.TABLES)
    assert [m.__tablename__ for m in SYNCED_MODELS] == list(records.TABLES)
    assert set(replica.MODELS) == set(records.TABLES)


def test_each_laptop_column_is_the_declared_field():
    for record in records.RECORD_TYPES:
        table = MODELS[record.table].__table__
        content = {c.key for c in table.columns} - records.RESERVED_FIELDS - {"deleted"}
        assert content == set(record.fields), record.table
        for name, spec in record.fields.items():
            column = table.c[name]
            assert column.nullable == spec.optional, f"{record.table}.{name}"
            if spec.kind == "ref":
                (fk,) = column.foreign_keys
                assert fk.column.table.name == spec.ref, f"{record.table}.{name}"
            else:
                assert COLUMN_KINDS[type(column.type)] == spec.kind, f"{record.table}.{name}"
            if spec.size and spec.kind == "string":
                assert column.type.length == spec.size, f"{record.table}.{name}"


def test_sync_columns_are_the_mixins_and_are_never_sent():
    mixin = {c.key for c in MODELS["households"].__table__.columns} - set(
        records.BY_TABLE["households"].fields
    )
    assert mixin == records.RESERVED_FIELDS | {"deleted"}
    for record in records.RECORD_TYPES:
        converters = replica.CONVERTERS[record.table]
        assert set(converters) == set(record.synced_fields) | {"deleted"}
        assert not set(converters) & records.RESERVED_FIELDS


def test_scope_rules_name_fields_that_exist_and_the_server_knows_every_table():
    for record in records.RECORD_TYPES:
        rule = scope.SCOPE_RULES[record.table]
        assert rule == record.scope
        if isinstance(rule, records.Direct):
            assert {rule.village, rule.grid} <= set(record.fields), record.table
        elif isinstance(rule, records.Parent):
            assert rule.id_field in record.fields, record.table
            parents = [rule.table] if rule.table else [t for _, t in rule.table_names]
            assert all(p in records.BY_TABLE for p in parents), record.table
        else:
            assert rule == records.SHARED


def test_search_declarations_name_real_fields_and_children_reindex_their_parent():
    for record in records.RECORD_TYPES:
        if record.search is None:
            continue
        assert set(record.search.fields) <= set(record.fields), record.table
        # its entries' row numbers say its kind
        assert 0 < search.KIND_CODES[record.search.kind] < search.SLOTS
        for child, parent_field, fields in record.search.children:
            assert {parent_field, *fields} <= set(records.BY_TABLE[child].fields)
            assert indexing.PARENT_OF_CHILD[child] == (record.table, parent_field)


def test_a_local_field_is_not_sent(township):

    ws = township.login("grid1")
    matter = report(
        ws,
        MatterInput(
            title="漏水",
            source="网格排查",
            village_id=township.village,
            grid_id=township.grid,
            facts="楼上漏水",
        ),
    )
    photo = township.path.parent / "photo.png"
    photo.write_bytes(b"\x89PNG fake")
    attachments.add_attachment(ws, "matter", matter.id, photo)
    with ws.read() as s:
        entry = s.scalars(select(OutboxEntry).where(OutboxEntry.table_name == "attachments")).one()
    assert "present" not in entry.fields and "sha256" in entry.fields
