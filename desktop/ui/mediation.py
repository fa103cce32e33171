"""调解: orders open to claim, and the matters this mediator handles, with the matter beside them."""

from __future__ import annotations

from PySide6.QtWidgets import QSplitter, QTabWidget, QVBoxLayout, QWidget

from desktop.services import lists
from desktop.services.lists import MatterFilter

from .common import COLOURS, show_error, stars, when
from .matter_view import LIST_KINDS, MatterView
from .paged import Column, PagedModel, table_for


class MediationPage(QWidget):
    def __init__(self, ws, worker, places, parent=None):
        super().__init__(parent)
        self.ws, self.worker = ws, worker
        columns = [
            Column(self.tr("编号"), lambda r: r.serial),
            Column(self.tr("标题"), lambda r: r.title),
            Column(self.tr("星级"), lambda r: stars(r.grade)),
            Column(self.tr("期限"), lambda r: when(r.due_on), lambda r: COLOURS.get(r.colour)),
            Column(self.tr("村/社区"), lambda r: r.village),
            Column(self.tr("承办"), lambda r: r.handler_name),
        ]
        keys = sorted(ws.actor.handler_keys)
        self.queries = {
            "claim": MatterFilter(statuses=["open_for_claim"]),
            "mine": MatterFilter(statuses=["dispatched", "handling"], handlers=keys),
        }
        self.tabs = QTabWidget()
        self.models = {}
        empty = {
            "mine": self.tr("没有交给您办理的事项。认领工单或等平台交办后，会出现在这里。"),
            "claim": self.tr("没有待认领的工单。"),
        }
        for key, title in (("mine", self.tr("我承办的")), ("claim", self.tr("待认领工单"))):
            f = self.queries[key]
            model = PagedModel(
                worker,
                columns,
                lambda offset, limit, f=f: lists.matters(ws, f, offset=offset, limit=limit),
                self,
            )
            model.failed.connect(lambda e: show_error(self, e))
            view = table_for(model, empty[key])
            view.selectionModel().currentRowChanged.connect(lambda cur, _prev, m=model: self._open(m, cur))
            self.tabs.addTab(view, title)
            self.models[key] = model
        self.view = MatterView(ws, worker, places)
        worker.hub.subscribe(self, LIST_KINDS, lambda _changes: self.refresh())
        splitter = QSplitter()
        splitter.addWidget(self.tabs)
        splitter.addWidget(self.view)
        splitter.setSizes([560, 600])
        QVBoxLayout(self).addWidget(splitter)
        self.refresh()

    def refresh(self) -> None:
        for model in self.models.values():
            model.reload()

    def _open(self, model, index) -> None:
        row = model.row_at(index)
        if row is not None:
            self.view.show_matter(row.id)
