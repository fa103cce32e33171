"""上报: the form that reports a matter, from the ledger or pre-filled from a visit."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QDoubleSpinBox,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.services import matters
from desktop.services.matters import SIGNALS, MatterInput, PartyInput

from .common import flowing, side_by_side
from .forms import FormDialog
from .labels import label
from .plain import plain_label

PARTY_ROLES = matters.PARTY_ROLES


class ReportDialog(FormDialog):
    def __init__(
        self,
        ws,
        worker,
        places,
        prefill: MatterInput | None = None,
        parent=None,
        residents: list[PartyInput] | None = None,
    ):
        super().__init__(parent)
        self.ask_before_discarding = True
        self.ws, self.worker, self.places = ws, worker, places
        self.setWindowTitle(self.tr("上报矛盾纠纷"))
        self.prefill = prefill or MatterInput(title="", source="网格排查")
        p = self.prefill
        form = self.form
        self.kind = form.add(self.tr("类型"), QComboBox())
        self.kind.addItem(self.tr("矛盾纠纷"), "dispute")
        self.kind.addItem(self.tr("信访事项"), "petition")
        self.kind.setCurrentIndex(self.kind.findData(p.kind))
        # 信访代办: a grid worker files the petition on the petitioner's behalf; the papers name her 代办人
        self.by_proxy = form.add(self.tr("信访代办"), QCheckBox(self.tr("由我代信访人提出（代办人）")))
        self.by_proxy.setChecked(p.by_proxy)
        self.kind.currentIndexChanged.connect(self._petition_only)
        self._petition_only()
        self.title_edit = form.add(self.tr("标题"), QLineEdit(p.title))
        self.source = QComboBox()
        for channel in places.channels:  # shown translated, stored as the township's word
            self.source.addItem(label(channel), channel)
        if p.source and self.source.findData(p.source) < 0:  # a visit's 走访发现, a channel since removed
            self.source.addItem(label(p.source), p.source)
        self.source.setCurrentIndex(max(0, self.source.findData(p.source)))
        self.external_no = QLineEdit(p.external_no)
        self.external_no.setPlaceholderText(self.tr("12345、首发平台等的工单号（如有）"))
        form.add(self.tr("来源"), side_by_side(self.source, self.external_no))
        self.category = form.add(self.tr("类别"), QComboBox())
        self.category.addItem("", None)
        for c in places.categories:
            self.category.addItem(label(c), c)
        self.village = form.add(self.tr("村/社区"), QComboBox())
        for v in places.villages:
            self.village.addItem(v.name, v.id)
        self.grid = form.add(self.tr("网格"), QComboBox())
        self.village.currentIndexChanged.connect(self._grids)
        if p.village_id:
            self.village.setCurrentIndex(self.village.findData(p.village_id))
        self._grids()
        if p.grid_id:
            self.grid.setCurrentIndex(self.grid.findData(p.grid_id))
        self.place = form.add(self.tr("发生地点"), QLineEdit(p.place))
        self.facts = form.add(self.tr("事实经过"), QPlainTextEdit(p.facts))
        self.facts.setFixedHeight(80)
        self.people = form.add(self.tr("涉及人数"), QSpinBox())
        self.people.setRange(0, 100000)
        self.people.setValue(p.people_count or 2)
        self.amount = form.add(self.tr("涉及金额"), QDoubleSpinBox())
        self.amount.setRange(0, 1e10)
        self.amount.setSuffix(self.tr(" 元"))
        # The signals wrap onto more lines as the form narrows: on one line they were wider than the form in
        # English, which then scrolled sideways (1366×768 at 125 %).
        self.signals = {key: QCheckBox(label(text)) for key, text in SIGNALS.items()}
        self.signal_box, row = flowing(*self.signals.values())
        row.setContentsMargins(0, 0, 0, 0)
        form.add(self.tr("风险信号"), self.signal_box)
        self.parties = QTableWidget(0, 4)
        self.parties.setHorizontalHeaderLabels(
            [self.tr("姓名"), self.tr("角色"), self.tr("身份证号"), self.tr("电话")]
        )
        self.parties.horizontalHeader().setStretchLastSection(True)
        for party in p.parties or [PartyInput("", "申请人"), PartyInput("", "被申请人")]:
            self.add_party(party)
        add = QDialogButtonBox()
        add.addButton(self.tr("添加当事人"), QDialogButtonBox.ButtonRole.ActionRole).clicked.connect(
            lambda: self.add_party(PartyInput("", self.next_role()))
        )
        # From a household: its residents are offered, one click makes one a party with their numbers.
        self.residents = list(residents or [])
        self.resident = QComboBox()
        for person in self.residents:
            self.resident.addItem(person.name, person.person_id)
        self.add_resident = QPushButton(self.tr("添加为当事人"))
        self.add_resident.clicked.connect(self._add_resident)
        offer = side_by_side(plain_label(self.tr("本户成员")), self.resident, self.add_resident)
        offer.layout().setStretch(1, 1)  # the names get the room, the button its own width
        offer.layout().setStretch(2, 0)
        offer.setVisible(bool(self.residents))
        buttons = self.make_buttons(self.submit, self.tr("上报"))
        self.failure_title = self.tr("无法上报")
        inner = QWidget()
        inner_layout = QVBoxLayout(inner)
        inner_layout.addLayout(form)
        inner_layout.addWidget(self.parties)
        inner_layout.addWidget(offer)
        inner_layout.addWidget(add)
        scroll = QScrollArea()
        scroll.setWidget(inner)
        scroll.setWidgetResizable(True)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll)
        layout.addWidget(buttons)
        self.resize(620, 720)

    def _grids(self) -> None:
        self.grid.clear()
        self.grid.addItem("", None)
        for g in self.places.grids:
            if g.parent_id == self.village.currentData():
                self.grid.addItem(g.name, g.id)

    def roles(self) -> list[str]:
        return [self.parties.cellWidget(r, 1).currentData() for r in range(self.parties.rowCount())]

    def next_role(self) -> str:
        """A dispute has two sides: the first party added is 申请人, the next 被申请人, only then 第三人."""
        taken = self.roles()
        return next((r for r in ("申请人", "被申请人") if r not in taken), "第三人")

    def _add_resident(self) -> None:
        person = self.residents[self.resident.currentIndex()] if self.resident.currentIndex() >= 0 else None
        if person is None:
            return
        for r in range(self.parties.rowCount()):  # an empty row waiting for a name is filled first
            if not (self.parties.item(r, 0) and self.parties.item(r, 0).text().strip()):
                role = self.parties.cellWidget(r, 1).currentData()
                self.parties.removeRow(r)
                self.parties.insertRow(r)
                self._fill_party(r, replace(person, role=role))
                return
        self.add_party(replace(person, role=self.next_role()))

    def add_party(self, party: PartyInput) -> None:
        r = self.parties.rowCount()
        self.parties.insertRow(r)
        self._fill_party(r, party)

    def _fill_party(self, r: int, party: PartyInput) -> None:
        self.parties.setItem(r, 0, QTableWidgetItem(party.name))
        role = QComboBox()
        for value in PARTY_ROLES:  # shown translated, stored as the rule's word
            role.addItem(label(value), value)
        role.setCurrentIndex(max(0, role.findData(party.role)))
        self.parties.setCellWidget(r, 1, role)
        self.parties.setItem(r, 2, QTableWidgetItem(party.id_number))
        self.parties.setItem(r, 3, QTableWidgetItem(party.phone))
        self.parties.item(r, 0).setData(256, party.person_id)

    def data(self) -> MatterInput:
        parties = []
        for r in range(self.parties.rowCount()):
            name = (self.parties.item(r, 0).text() if self.parties.item(r, 0) else "").strip()
            if not name:
                continue
            parties.append(
                PartyInput(
                    name,
                    self.parties.cellWidget(r, 1).currentData(),
                    id_number=self.parties.item(r, 2).text() if self.parties.item(r, 2) else "",
                    phone=self.parties.item(r, 3).text() if self.parties.item(r, 3) else "",
                    person_id=self.parties.item(r, 0).data(256),
                )
            )
        return MatterInput(
            title=self.title_edit.text(),
            source=self._source(),
            kind=self.kind.currentData(),
            category=self.category.currentData(),
            facts=self.facts.toPlainText(),
            occurred_at=self.prefill.occurred_at,
            place=self.place.text(),
            village_id=self.village.currentData(),
            grid_id=self.grid.currentData(),
            people_count=self.people.value(),
            amount=self.amount.value(),
            signals=[k for k, box in self.signals.items() if box.isChecked()],
            parties=parties,
            visit_id=self.prefill.visit_id,
            household_id=self.prefill.household_id,
            external_no=self.external_no.text(),
            patrol_id=self.prefill.patrol_id,  # reported from a 巡查 entry
            by_proxy=self.by_proxy.isChecked() and self.kind.currentData() == "petition",
        )

    def _petition_only(self) -> None:
        self.by_proxy.setEnabled(self.kind.currentData() == "petition")

    def _source(self) -> str:
        index = self.source.currentIndex()
        return self.source.itemData(index) if index >= 0 else self.source.currentText()

    def submit(self) -> None:
        data = self.data()
        self.worker.submit(lambda: matters.report(self.ws, data), self.saved, self.show_failure)
