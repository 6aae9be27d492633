# SPDX-License-Identifier: MPL-2.0
"""Screenshots of the French Function Wizard on AI_EXPOSURE (not a ctest test).

Starts a private Xvfb (1280x800x24), the GUI soffice (plain X11 backend, SAL_USE_VCLPLUGIN=gen)
on a French profile (UI and locale setting fr-FR) in which the built .oxt is installed, opens a
visible Calc document, puts =AI_EXPOSURE("4110";"catégorie") in B2, selects it and dispatches
.uno:FunctionDialog: the wizard opens on AI_EXPOSURE with its French description and arguments.

Writes
  docs/function-wizard-fr.png         whole screen, first argument (code_isco) focused
  docs/function-wizard-fr-mesure.png  the wizard alone, second argument (mesure) focused

Before each shot it checks, through the wizard's accessibility tree, that the texts it shows are
the French ones of registry/functions.json (exit status 1 otherwise), then waits until two screen
grabs are identical.

    /usr/bin/python3 tests/integration/gui_function_wizard.py [--oxt X.oxt] [--docs DIR]
"""
import argparse
import json
import os
import shutil
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import uno  # noqa: E402,F401  (python3-uno must be importable before lo_harness)
from lo_harness import Office, make_profile, prop  # noqa: E402
from test_function_descriptions import BUILD_DIR, REGISTRY, SOURCE_DIR, localized_copy  # noqa: E402
from xvfb import Xvfb  # noqa: E402

WIDTH, HEIGHT = 1280, 800
FORMULA = '=AI_EXPOSURE("4110";"catégorie")'   # API grammar: ';' separators
WIZARD_TITLE = "Assistant Fonction"             # title of the French Function Wizard (LibreOffice 7.4)

# com.sun.star.accessibility.AccessibleRole values used below
ROLE_LABEL, ROLE_PUSH_BUTTON, ROLE_TEXT = 30, 44, 60


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


def check_wizard(wizard, fn, arg_index):
    """The wizard shows AI_EXPOSURE, its French description, its French argument names and the
    French description of the focused argument. Returns a list of problems (empty if fine)."""
    nodes = walk(wizard)
    labels = [n for r, n, _ in nodes if r == ROLE_LABEL]
    args = fn["arguments"]
    arg = args[arg_index]
    problems = []
    for want in [fn["name"], fn["description"]["fr"], arg["description"]["fr"]] + \
                [a["display"]["fr"] for a in args]:
        if want not in labels:
            problems.append("label not shown: %r" % want[:80])
    heading = "%s (requis)" % arg["display"]["fr"] if arg_index == 0 else arg["display"]["fr"]
    if not any(lab.startswith(heading) for lab in labels):
        problems.append("argument heading not shown: %r" % heading)
    return problems


def shot(xv, path, crop=None):
    waited = xv.wait_stable(interval=0.5, timeout=30)
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    xv.screenshot(path)
    if crop:
        import subprocess
        x, y, w, h = crop
        subprocess.run(["convert", path, "-crop", "%dx%d+%d+%d" % (w, h, x, y), "+repage", path], check=True)
    log("wrote %s (screen settled after %.1f s)" % (path, waited))


def run(office, xv, docs_dir, fn):
    doc = office.desktop.loadComponentFromURL("private:factory/scalc", "_blank", 0, (prop("Hidden", False),))
    ctrl = doc.getCurrentController()
    frame = ctrl.getFrame()
    win = frame.getContainerWindow()
    win.setPosSize(0, 0, WIDTH, HEIGHT, 15)
    cell = fill_sheet(doc)
    log("B2: %s -> %r" % (cell.FormulaLocal, cell.getString()))
    ctrl.select(cell)
    win.setFocus()
    time.sleep(0.3)
    xv.wait_stable(interval=0.4, timeout=30)

    # Modeless dialog; dispatched from a thread anyway so that a blocking call cannot hang us.
    threading.Thread(target=dispatch, args=(office, frame, ".uno:FunctionDialog"), daemon=True).start()
    wizard = wait_for(lambda: find_top_window(office, WIZARD_TITLE), 30, "the %r dialog" % WIZARD_TITLE)
    wait_for(lambda: any(n == fn["name"] for r, n, _ in walk(wizard) if r == ROLE_LABEL), 30,
             "AI_EXPOSURE in the wizard")
    log("wizard open at %s" % (bounds(wizard),))

    problems = check_wizard(wizard, fn, 0)
    shot(xv, os.path.join(docs_dir, "function-wizard-fr.png"))

    # second view: focus the "mesure" field, whose description then replaces the first one
    mesure = find(walk(wizard), ROLE_TEXT, fn["arguments"][1]["display"]["fr"])
    mesure.grabFocus()
    wait_for(lambda: fn["arguments"][1]["description"]["fr"] in
             [n for r, n, _ in walk(wizard) if r == ROLE_LABEL], 10, "the description of 'mesure'")
    problems += check_wizard(wizard, fn, 1)
    shot(xv, os.path.join(docs_dir, "function-wizard-fr-mesure.png"), crop=bounds(wizard))
    return wizard, problems


def close(office, wizard):
    """Cancels the wizard, marks documents unmodified; lo_harness then closes them, terminates
    soffice with a timeout and kills its process group as the last resort."""
    try:
        if wizard is not None:
            find(walk(wizard), ROLE_PUSH_BUTTON, "Annuler").getAccessibleActionDescription(0)
            find(walk(wizard), ROLE_PUSH_BUTTON, "Annuler").doAccessibleAction(0)
            wait_for(lambda: find_top_window(office, WIZARD_TITLE) is None, 10, "the wizard to close")
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
        fn = next(x for x in json.load(f)["functions"] if x["name"] == "AI_EXPOSURE")

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
                wizard = None
                try:
                    wizard, problems = run(office, xv, args.docs, fn)
                finally:
                    close(office, wizard)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    for p in problems:
        log("PROBLEM: " + p)
    log("done" if not problems else "done, with problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
