#!/usr/bin/python3
# SPDX-License-Identifier: MPL-2.0
"""The « Cartographie IA » sidebar deck in the real GUI, clicked like a user would.

Under a private Xvfb (1280x800x24) a GUI soffice (plain X11 backend, French UI, the built .oxt
installed in a private profile) opens a small staff table (the first 20 posts of the sample
commune, converted from CSV to .ods) as a visible document, puts the cursor in it, opens the
sidebar on the deck CartoIADeck and waits until the panel's controls are in the accessibility
tree. It checks the columns the panel detected, then presses « Générer la cartographie » with a
real mouse click (xdotool, at the centre the accessibility tree gives) and checks the generated
workbook over UNO: one row per post in Postes, the grand total of the DataPilot PIVOT_CATEGORIE,
the chart of « Par catégorie », and the report the panel shows.

Screenshots, once the screen is stable (two identical grabs):
  docs/panel-fr.png                    the staff table with the deck open (detected columns)
  docs/cartographie-synthese.png       the generated workbook on its Synthèse sheet
  docs/cartographie-par-categorie.png  its « Par catégorie » sheet (DataPilot table and chart)

CARTOIA_GUI_SHOTS=<dir> writes them elsewhere, CARTOIA_GUI_SHOTS=0 not at all (the checks still
run). The Synthèse sheet shows the generation date: that PNG changes from one day to the next.

Run by ctest (env CARTOIA_OXT, CARTOIA_SOURCE_DIR, CARTOIA_BUILD_DIR) or by hand:
    /usr/bin/python3 tests/integration/test_gui_panel.py
Xvfb and soffice are always stopped: by the `with` blocks, and by a watchdog that kills both
process groups if the scene takes longer than WATCHDOG seconds (a blocked UNO call then fails)."""
import contextlib
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import uno  # noqa: E402
from lo_harness import Office, prop, SOURCE_DIR, OXT, SAMPLE  # noqa: E402
from xvfb import Xvfb  # noqa: E402

# Where the screenshots go: docs/ by default, "0" for none, or another directory.
SHOTS = os.environ.get("CARTOIA_GUI_SHOTS") or os.path.join(SOURCE_DIR, "docs")

WIDTH, HEIGHT = 1280, 800
POSTS = 20                 # data rows taken from the sample
CURSOR_CELL = "B5"         # where the user clicked in the table
DECK = "CartoIADeck"
WATCHDOG = 150             # seconds; the whole scene normally takes ~20 s

# label shown left of each list box -> the column header the panel should have selected
EXPECTED_COLUMNS = {
    "Intitulé du poste": "Intitulé du poste", "Métier": "Métier", "Catégorie": "Catégorie",
    "Filière": "Filière", "Direction": "Direction", "Service": "Service", "ETP": "ETP",
    "Identifiant": "Matricule",
}
GENERATE = "Générer la cartographie"
FREEZE = "Figer les valeurs (pour un envoi en .xlsx)"
CLOSE_SIDEBAR = "Fermer le volet latéral"   # the × of the deck title bar (French UI)
GENERATED_SHEETS = ("Lisez-moi", "Synthèse", "Postes", "Par catégorie")


def _const(name):
    return uno.getConstantByName("com.sun.star.accessibility." + name)


ROLE_COMBO_BOX = _const("AccessibleRole.COMBO_BOX")
ROLE_LABEL = _const("AccessibleRole.LABEL")
ROLE_PUSH_BUTTON = _const("AccessibleRole.PUSH_BUTTON")
ROLE_SPLIT_PANE = _const("AccessibleRole.SPLIT_PANE")
ROLE_TEXT = _const("AccessibleRole.TEXT")


def log(msg, t0=[time.monotonic()]):
    print("[%5.1fs] %s" % (time.monotonic() - t0[0], msg), file=sys.stderr, flush=True)


def wait_for(pred, timeout, what, interval=0.2):
    deadline = time.monotonic() + timeout
    while True:
        v = pred()
        if v:
            return v
        if time.monotonic() > deadline:
            raise TimeoutError("timed out after %s s waiting for %s" % (timeout, what))
        time.sleep(interval)


