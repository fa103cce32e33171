"""The resident form: add or edit one person of a household, ID number and phone checked as they are left."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit

from desktop.services import residents
from sync.core.domain.residents import KEY_PERSON, RELATIONS, PersonFields

from .forms import FormDialog
from .labels import label
from .worker import DbWorker


class PersonDialog(FormDialog):
    """Add or edit a resident. ID number and phone are checked as soon as the field is left."""

    def __init__(self, ws, worker: DbWorker, household_id: str, person_id: str | None = None, parent=None):
        super().__init__(parent)
        self.ask_before_discarding = True
        self.ws, self.worker, self.household_id, self.person_id = ws, worker, household_id, person_id
        self.setWindowTitle(self.tr("修改居民信息") if person_id else self.tr("登记居民"))
        self.name = self.form.add(self.tr("姓名"), QLineEdit())
        self.sex = self.form.add(self.tr("性别"), QComboBox())
        for sex in ("", "男", "女"):  # shown in the window's language, stored as the register writes them
            self.sex.addItem(label(sex), sex)
        self.ethnicity = self.form.add(self.tr("民族"), QLineEdit("汉族"))
        self.id_number = self.form.add(self.tr("身份证号"), QLineEdit())
        self.mobile = self.form.add(self.tr("手机号"), QLineEdit())
        self.relation = self.form.add(self.tr("与户主关系"), QComboBox())
        for relation in RELATIONS:
            self.relation.addItem(label(relation), relation)
        self.note = self.form.add(self.tr("备注"), QLineEdit())
        self.key_person = self.form.add(self.tr("重点人员"), QCheckBox(self.tr("列为重点人员（稳控对象）")))
        self.tags: list = []  # the resident's other tags, kept as they are
        self.id_number.editingFinished.connect(self.check)
        self.mobile.editingFinished.connect(self.check)
        self.lay_out(self.save)
        if person_id:
            self.setEnabled(False)  # until the record has arrived
            worker.submit(lambda: residents.person_for_edit(ws, person_id), self._fill, self.show_failure)

    def _fill(self, loaded) -> None:
        _, f = loaded
        self.name.setText(f.name)
        self.sex.setCurrentIndex(max(0, self.sex.findData(f.sex or "")))
        self.ethnicity.setText(f.ethnicity)
        self.id_number.setText(f.id_number)
        self.mobile.setText(f.mobile)
        self._choose_relation(f.relation)
        self.note.setText(f.note)
        self.key_person.setChecked(KEY_PERSON in f.tags)
        self.tags = [t for t in f.tags if t != KEY_PERSON]
        self.setEnabled(True)
        self.filled_in()

    def _choose_relation(self, relation: str) -> None:
        if relation and self.relation.findData(relation) < 0:  # an older or imported word: kept as it is
            self.relation.addItem(label(relation), relation)
        self.relation.setCurrentIndex(max(0, self.relation.findData(relation)))

    def fields(self) -> PersonFields:
        return PersonFields(
            self.name.text(),
            self.sex.currentData() or "",
            self.ethnicity.text(),
            self.id_number.text(),
            self.mobile.text(),
            self.relation.currentData() or "",
            self.tags + [KEY_PERSON] * self.key_person.isChecked(),
            self.note.text(),
        )

    def check(self) -> None:
        """Inline validation of what is there so far: errors and warnings, the rest stays as typed."""
        checked = residents.check_person_fields(self.fields(), self.ws.now().date())
        shown = [i for i in checked.errors + checked.warnings if i.field != "姓名" or self.name.text()]
        self.form.show_issues(shown)
        if checked.fields.sex and not self.sex.currentData():
            self.sex.setCurrentIndex(max(0, self.sex.findData(checked.fields.sex)))

    def save(self) -> None:
        data, person_id = self.fields(), self.person_id
        self.worker.submit(
            lambda: residents.save_person(self.ws, self.household_id, data, person_id),
            self.saved,
            self.show_failure,
        )
