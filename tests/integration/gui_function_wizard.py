# SPDX-License-Identifier: MPL-2.0
"""Screenshots of the French Function Wizard on AI_EXPOSURE (not a ctest test).

Starts a private Xvfb (1280x800x24), the GUI soffice (plain X11 backend, SAL_USE_VCLPLUGIN=gen)
on a French profile (UI and locale setting fr-FR) in which the built .oxt is installed, opens a
visible Calc document, puts =AI_EXPOSURE("4110";"catégorie") in B2, selects it and dispatches
.uno:FunctionDialog: the wizard opens on AI_EXPOSURE with its French description and arguments.

Writes
  docs/function-wizard-fr.png         whole screen, first argument (code_isco) focused
  docs/function-wizard-fr-mesure.png  the wizard alone, second argument (mesure) focused

and logs which French texts of the three functions the wizard cuts off (it shows about three
lines of a function description and two of an argument description).

Before each shot it checks, through the wizard's accessibility tree, that the texts it shows are
the French ones of registry/functions.json (exit status 1 otherwise), then waits until two screen
grabs are identical.

    /usr/bin/python3 tests/integration/gui_function_wizard.py [--oxt X.oxt] [--docs DIR]
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

from lo_harness import BUILD_DIR, Office, SOURCE_DIR, make_profile, prop  # noqa: E402
from test_function_descriptions import REGISTRY, localized_copy  # noqa: E402
from xvfb import Xvfb  # noqa: E402

WIDTH, HEIGHT = 1280, 800
FORMULA = '=AI_EXPOSURE("4110";"catégorie")'   # API grammar: ';' separators
WIZARD_TITLE = "Assistant Fonction"             # title of the French Function Wizard (LibreOffice 7.4)

# com.sun.star.accessibility.AccessibleRole values used below
ROLE_LABEL, ROLE_PUSH_BUTTON = 30, 44


def log(msg, t0=[time.monotonic()]):
    print("[%5.1fs] %s" % (time.monotonic() - t0[0], msg), flush=True)


def wait_for(pred, timeout, what, interval=0.2):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        v = pred()
        if v:
            return v
        time.sleep(interval)
    raise TimeoutError("timed out waiting for " + what)


# -- accessibility helpers ------------------------------------------------------------------
def walk(ctx, out=None):
    """Flat list of (role, name, context) below an accessible context."""
    out = [] if out is None else out
    out.append((ctx.getAccessibleRole(), ctx.getAccessibleName(), ctx))
    n = ctx.getAccessibleChildCount()
    if n <= 200:                      # never descend into the cell grid
        for i in range(n):
            child = ctx.getAccessibleChild(i)
            if child is not None:
                walk(child.getAccessibleContext(), out)
    return out


def find_top_window(office, title):
    tk = office.smgr.createInstanceWithContext("com.sun.star.awt.Toolkit", office.ctx)
    for i in range(tk.getTopWindowCount()):
        ctx = tk.getTopWindow(i).getAccessibleContext()
        if ctx is not None and ctx.getAccessibleName() == title:
            return ctx
    return None


def find(nodes, role, name):
    for r, n, ctx in nodes:
        if r == role and n == name:
            return ctx
    raise LookupError("no accessible %s named %r" % (role, name))


def bounds(ctx):
    p, s = ctx.getLocationOnScreen(), ctx.getSize()
    return p.X, p.Y, s.Width, s.Height


# -- the scene --------------------------------------------------------------------------------
def fill_sheet(doc):
    sheet = doc.Sheets.getByIndex(0)
    sheet.getCellByPosition(0, 0).setString("Code CITP")
    sheet.getCellByPosition(1, 0).setString("Catégorie d'exposition")
    sheet.getCellByPosition(0, 1).setString("4110")
    cell = sheet.getCellByPosition(1, 1)
    cell.setFormula(FORMULA)
    doc.calculateAll()
    cols = sheet.getColumns()
    cols.getByIndex(0).Width = 2500
    cols.getByIndex(1).Width = 6000
    return cell


def dispatch(office, frame, command):
    helper = office.smgr.createInstanceWithContext("com.sun.star.frame.DispatchHelper", office.ctx)
    helper.executeDispatch(frame, command, "", 0, ())


def hidden_from(label):
    """Index of the first character of a wrapped label that is not drawn (the wizard cuts long
    texts with an ellipsis; characters after the cut have empty bounds), or None if all fit.
    Approximate by a few characters: the ellipsis covers the last visible ones."""
    for i in range(label.getCharacterCount()):
        r = label.getCharacterBounds(i)
        if r.X == 0 and r.Y == 0 and r.Width == 0 and r.Height == 0:
            return i
    return None


def label_truncation(wizard, text):
    """None if `text` is fully drawn in the wizard, else (visible chars, total chars)."""
    for r, n, ctx in walk(wizard):
        if r == ROLE_LABEL and n == text:
            i = hidden_from(ctx)
            return None if i is None else (i, len(text))
    raise LookupError("label not shown: %r" % text[:60])


def check_wizard(wizard, fn, arg_index):
    """The wizard shows the function's name, its French description, its French argument names
    and the French description of the focused argument, headed "(requis)" for the mandatory
    first argument and "(facultatif)" for the others. Returns a list of problems."""
    labels = [n for r, n, _ in walk(wizard) if r == ROLE_LABEL]
    args = fn["arguments"]
    arg = args[arg_index]
    problems = []
    for want in [fn["name"], fn["description"]["fr"], arg["description"]["fr"]] + \
                [a["display"]["fr"] for a in args]:
        if want not in labels:
            problems.append("%s: label not shown: %r" % (fn["name"], want[:80]))
    heading = "%s (%s)" % (arg["display"]["fr"], "requis" if arg_index == 0 else "facultatif")
    if heading not in labels:
        problems.append("%s: argument heading not shown: %r" % (fn["name"], heading))
    return problems


def shot(xv, path, crop=None):
    waited = xv.wait_stable(interval=0.5, timeout=30)
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    xv.screenshot(path)
    if crop:
        x, y, w, h = crop
        subprocess.run(["convert", path, "-crop", "%dx%d+%d+%d" % (w, h, x, y), "+repage", "-strip", path], check=True)
    log("wrote %s (screen settled after %.1f s)" % (path, waited))


class Scene:
    def __init__(self, office, xv):
        self.office, self.xv = office, xv
        self.doc = office.desktop.loadComponentFromURL("private:factory/scalc", "_blank", 0,
                                                       (prop("Hidden", False),))
        self.ctrl = self.doc.getCurrentController()
        self.frame = self.ctrl.getFrame()
        self.win = self.frame.getContainerWindow()
        self.win.setPosSize(0, 0, WIDTH, HEIGHT, 15)
        self.cell = fill_sheet(self.doc)
        self.wizard = None

    def open_wizard(self, fn, formula):
        """Puts `formula` in B2, selects it and opens the Function Wizard on it."""
        self.cell.setFormula(formula)
        self.doc.calculateAll()
        log("B2: %s -> %r" % (self.cell.FormulaLocal, self.cell.getString()))
        self.ctrl.select(self.cell)
        self.win.setFocus()
        time.sleep(0.3)
        self.xv.wait_stable(interval=0.4, timeout=30)
        # Modeless dialog; dispatched from a thread anyway so that a blocking call cannot hang us.
        threading.Thread(target=dispatch, args=(self.office, self.frame, ".uno:FunctionDialog"),
                         daemon=True).start()
        self.wizard = wait_for(lambda: find_top_window(self.office, WIZARD_TITLE), 30, "the %r dialog" % WIZARD_TITLE)
        wait_for(lambda: fn["name"] in [n for r, n, _ in walk(self.wizard) if r == ROLE_LABEL], 30,
                 "%s in the wizard" % fn["name"])
        return self.wizard

    def focus_argument(self, fn, index):
        """Selects argument `index` by focusing its fx button: same description as focusing its
        field, but no blinking text cursor (with one, the screen never settles)."""
        arg = fn["arguments"][index]
        find(walk(self.wizard), ROLE_PUSH_BUTTON, ":" + arg["display"]["fr"]).grabFocus()
        wait_for(lambda: arg["description"]["fr"] in [n for r, n, _ in walk(self.wizard) if r == ROLE_LABEL],
                 10, "the description of %r" % arg["display"]["fr"])

    def cancel_wizard(self):
        if self.wizard is not None:
            find(walk(self.wizard), ROLE_PUSH_BUTTON, "Annuler").doAccessibleAction(0)
            wait_for(lambda: find_top_window(self.office, WIZARD_TITLE) is None, 10, "the wizard to close")
            self.wizard = None


def survey_formula(fn):
    """A call of `fn` with its first argument only: an ISCO code or a job title."""
    first = "4110" if fn["arguments"][0]["name"] == "isco" else "Assistant RH"
    return '=%s("%s")' % (fn["name"], first)


def survey(scene, fn, truncated):
    """Checks every text of `fn` in the open wizard; records the ones cut by the wizard."""
    problems = []
    for i, arg in enumerate(fn["arguments"]):
        scene.focus_argument(fn, i)
        problems += check_wizard(scene.wizard, fn, i)
        for what, text in ([("description", fn["description"]["fr"])] if i == 0 else []) + \
                [(arg["display"]["fr"], arg["description"]["fr"])]:
            cut = label_truncation(scene.wizard, text)
            if cut:
                truncated.append((fn["name"], what, cut[0], cut[1], text))
    return problems


def run(scene, docs_dir, functions):
    fn = functions["AI_EXPOSURE"]
    scene.open_wizard(fn, FORMULA)
    log("wizard open at %s" % (bounds(scene.wizard),))
    problems = check_wizard(scene.wizard, fn, 0)
    shot(scene.xv, os.path.join(docs_dir, "function-wizard-fr.png"))
    scene.focus_argument(fn, 1)
    problems += check_wizard(scene.wizard, fn, 1)
    shot(scene.xv, os.path.join(docs_dir, "function-wizard-fr-mesure.png"), crop=bounds(scene.wizard))

    # every text of every function, for the record: which ones the wizard cuts
    truncated = []
    problems += survey(scene, fn, truncated)
    scene.cancel_wizard()
    for name, other in functions.items():
        if name == fn["name"]:
            continue
        scene.open_wizard(other, survey_formula(other))
        problems += survey(scene, other, truncated)
        scene.cancel_wizard()
    for name, what, visible, total, text in truncated:
        log("cut by the wizard: %s %s: about %d of %d characters shown, hidden: %r"
            % (name, what, visible, total, text[visible:visible + 50] + "..."))
    return problems


def close(office, scene):
    """Cancels the wizard, marks documents unmodified; lo_harness then closes them, terminates
    soffice with a timeout and kills its process group as the last resort."""
    try:
        if scene is not None:
            scene.cancel_wizard()
    except Exception as e:  # noqa: BLE001 - shutdown goes on regardless
        log("closing the wizard: %s" % e)
    try:
        comps = office.desktop.getComponents().createEnumeration()
        while comps.hasMoreElements():
            comps.nextElement().setModified(False)
    except Exception as e:  # noqa: BLE001
        log("setModified: %s" % e)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--oxt", default=os.environ.get("CARTOIA_OXT", os.path.join(BUILD_DIR, "carto-ia-metiers.oxt")))
    ap.add_argument("--docs", default=os.path.join(SOURCE_DIR, "docs"), help="where the PNGs go")
    args = ap.parse_args()
    if not os.path.isfile(args.oxt):
        sys.exit("no .oxt at %s (build first)" % args.oxt)
    with open(REGISTRY, encoding="utf-8") as f:
        functions = {x["name"]: x for x in json.load(f)["functions"]}

    tmp = tempfile.mkdtemp(prefix="cartoia-gui-")
    problems = ["not run"]
    try:
        log("installing the extension into a template profile (headless)")
        template = make_profile(args.oxt, os.path.join(tmp, "template"))
        profile = localized_copy(template, os.path.join(tmp, "profile"), "fr-FR")
        with Xvfb(WIDTH, HEIGHT) as xv:
            log("Xvfb on %s" % xv.display)
            with Office(profile=profile, headless=False, display=xv.display) as office:
                log("GUI soffice connected")
                scene = None
                try:
                    scene = Scene(office, xv)
                    problems = run(scene, args.docs, functions)
                finally:
                    close(office, scene)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    for p in problems:
        log("PROBLEM: " + p)
    log("done" if not problems else "done, with problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