# -- accessibility ------------------------------------------------------------------------------
class Node:
    __slots__ = ("role", "name", "ctx", "parent")

    def __init__(self, role, name, ctx, parent):
        self.role, self.name, self.ctx, self.parent = role, name, ctx, parent

    def bounds(self):
        p, s = self.ctx.getLocationOnScreen(), self.ctx.getSize()
        return p.X, p.Y, s.Width, s.Height

    def centre(self):
        x, y, w, h = self.bounds()
        return x + w // 2, y + h // 2


def walk(ctx, parent=None, out=None, max_children=200):
    """Flat list of Nodes below an accessible context (never into the cell grid)."""
    out = [] if out is None else out
    node = Node(ctx.getAccessibleRole(), ctx.getAccessibleName(), ctx, parent)
    out.append(node)
    n = ctx.getAccessibleChildCount()
    if n <= max_children:
        for i in range(n):
            child = ctx.getAccessibleChild(i)
            if child is not None:
                walk(child.getAccessibleContext(), node, out, max_children)
    return out


def children(ctx):
    for i in range(ctx.getAccessibleChildCount()):
        c = ctx.getAccessibleChild(i)
        if c is not None:
            yield c.getAccessibleContext()


def sidebar_nodes(frame_window):
    """The accessibility tree of the sidebar of a frame: the split pane(s) just below the frame's
    root pane (walking the whole frame takes ~2 s over the bridge, the sidebar ~0.2 s)."""
    root = frame_window.getAccessibleContext()
    out = []
    for level1 in children(root):
        for level2 in children(level1):
            if level2.getAccessibleRole() == ROLE_SPLIT_PANE:
                walk(level2, out=out)
    return out


def selected_text(combo):
    """What a list box shows: the text of its TEXT child."""
    for child in children(combo.ctx):
        if child.getAccessibleRole() == ROLE_TEXT:
            return child.getText()
    return None


# -- the scene ----------------------------------------------------------------------------------
def make_profile_and_table(tmp):
    """One headless soffice: installs the .oxt into a French profile and converts the first POSTS
    rows of the sample CSV into an .ods (the staff table as a user has it). The GUI soffice is
    started afterwards on that profile (a freshly registered component needs a restart)."""
    csv = os.path.join(tmp, "tableau-des-effectifs.csv")
    with open(SAMPLE, encoding="utf-8") as f:
        lines = f.readlines()[:POSTS + 1]
    with open(csv, "w", encoding="utf-8") as f:
        f.writelines(lines)
    ods = os.path.join(tmp, "tableau-des-effectifs.ods")
    profile = os.path.join(tmp, "profile")
    with Office(ui_locale="fr-FR", profile=profile) as office:
        office.install(OXT)
        doc = office.desktop.loadComponentFromURL(
            uno.systemPathToFileUrl(csv), "_blank", 0,
            (prop("Hidden", True), prop("FilterName", "Text - txt - csv (StarCalc)"),
             prop("FilterOptions", "59,34,76,1")))
        try:
            doc.storeToURL(uno.systemPathToFileUrl(ods), (prop("FilterName", "calc8"),))
        finally:
            doc.close(True)
    return profile, ods


def dispatch(office, frame, command):
    helper = office.smgr.createInstanceWithContext("com.sun.star.frame.DispatchHelper", office.ctx)
    helper.executeDispatch(frame, command, "", 0, ())


def documents(office):
    out, e = [], office.desktop.getComponents().createEnumeration()
    while e.hasMoreElements():
        out.append(e.nextElement())
    return out


def generated_document(office):
    for d in documents(office):
        try:
            if d.getURL() == "" and all(d.Sheets.hasByName(s) for s in GENERATED_SHEETS):
                return d
        except AttributeError:
            pass
    return None


def xdotool(xv, *args):
    xv.run(["xdotool", *[str(a) for a in args]])


def screenshot(xv, name):
    waited = xv.wait_stable(interval=0.4, timeout=20)
    if SHOTS != "0":
        path = os.path.join(SHOTS, name)
        os.makedirs(SHOTS, exist_ok=True)
        xv.screenshot(path)
        log("wrote %s (screen settled after %.1f s)" % (path, waited))


class RetryingXvfb(Xvfb):
    """`xwd -root` fails now and then with BadWindow (X_GetWindowAttributes) when soffice destroys
    a window while xwd walks the window tree (e.g. just after the sidebar closes): grab again."""

    def grab(self, attempts=5):
        for i in range(attempts):
            try:
                return super().grab()
            except subprocess.CalledProcessError:
                if i == attempts - 1:
                    raise
                log("xwd failed (a window went away during the grab): again")
                time.sleep(0.2)


