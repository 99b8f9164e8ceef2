"""The report preview: the PDF exactly as it will print, with Print…, Save as PDF… and paper.

The report is made on a worker (ReportLab takes tens of milliseconds to seconds for a long
visit) and shown with QtPdf, so what the coach sees is the file itself, not a re-drawing of it.
Changing the paper size re-renders in the background and is remembered for next time.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale, QStandardPaths, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QPageSize
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QLabel,
    QMainWindow,
    QToolBar,
    QWidget,
)

from observe.reports.common import PAPER_SETTING
from observe.reports.layout import Pdf, paper_for_locale
from observe.store import Store
from observe.ui import operations
from observe.ui.errors import ErrorReporter
from observe.ui.operations import Operation, Progress
from observe.ui.reports.printing import PdfSource, print_pdf
from observe.ui.screen_fit import fit_to_screen

#: Makes the report for a paper size ("letter" or "a4"); runs on a worker thread.
Renderer = Callable[[str], Pdf]

PAPERS = (
    ("letter", QT_TRANSLATE_NOOP("PreviewWindow", "Letter")),
    ("a4", QT_TRANSLATE_NOOP("PreviewWindow", "A4")),
)


def default_paper(store: Store) -> str:
    chosen = store.setting(PAPER_SETTING)
    if chosen in ("letter", "a4"):
        return chosen
    return paper_for_locale(QLocale.system().name())


class PreviewWindow(QMainWindow):
    def __init__(
        self,
        store: Store,
        render: Renderer,
        *,
        title: str,
        file_stem: str,
        report_error: ErrorReporter,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._title = title
        self.setWindowTitle(title)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.store = store
        self._render = render
        self._file_stem = file_stem
        self._report_error = report_error
        self.pdf: Pdf | None = None
        self.source: PdfSource | None = None
        self.render_operation: Operation | None = None
        self.printer: QPrinter | None = None

        self.view = QPdfView(self)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setAccessibleName(self.tr("Report preview"))
        self.setCentralWidget(self.view)

        self.paper_box = QComboBox()
        for key, label in PAPERS:
            self.paper_box.addItem(self.tr(label), key)
        self.paper_box.setAccessibleName(self.tr("Paper size"))
        self.paper_box.setToolTip(self.tr("Paper size"))
        self.paper_box.setCurrentIndex(0 if default_paper(store) == "letter" else 1)
        self.paper_box.currentIndexChanged.connect(self._paper_changed)

        self.print_action = self._action(
            self.tr("&Print…"), QKeySequence.StandardKey.Print, self.ask_print
        )
        self.save_action = self._action(
            self.tr("&Save as PDF…"), QKeySequence.StandardKey.Save, self.ask_save
        )
        self.zoom_in_action = self._action(
            self.tr("Zoom &in"), QKeySequence.StandardKey.ZoomIn, self.zoom_in
        )
        self.zoom_out_action = self._action(
            self.tr("Zoom &out"), QKeySequence.StandardKey.ZoomOut, self.zoom_out
        )
        self.fit_action = self._action(self.tr("&Fit width"), "Ctrl+0", self.fit_width)
        self.close_action = self._action(
            self.tr("&Close"), QKeySequence.StandardKey.Close, self.close
        )
        self.close_action.setShortcuts([QKeySequence.StandardKey.Close, QKeySequence("Esc")])

        bar = QToolBar(self.tr("Report"))
        bar.setMovable(False)
        bar.setAccessibleName(self.tr("Report tools"))
        bar.addAction(self.print_action)
        bar.addAction(self.save_action)
        bar.addSeparator()
        bar.addWidget(QLabel(self.tr(" Paper: ")))
        bar.addWidget(self.paper_box)
        bar.addSeparator()
        bar.addActions([self.zoom_out_action, self.zoom_in_action, self.fit_action])
        self.addToolBar(bar)
        menu = self.menuBar().addMenu(self.tr("&Report"))
        menu.addActions([self.print_action, self.save_action])
        menu.addSeparator()
        menu.addActions([self.zoom_in_action, self.zoom_out_action, self.fit_action])
        menu.addSeparator()
        menu.addAction(self.close_action)

        self.state = QLabel(self.tr("Making the report…"))
        self.state.setAccessibleName(self.tr("Report state"))
        self.statusBar().addWidget(self.state)
        self._enable(False)
        fit_to_screen(self, 900, None, width_share=0.7)
        self.refresh()

    def _action(
        self, text: str, key: QKeySequence.StandardKey | str, slot: Callable[[], object]
    ) -> QAction:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(key))
        action.setStatusTip(text.replace("&", "").rstrip("…"))
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _enable(self, ready: bool) -> None:
        for action in (self.print_action, self.save_action):
            action.setEnabled(ready)

    @property
    def paper(self) -> str:
        return str(self.paper_box.currentData())

    # -- rendering --------------------------------------------------------------------------

    def refresh(self) -> Operation:
        paper = self.paper
        render = self._render
        self._enable(False)
        self.state.setText(self.tr("Making the report…"))

        def work(progress: Progress) -> Pdf:
            return render(paper)

        op = operations.run(
            work,
            name="render report",
            context=self,
            on_success=self._show,
            on_failure=self._failed,
        )
        self.render_operation = op
        return op

    def _show(self, result: object) -> None:
        assert isinstance(result, Pdf)
        old = self.source
        self.pdf = result
        self.source = PdfSource(result.data)
        self.view.setDocument(self.source.document)
        if old is not None:
            old.close()
        if result.pages == 1:
            pages = self.tr("1 page, {paper}")
        else:
            pages = self.tr("{count} pages, {paper}")
        self.state.setText(pages.format(count=result.pages, paper=self.paper_box.currentText()))
        # A sheet whose feedback is not saved says so in the title as well as on every page.
        draft = self.tr(" — DRAFT, not yet reviewed") if result.draft else ""
        self.setWindowTitle(self._title + draft)
        self._enable(True)

    def _failed(self, error: BaseException) -> None:
        self.state.setText(self.tr("The report could not be made."))
        self._report_error(self, error)

    def _paper_changed(self) -> None:
        self.store.set_setting(PAPER_SETTING, self.paper)
        self.refresh()

    # -- zoom -------------------------------------------------------------------------------

    def zoom_in(self) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(min(self.view.zoomFactor() * 1.25, 5.0))

    def zoom_out(self) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(max(self.view.zoomFactor() / 1.25, 0.25))

    def fit_width(self) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)

    # -- print and save ---------------------------------------------------------------------

    def ask_print(self) -> None:
        if self.pdf is None:
            return
        printer = self.printer or QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.pdf.title)
        # The PDF carries its own margins: print it on the whole sheet of the same paper.
        printer.setFullPage(True)
        size = QPageSize.PageSizeId.A4 if self.paper == "a4" else QPageSize.PageSizeId.Letter
        printer.setPageSize(QPageSize(size))
        self.printer = printer
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Print report"))
        dialog.setMinMax(1, self.pdf.pages)
        if dialog.exec() == QPrintDialog.DialogCode.Accepted:
            self.print_to(printer)

    def print_to(self, printer: QPrinter) -> Operation | None:
        """Prints in the background; the status bar says when it is done."""
        if self.pdf is None:
            return None
        data = self.pdf.data
        self.print_action.setEnabled(False)
        self.state.setText(self.tr("Printing…"))

        def work(progress: Progress) -> int:
            return print_pdf(data, printer, progress)

        def done(result: object) -> None:
            if result == 1:
                self.state.setText(self.tr("Sent 1 page to the printer."))
            else:
                self.state.setText(
                    self.tr("Sent {count} pages to the printer.").format(count=result)
                )

        op = operations.run(
            work, name="print report", context=self, on_success=done, on_failure=self._failed
        )
        op.finished.connect(lambda: self.print_action.setEnabled(self.pdf is not None))
        return op

    def ask_save(self) -> None:
        if self.pdf is None:
            return
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        suggested = Path(folder or Path.home()) / f"{self._file_stem}.pdf"
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save as PDF"), str(suggested), self.tr("PDF files (*.pdf)")
        )
        if chosen:
            path = Path(chosen)
            self.save_to(path if path.suffix.lower() == ".pdf" else path.with_suffix(".pdf"))

    def save_to(self, path: Path) -> Operation | None:
        if self.pdf is None:
            return None
        pdf = self.pdf

        def work(progress: Progress) -> Path:
            return pdf.save(path)

        return operations.run(
            work,
            name="save report",
            context=self,
            on_success=lambda p: self.state.setText(
                QCoreApplication.translate("PreviewWindow", "Saved to {p}.").format(p=p)
            ),
            on_failure=self._failed,
        )

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.render_operation is not None:
            self.render_operation.cancel()
        self.view.setDocument(None)  # type: ignore[arg-type]
        if self.source is not None:
            self.source.close()
            self.source = None
        super().closeEvent(event)
