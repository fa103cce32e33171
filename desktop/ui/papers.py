"""A matter's papers in the window: the paper made off the UI thread and shown, then previewed and printed or
saved as PDF or Word; what a paper lacks is said by name, and a party's particulars are completed in place."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QTextBrowser,
    QVBoxLayout,
)

from desktop.services import documents, matters
from desktop.services.documents import MissingItems
from desktop.services.file_names import safe_file_name
from desktop.services.matters import PartyInput

from . import printing
from .common import save_file_name, say, show_error, user_message
from .forms import FormDialog
from .plain import inform, plain_label


class PaperDialog(QDialog):
    """One paper of one matter: shown as it will print, with print preview, PDF and Word."""

    def __init__(self, ws, worker, matter_id: str, offer: documents.Offer, parent=None):
        super().__init__(parent)
        self.ws, self.worker, self.offer = ws, worker, offer
        self.document = None
        self.setWindowTitle(offer.title)
        self.page = QTextBrowser()
        self.missing = plain_label()
        self.missing.setWordWrap(True)
        self.missing.setStyleSheet("color: #B00020")
        self.missing.hide()
        buttons = QDialogButtonBox()
        self.print_button = buttons.addButton(self.tr("打印预览…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.pdf_button = buttons.addButton(self.tr("保存为 PDF…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.word_button = buttons.addButton(self.tr("保存为 Word…"), QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.tr("关闭"), QDialogButtonBox.ButtonRole.RejectRole).clicked.connect(
            self.reject
        )
        self.print_button.clicked.connect(self.preview)
        self.pdf_button.clicked.connect(lambda: self._ask_and_save("pdf"))
        self.word_button.clicked.connect(lambda: self._ask_and_save("docx"))
        self._enable(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.missing)
        layout.addWidget(self.page)
        layout.addWidget(buttons)
        self.resize(720, 640)
        self.page.setPlainText(self.tr("正在生成…"))
        index = offer.index
        worker.submit(lambda: documents.make(ws, matter_id, offer.kind, index), self._made, self._failed)

    def _enable(self, on: bool) -> None:
        for button in (self.print_button, self.pdf_button, self.word_button):
            button.setEnabled(on)

    def _made(self, document) -> None:
        self.document = document
        self.page.setHtml(document.html())
        self._enable(True)
        if document.notices:  # a synced template was refused: the paper uses the default wording, and says so
            self.missing.setText("\n".join(say(n) for n in document.notices))
            self.missing.show()

    def _failed(self, error: Exception) -> None:
        self.page.clear()
        self.missing.setText(
            user_message(error)
            + (
                "\n" + self.tr("请在“基本情况”中点当事人后的“补充信息”，或在相应环节补录后再打印。")
                if isinstance(error, MissingItems)
                else ""
            )
        )
        self.missing.show()

    def preview(self):
        return printing.preview(self.document, self)

    def _ask_and_save(self, suffix: str) -> None:
        name = safe_file_name(f"{self.document.number.split('：')[-1]} {self.document.title}.{suffix}")
        kinds = self.tr("PDF 文件 (*.pdf)") if suffix == "pdf" else self.tr("Word 文档 (*.docx)")
        path = save_file_name(self, self.tr("保存文书"), name, kinds)
        if path:
            self.save_to(path)

    def save_to(self, path: str) -> Path | None:
        try:
            saved = printing.save(self.document, path)
        except (OSError, ValueError) as error:
            show_error(self, error, self.tr("无法保存"))
            return None
        inform(self, self.tr("已保存"), self.tr("已保存到 {0}").format(saved))
        return saved


class PartyDialog(FormDialog):
    """A party's particulars, completed for the agreement (sex and age come from the ID number)."""

    def __init__(self, ws, worker, party_id: str, parent=None):
        super().__init__(parent)
        self.ws, self.worker, self.party_id = ws, worker, party_id
        self.setWindowTitle(self.tr("当事人信息"))
        self.failure_title = self.tr("无法保存")
        self.name = self.form.add(self.tr("当事人姓名"), QLineEdit())
        self.role = self.form.add(self.tr("当事人角色"), QComboBox())
        self.role.addItems(matters.PARTY_ROLES)
        self.id_number = self.form.add(self.tr("当事人身份证号"), QLineEdit())
        self.phone = self.form.add(self.tr("当事人电话"), QLineEdit())
        self.ethnicity = self.form.add(self.tr("民族"), QLineEdit())
        self.occupation = self.form.add(self.tr("职业或工作单位"), QLineEdit())
        self.address = self.form.add(self.tr("住所"), QLineEdit())
        self.loaded: PartyInput | None = None
        self.lay_out(self.save)
        worker.submit(lambda: matters.party_for_edit(ws, party_id), self._fill, self.show_failure)

    def _fill(self, party: PartyInput) -> None:
        self.loaded = party
        self.name.setText(party.name)
        self.role.setCurrentText(party.role)
        for box, value in (
            (self.id_number, party.id_number),
            (self.phone, party.phone),
            (self.ethnicity, party.ethnicity),
            (self.occupation, party.occupation),
            (self.address, party.address),
        ):
            box.setText(value)

    def save(self) -> None:
        if self.loaded is None:
            return
        data = PartyInput(
            self.name.text(),
            self.role.currentText(),
            self.loaded.kind,
            self.id_number.text(),
            self.phone.text(),
            self.address.text(),
            self.loaded.person_id,
            self.ethnicity.text(),
            self.occupation.text(),
        )
        party_id = self.party_id
        self.worker.submit(
            lambda: matters.update_party(self.ws, party_id, data), self.saved, self.show_failure
        )
