"""What a roster import did: the households and residents created and updated, and each rejected row with its
reason (those rows are also written to a sheet beside the roster, to correct and import again)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTableWidget, QTableWidgetItem, QVBoxLayout

from .plain import plain_label


class ImportReportDialog(QDialog):
    """An import's result row by row: what was created and updated, each rejected row with its reason."""

    def __init__(self, report, errors_path: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("导入结果"))
        summary = plain_label(
            self.tr("导入 {0} 行：新建 {1} 户、{2} 人，更新 {3} 户、{4} 人；未导入 {5} 行。").format(
                report.rows_imported,
                report.households_created,
                report.persons_created,
                report.households_updated,
                report.persons_updated,
                report.rows_rejected,
            )
        )
        summary.setWordWrap(True)
        table = QTableWidget(len(report.rejected), 3)
        table.setHorizontalHeaderLabels([self.tr("行号"), self.tr("字段"), self.tr("原因")])
        for r, item in enumerate(report.rejected):
            for c, value in enumerate((item["row"], item["field"], item["reason"])):
                table.setItem(r, c, QTableWidgetItem(str(value)))
        table.horizontalHeader().setStretchLastSection(True)
        self.table = table
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        if report.rows_rejected:
            layout.addWidget(
                plain_label(self.tr("未导入的行已写入 {0}，修改后可再次导入。").format(errors_path))
            )
        layout.addWidget(table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(640, 420)
