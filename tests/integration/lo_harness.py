# SPDX-License-Identifier: MPL-2.0
"""Starts a headless LibreOffice with a private profile, installs the built .oxt over UNO,
and always stops soffice again (process group kill as last resort)."""
import os
import re
import shutil
import signal
import subprocess
import tempfile
import time
import uuid

import uno
import unohelper
from com.sun.star.beans import PropertyValue
from com.sun.star.task import XInteractionHandler
from com.sun.star.ucb import XCommandEnvironment, XProgressHandler

SOFFICE = os.environ.get("SOFFICE", "/usr/lib/libreoffice/program/soffice")
# Where the tests find the project (ctest sets these; by hand they default to this checkout).
_HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE_DIR = os.environ.get("CARTOIA_SOURCE_DIR", os.path.dirname(os.path.dirname(_HERE)))
BUILD_DIR = os.environ.get("CARTOIA_BUILD_DIR", os.path.join(SOURCE_DIR, "build"))
OXT = os.environ.get("CARTOIA_OXT", os.path.join(BUILD_DIR, "carto-ia-metiers.oxt"))
SAMPLE = os.path.join(SOURCE_DIR, "samples", "commune-temoin", "tableau-des-effectifs.csv")
CLI = os.path.join(BUILD_DIR, "src", "cli", "carto-ia")


def pdf_pages(path):
    """Number of pages of a PDF (pdfinfo)."""
    out = subprocess.run(["pdfinfo", path], capture_output=True, text=True, check=True).stdout
    return int(next(line.split()[-1] for line in out.splitlines() if line.startswith("Pages:")))


def generate_workbook(src, dest, profile, *extra):
    """Runs `carto-ia generate` (raises with its output when it fails); returns what it printed."""
    r = subprocess.run([CLI, "generate", src, "-o", dest, "--oxt", OXT, "--profile", profile, *extra],
                       capture_output=True, text=True, timeout=300)
    if r.returncode != 0:
        raise RuntimeError(r.stdout + r.stderr)
    return r.stdout


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


class _Approve(unohelper.Base, XInteractionHandler):
    """Accepts the licence and any question unopkg would ask."""

    def handle(self, request):
        approve = uno.getTypeByName("com.sun.star.task.XInteractionApprove")
        for c in request.getContinuations():
            if c.queryInterface(approve) is not None:
                c.select()
                return


class _Progress(unohelper.Base, XProgressHandler):
    def push(self, status):
        pass

    def update(self, status):
        pass

    def pop(self):
        pass


class _CmdEnv(unohelper.Base, XCommandEnvironment):
    def getInteractionHandler(self):
        return _Approve()

    def getProgressHandler(self):
        return _Progress()


def make_profile(oxt, dest, ui_locale=None):
    """Creates a profile with the extension installed, then stops that office: a component
    registered in a running office is served from a helper process (uno.bin) until restart,
    so tests must start a fresh office on the prepared profile."""
    if os.path.exists(dest):
        shutil.rmtree(dest)
    with Office(ui_locale=ui_locale, profile=dest) as office:
        office.install(oxt)
    return dest