class Watchdog:
    """Kills the process groups of soffice and Xvfb if the scene hangs (e.g. a modal dialog
    blocking a UNO call): the blocked call then fails and the test ends."""

    def __init__(self, seconds):
        self.procs = []
        self.fired = False
        self.timer = threading.Timer(seconds, self._fire)
        self.timer.daemon = True
        self.timer.start()

    def _fire(self):
        self.fired = True
        log("WATCHDOG: the scene hangs, killing soffice and Xvfb")
        for p in self.procs:
            if p is not None and p.poll() is None:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(p.pid, signal.SIGKILL)

    def cancel(self):
        self.timer.cancel()


class GuiPanelTest(unittest.TestCase):
    """setUpClass plays the scene (deck, click, generation, screenshots); the tests check what it
    recorded and the generated workbook, still open in the GUI office."""

    @classmethod
    def setUpClass(cls):
        if not os.path.isfile(OXT):
            raise unittest.SkipTest("no .oxt at %s (build first)" % OXT)
        for tool in ("Xvfb", "xdotool", "xwd", "convert"):
            if shutil.which(tool) is None:
                raise unittest.SkipTest("%s not installed" % tool)
        stack = contextlib.ExitStack()
        cls.addClassCleanup(stack.close)     # runs even when setUpClass fails
        cls.tmp = tempfile.mkdtemp(prefix="cartoia-guipanel-")
        stack.callback(shutil.rmtree, cls.tmp, ignore_errors=True)
        cls.watchdog = Watchdog(WATCHDOG)
        stack.callback(cls.watchdog.cancel)

        t0 = time.monotonic()
        profile, cls.staff = make_profile_and_table(cls.tmp)
        log("profile with the extension and %d-post table ready (%.1f s)" % (POSTS, time.monotonic() - t0))
        cls.xv = stack.enter_context(RetryingXvfb(WIDTH, HEIGHT))
        cls.watchdog.procs.append(cls.xv.proc)
        log("Xvfb on %s" % cls.xv.display)
        cls.office = Office(profile=profile, ui_locale="fr-FR", headless=False, display=cls.xv.display)
        stack.enter_context(cls.office)
        cls.watchdog.procs.insert(0, cls.office.proc)
        stack.callback(cls._mark_unmodified)   # before Office.__exit__ terminates soffice
        log("GUI soffice connected")
        cls.play()

    @classmethod
    def _mark_unmodified(cls):
        """Otherwise terminate() waits forever on a « Enregistrer les modifications ? » dialog."""
        try:
            for d in documents(cls.office):
                with contextlib.suppress(Exception):
                    d.setModified(False)
        except Exception as e:  # noqa: BLE001 - shutdown goes on regardless
            log("setModified: %s" % e)

    # -- the scene ---------------------------------------------------------------------------
    @classmethod
    def play(cls):
        office, xv = cls.office, cls.xv
        cls.source = office.load(cls.staff, hidden=False)
        ctrl = cls.source.getCurrentController()
        cls.frame = ctrl.getFrame()
        cls.window = cls.frame.getContainerWindow()
        cls.window.setPosSize(0, 0, WIDTH, HEIGHT, 15)
        ctrl.select(cls.source.Sheets.getByIndex(0).getCellRangeByName(CURSOR_CELL))

        t = time.monotonic()
        cls.open_deck(ctrl)
        log("deck open, panel controls in the accessibility tree (%.1f s)" % (time.monotonic() - t))
        nodes = sidebar_nodes(cls.window)
        cls.detected = {n.name: selected_text(n) for n in nodes if n.role == ROLE_COMBO_BOX}
        cls.table_label = next((n.name for n in nodes if n.role == ROLE_LABEL and " postes, " in n.name), None)
        log("detected: %s; %r" % (cls.detected, cls.table_label))
        cls.layout = cls.measure_layout(nodes)
        if cls.layout["overflow"] > 0:
            cls.widen_sidebar(cls.layout["overflow"] + 8)
        screenshot(xv, "panel-fr.png")

        # The real click. Without a window manager nobody gives the frame the focus, and
        # clicks on an unfocused frame are lost.
        button = find(sidebar_nodes(cls.window), ROLE_PUSH_BUTTON, GENERATE)
        x, y = button.centre()
        cls.window.setFocus()
        time.sleep(0.3)
        t = time.monotonic()
        xdotool(xv, "mousemove", "--sync", x, y, "click", "1")
        log("clicked « %s » at (%d, %d)" % (GENERATE, x, y))
        cls.generated = wait_for(lambda: generated_document(office), 60, "the generated workbook")
        log("generated workbook open (%.1f s after the click)" % (time.monotonic() - t))
        cls.result, label = wait_for(lambda: result_label(cls.window), 30, "the report in lblResult")
        cls.result_hidden_from = hidden_from(label.ctx)
        log("lblResult: %r%s" % (cls.result, "" if cls.result_hidden_from is None else
                                 " (cut after %d characters)" % cls.result_hidden_from))

        gctrl = cls.generated.getCurrentController()
        gwin = gctrl.getFrame().getContainerWindow()
        gwin.setPosSize(0, 0, WIDTH, HEIGHT, 15)
        cls.generated_active_sheet = gctrl.getActiveSheet().getName()
        with contextlib.suppress(Exception):
            gctrl.getSidebar().setVisible(False)   # the whole width for the workbook
        screenshot(xv, "cartographie-synthese.png")
        sheet = cls.generated.Sheets.getByName("Par catégorie")
        gctrl.setActiveSheet(sheet)
        gctrl.ZoomValue = 70                     # the DataPilot tables and the whole chart
        screenshot(xv, "cartographie-par-categorie.png")
        gctrl.ZoomValue = 100
        gctrl.setActiveSheet(cls.generated.Sheets.getByName(cls.generated_active_sheet))

    @classmethod
    def open_deck(cls, ctrl):
        """Sidebar visible, deck activated; again through the dispatcher if the panel does not
        show up (the deck can stay collapsed when activated while the sidebar is being built)."""
        sidebar = ctrl.getSidebar()
        sidebar.setVisible(True)
        sidebar.getDecks().getByName(DECK).activate(True)

        def ready():
            nodes = sidebar_nodes(cls.window)
            labels = [n.name for n in nodes if n.role == ROLE_LABEL]
            buttons = [n for n in nodes if n.role == ROLE_PUSH_BUTTON and n.name == GENERATE]
            return bool(buttons) and buttons[0].bounds()[2] > 0 and any(" postes, " in s for s in labels)
        try:
            wait_for(ready, 10, "the panel in the accessibility tree", interval=0.3)
        except TimeoutError:
            log("panel not shown yet: dispatching .uno:SidebarDeck.%s" % DECK)
            dispatch(cls.office, cls.frame, ".uno:SidebarDeck." + DECK)
            wait_for(ready, 15, "the panel in the accessibility tree", interval=0.3)

    @classmethod
    def measure_layout(cls, nodes):
        """Right edge of the panel's controls against the right edge of the deck (the × of its
        title bar). Positive overflow: the panel is cut and the sidebar scrolls horizontally."""
        ours = [n for n in nodes if n.role in (ROLE_PUSH_BUTTON, ROLE_COMBO_BOX, ROLE_LABEL)
                and n.name in set(EXPECTED_COLUMNS) | {GENERATE, FREEZE, "Édition OIT"}]
        right = max(x + w for x, y, w, h in (n.bounds() for n in ours))
        close = find(nodes, ROLE_PUSH_BUTTON, CLOSE_SIDEBAR)
        cx, cy, cw, ch = close.bounds()
        layout = {"controls_right": right, "deck_right": cx + cw, "overflow": right - (cx + cw)}
        if layout["overflow"] > 0:
            log("LAYOUT: the panel's controls end at x=%d, the deck at x=%d: %d px cut off on the right "
                "(the sidebar shows a horizontal scroll bar)" % (right, cx + cw, layout["overflow"]))
        return layout

    @classmethod
    def widen_sidebar(cls, pixels):
        """Drags the sidebar's splitter to the left (for a screenshot without a cut panel)."""
        split = next(n for n in sidebar_nodes(cls.window) if n.role == ROLE_SPLIT_PANE)
        x, y, w, h = split.bounds()
        sx, sy = x + 4, y + h - 80               # on the splitter, below its fold button
        cls.window.setFocus()
        time.sleep(0.3)
        xdotool(cls.xv, "mousemove", "--sync", sx, sy, "mousedown", "1")
        time.sleep(0.2)
        xdotool(cls.xv, "mousemove", "--sync", sx - pixels // 2, sy)
        time.sleep(0.1)
        xdotool(cls.xv, "mousemove", "--sync", sx - pixels, sy)
        time.sleep(0.2)
        xdotool(cls.xv, "mouseup", "1")
        time.sleep(0.5)
        after = cls.measure_layout(sidebar_nodes(cls.window))
        log("sidebar widened by dragging its splitter %d px: overflow now %d px" % (pixels, after["overflow"]))
        cls.layout["after_widening"] = after

    # -- checks ------------------------------------------------------------------------------
    def test_detected_columns(self):
        self.assertIsNotNone(self.table_label)
        self.assertTrue(self.table_label.startswith("%d postes, en-tête ligne 1" % POSTS), self.table_label)
        for label, header in EXPECTED_COLUMNS.items():
            self.assertEqual(self.detected.get(label), header, "list box « %s »" % label)
        self.assertEqual(self.detected.get("Édition OIT"), "2025 (OIT, document de travail 140)")

    def test_report_in_panel(self):
        self.assertTrue(self.result.startswith("Cartographie créée : %d postes (édition 2025)." % POSTS), self.result)
        self.assertIsNone(self.result_hidden_from, "lblResult cut after %s characters" % self.result_hidden_from)

    def test_postes_rows(self):
        postes = self.generated.Sheets.getByName("Postes")
        ids = postes.getCellRangeByPosition(0, 1, 0, POSTS + 10).getDataArray()
        self.assertEqual(sum(1 for (v,) in ids if v != ""), POSTS, "one row per post")
        # Every post of the table once, listed by direction then service.
        self.assertEqual(sorted(v for (v,) in ids if v != ""), ["P%04d" % k for k in range(1, POSTS + 1)])
        places = postes.getCellRangeByPosition(5, 1, 6, POSTS).getDataArray()
        self.assertEqual(list(places), sorted(places))

    def test_pivot_and_chart(self):
        sheet = self.generated.Sheets.getByName("Par catégorie")
        tables = sheet.getDataPilotTables()
        self.assertTrue(tables.hasByName("PIVOT_CATEGORIE"))
        r = tables.getByName("PIVOT_CATEGORIE").getOutputRange()
        grid = sheet.getCellRangeByPosition(r.StartColumn, r.StartRow, r.EndColumn, r.EndRow).getDataArray()
        self.assertEqual(grid[-1][-1], POSTS, "grand total of PIVOT_CATEGORIE = number of posts")
        self.assertEqual(sheet.getCharts().getCount(), 1, "one chart on « Par catégorie »")

    def test_generated_opens_on_synthese_and_source_untouched(self):
        self.assertEqual(self.generated_active_sheet, "Synthèse")
        self.assertFalse(self.source.isModified())
        self.assertIsNot(self.generated, self.source)

    # The panel must fit its deck: no controls cut on the right, no horizontal scroll bar.
    def test_panel_fits_the_deck(self):
        self.assertLessEqual(self.layout["overflow"], 0,
                             "the panel's controls end %d px right of the deck (horizontal scroll bar)"
                             % self.layout["overflow"])


def find(nodes, role, name):
    for n in nodes:
        if n.role == role and n.name == name:
            return n
    raise LookupError("no accessible %s named %r" % (role, name))


def result_label(window):
    """(text, node) of lblResult, the label right after the « Générer » button, once it reports."""
    nodes = sidebar_nodes(window)
    for i, n in enumerate(nodes):
        if n.role == ROLE_PUSH_BUTTON and n.name == GENERATE:
            for m in nodes[i + 1:]:
                if m.role == ROLE_LABEL:
                    return (m.name, m) if m.name and m.name != "Génération en cours…" else None
    return None


def hidden_from(label):
    """Index of the first character of a (wrapped) label that is not drawn, None if all are:
    characters that do not fit have empty bounds."""
    for i in range(label.getCharacterCount()):
        r = label.getCharacterBounds(i)
        if r.Width == 0 and r.Height == 0 and r.X == 0 and r.Y == 0:
            return i
    return None


if __name__ == "__main__":
    unittest.main(verbosity=2)
