"""巡查 in the window: a grid worker records a patrol (a refusal names the field and keeps what was typed),
adds a photo, and reports a matter from it through the ordinary report form, which keeps the link; the
dialogs fit a 1366×768 screen."""

from PySide6.QtWidgets import QLabel
from sqlalchemy import select

from desktop.store.models import Matter
from desktop.ui.patrols import PatrolDialog, PatrolsDialog

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def test_a_patrol_recorded_and_reported_as_a_matter(township, window_for, settle, no_popups, tmp_path):
    window = window_for("grid1")
    patrols = window.show_patrols()
    settle()
    assert isinstance(patrols, PatrolsDialog) and patrols.height() <= 698 and patrols.width() <= 1366
    entry = patrols.new_patrol()
    assert isinstance(entry, PatrolDialog) and entry.height() <= 698
    assert entry.grid.currentText() == "东村一网格"  # the worker's one grid in the village
    entry.kind.setCurrentIndex(entry.kind.findData("建筑工地"))
    entry.seen.setPlainText("工地夜间施工扰民，附近住户与施工方争执")
    entry.submit()  # no place typed
    settle()
    assert entry.isVisible() and entry.seen.toPlainText().startswith("工地夜间施工")
    shown = [w.text() for w in entry.findChildren(QLabel) if w.isVisible()]
    assert "不能为空" in shown, shown
    entry.grab().save(str(tmp_path / "patrol_refused.png"))
    entry.place.setText("东村小学旁建筑工地")
    entry.submit()
    settle()
    assert not entry.isVisible(), entry.last_error
    settle()
    assert [r.place for r in patrols.rows] == ["东村小学旁建筑工地"]
    patrols.table.selectRow(0)
    photo = tmp_path / "工地.png"
    photo.write_bytes(PNG)
    patrols.add_photo(str(photo))
    settle()
    assert patrols.rows[0].photos == 1
    patrols.grab().save(str(tmp_path / "patrols.png"))
    patrols.table.selectRow(0)
    patrols.report_matter()
    settle()
    report = window.report_dialog
    assert report.place.text() == "东村小学旁建筑工地"
    assert report.facts.toPlainText() == "工地夜间施工扰民，附近住户与施工方争执"
    report.title_edit.setText("工地夜间施工扰民")
    report.submit()
    settle()
    assert not report.isVisible(), report.last_error
    assert no_popups == []
    again = window.show_patrols()
    settle()
    (row,) = again.rows
    (serial,) = row.matters
    with window.ws.read() as s:
        reported = s.execute(select(Matter).where(Matter.serial == serial)).scalar_one()
        assert (reported.patrol_id, reported.title) == (row.id, "工地夜间施工扰民")