class Office:
    """with Office(oxt=path, ui_locale="fr-FR") as office: office.desktop, office.ctx

    With `oxt`, a private profile with the extension installed is prepared first (see
    make_profile); with `template`, a copy of an already prepared profile is used."""

    def __init__(self, oxt=None, ui_locale=None, profile=None, extra_env=None, headless=True, display=None,
                 template=None):
        self.oxt = oxt
        self.template = template
        self.ui_locale = ui_locale
        self.profile = profile
        self.extra_env = extra_env or {}
        self.headless = headless
        self.display = display
        self.proc = None
        self.tmp = None

    # -- lifecycle --------------------------------------------------------
    def __enter__(self):
        try:
            self._start()
        except BaseException:
            self._stop()
            raise
        return self

    def __exit__(self, *exc):
        self._stop()
        return False

    def _write_registry(self):
        """Sets first-start and locale items in user/registrymodifications.xcu, merging them into
        an existing file (a prepared template profile has one)."""
        user = os.path.join(self.profile, "user")
        os.makedirs(user, exist_ok=True)
        items = [
            ('/org.openoffice.Office.Common/Misc', 'FirstRun', 'boolean', 'false'),
            ('/org.openoffice.Office.Common/Misc', 'ShowTipOfTheDay', 'boolean', 'false'),
        ]
        if self.ui_locale:
            items.append(('/org.openoffice.Office.Linguistic/General', 'UILocale', 'string', self.ui_locale))
            items.append(('/org.openoffice.Setup/L10N', 'ooLocale', 'string', self.ui_locale))
            items.append(('/org.openoffice.Setup/L10N', 'ooSetupSystemLocale', 'string', self.ui_locale))
        path = os.path.join(user, "registrymodifications.xcu")
        head = ('<?xml version="1.0" encoding="UTF-8"?>\n<oor:items xmlns:oor="http://openoffice.org/2001/registry"'
                ' xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n')
        body = ""
        if os.path.exists(path):
            with open(path, encoding="utf-8") as f:
                text = f.read()
            start = text.find(">", text.find("<oor:items")) + 1
            body = text[start:text.rfind("</oor:items>")]
            for path_, name, _, _ in items:  # drop the items we set again
                body = re.sub(r'<item oor:path="%s"><prop oor:name="%s"[^>]*>.*?</item>\n?'
                              % (re.escape(path_), re.escape(name)), "", body, flags=re.S)
        new = "".join(f'<item oor:path="{p}"><prop oor:name="{n}" oor:op="fuse"><value>{v}</value></prop></item>\n'
                      for p, n, _, v in items)
        with open(path, "w", encoding="utf-8") as f:
            f.write(head + body + new + "</oor:items>\n")

    def _start(self):
        if self.profile is None:
            self.tmp = tempfile.mkdtemp(prefix="cartoia-lo-")
            self.profile = os.path.join(self.tmp, "profile")
            if self.oxt:
                make_profile(self.oxt, self.profile, self.ui_locale)
            elif self.template:
                shutil.copytree(self.template, self.profile, symlinks=True)
        self._write_registry()
        pipe = "cartoia_" + uuid.uuid4().hex[:12]
        args = [SOFFICE, "--invisible", "--nologo", "--norestore", "--nodefault", "--nolockcheck",
                "-env:UserInstallation=" + uno.systemPathToFileUrl(self.profile),
                f"--accept=pipe,name={pipe};urp;StarOffice.ComponentContext"]
        if self.headless:
            args.insert(1, "--headless")
        env = dict(os.environ)
        env.update(self.extra_env)
        if self.display:
            env["DISPLAY"] = self.display
            env["SAL_USE_VCLPLUGIN"] = "gen"
        self.proc = subprocess.Popen(args, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                     stderr=subprocess.DEVNULL, start_new_session=True)
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        deadline = time.time() + 60
        while True:
            try:
                self.ctx = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
                break
            except Exception:
                if self.proc.poll() is not None or time.time() > deadline:
                    raise RuntimeError("soffice did not start (exit %s)" % self.proc.poll())
                time.sleep(0.2)
        self.smgr = self.ctx.ServiceManager
        self.desktop = self.smgr.createInstanceWithContext("com.sun.star.frame.Desktop", self.ctx)

    def install(self, oxt):
        em = self.ctx.getValueByName("/singletons/com.sun.star.deployment.ExtensionManager")
        url = uno.systemPathToFileUrl(os.path.abspath(oxt))
        abort = em.createAbortChannel()
        em.addExtension(url, (), "user", abort, _CmdEnv())
        ids = [p.getIdentifier().Value for p in em.getDeployedExtensions("user", abort, _CmdEnv())]
        if "fr.cartoia.metiers" not in ids:
            raise RuntimeError("extension not deployed: %s" % ids)

    def _stop(self):
        if self.proc is not None and self.proc.poll() is None:
            try:
                comps = self.desktop.getComponents().createEnumeration()
                while comps.hasMoreElements():
                    c = comps.nextElement()
                    try:
                        c.setModified(False)
                        c.close(True)
                    except Exception:
                        pass
                self.desktop.terminate()
            except Exception:
                pass
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                pass
        if self.proc is not None and self.proc.poll() is None:
            try:
                os.killpg(self.proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            self.proc.wait(timeout=10)
        if self.tmp:
            shutil.rmtree(self.tmp, ignore_errors=True)

    # -- helpers ----------------------------------------------------------
    def load(self, path, hidden=True):
        url = uno.systemPathToFileUrl(os.path.abspath(path))
        doc = self.desktop.loadComponentFromURL(url, "_blank", 0, (prop("Hidden", hidden),))
        if doc is None:
            raise RuntimeError("cannot open " + path)
        return doc

    def new_calc(self, hidden=True):
        return self.desktop.loadComponentFromURL("private:factory/scalc", "_blank", 0, (prop("Hidden", hidden),))
