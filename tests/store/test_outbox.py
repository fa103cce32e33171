"""Every local edit writes its outbox entry in the same transaction: the changed fields and their bases."""

import pytest
from sqlalchemy import select

from desktop.services import residents
from desktop.services.residents import HouseholdInput
from desktop.store import migrate
from desktop.store.models import OutboxEntry, Person
from sync.core.domain.issues import ValidationFailed
from sync.core.domain.residents import PersonFields


def entries(town, record_id):
    with town.admin.read() as s:
        return list(
            s.execute(
                select(OutboxEntry).where(OutboxEntry.record_id == record_id).order_by(OutboxEntry.op_seq)
            ).scalars()
        )


def test_insert_update_and_tombstone(township):
    g = township.login("grid1")
    h = residents.save_household(g, HouseholdInput(township.village, "0001", "东村1号", township.grid)).id
    p = residents.save_person(g, h, PersonFields("张三", mobile="13800138000")).id
    with g.db.writing() as s:  # as if the server had accepted the name at sequence 41
        s.info["remote"] = True
        s.get(Person, p).field_seq = {"name": 41}
    residents.save_person(g, h, PersonFields("张三丰", mobile="13800138000"), person_id=p)
    residents.remove_person(g, p, "迁出")

    insert, update, delete = entries(township, p)
    assert insert.op == "insert" and insert.fields["name"] == "张三" and insert.base_seqs == {}
    assert "id_number" not in insert.fields  # empty fields are not sent
    assert update.op == "update" and update.fields == {"name": "张三丰"} and update.base_seqs == {"name": 41}
    assert update.base_values == {"name": "张三"} and update.author == township.accounts["grid1"]
    # A delete carries only itself (the server empties the person's data, as it does the laptop's).
    assert delete.op == "delete" and delete.fields == {"deleted": True}
    assert delete.base_seqs == {"deleted": 0, "*": 0}  # a delete also names the record version it saw
    assert insert.op_seq < update.op_seq < delete.op_seq
    assert len({insert.mutation_id, update.mutation_id, delete.mutation_id}) == 3
    assert insert.schema_version == migrate.head_revision()


def test_applying_what_the_server_sent_writes_no_outbox(township):
    g = township.login("grid1")
    h = residents.save_household(g, HouseholdInput(township.village, "0001", "东村1号", township.grid)).id
    before = len(entries(township, h))
    with g.db.writing() as s:
        s.info["remote"] = True
        person = Person(household_id=h, name="远方来客", tags=[], note="")
        s.add(person)
    assert len(entries(township, person.id)) == 0 and len(entries(township, h)) == before


def test_a_refused_edit_leaves_no_outbox_entry(township):
    g = township.login("grid1")
    h = residents.save_household(g, HouseholdInput(township.village, "0001", "东村1号", township.grid)).id
    with pytest.raises(ValidationFailed):
        residents.save_person(g, h, PersonFields("张三", id_number="123"))
    with township.admin.read() as s:
        assert s.execute(select(OutboxEntry).where(OutboxEntry.table_name == "persons")).first() is None
