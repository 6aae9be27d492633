# SPDX-License-Identifier: MPL-2.0
"""A private Xvfb server for GUI tests and screenshots.

    with Xvfb(1280, 800) as xv:          # picks a free display itself (-displayfd)
        env = xv.env()                  # os.environ + DISPLAY
        ...
        xv.wait_stable()                # until two root-window grabs are identical
        xv.screenshot("shot.png")       # xwd -root -silent | convert xwd:- shot.png

Xvfb runs in its own process group and is always stopped at exit (also by atexit)."""
import atexit
import os
import select
import shutil
import signal
import subprocess
import time


class XvfbError(RuntimeError):
    pass


class Xvfb:
    def __init__(self, width=1280, height=800, depth=24, timeout=15):
        self.width = width
        self.height = height
        self.depth = depth
        self.timeout = timeout
        self.proc = None
        self.display = None

    # -- lifecycle --------------------------------------------------------
    def start(self):
        exe = shutil.which("Xvfb")
        if exe is None:
            raise XvfbError("Xvfb not found (apt-get install xvfb)")
        rfd, wfd = os.pipe()
        try:
            self.proc = subprocess.Popen(
                [exe, "-displayfd", str(wfd), "-screen", "0", f"{self.width}x{self.height}x{self.depth}",
                 "-nolisten", "tcp", "-noreset"],
                pass_fds=(wfd,), stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL, start_new_session=True)
        finally:
            os.close(wfd)
        atexit.register(self.stop)
        try:
            number = self._read_display(rfd)
        except BaseException:
            self.stop()
            raise
        finally:
            os.close(rfd)
        self.display = ":" + number
        return self

    def _read_display(self, rfd):
        """Xvfb writes the display number followed by a newline once it accepts connections."""
        buf = b""
        deadline = time.monotonic() + self.timeout
        while not buf.endswith(b"\n"):
            left = deadline - time.monotonic()
            if left <= 0:
                raise XvfbError("Xvfb did not report its display within %ss" % self.timeout)
            ready, _, _ = select.select([rfd], [], [], min(left, 0.5))
            if ready:
                chunk = os.read(rfd, 64)
                if not chunk:
                    raise XvfbError("Xvfb exited before reporting a display (exit %s)" % self.proc.poll())
                buf += chunk
            elif self.proc.poll() is not None:
                raise XvfbError("Xvfb exited with %s" % self.proc.returncode)
        return buf.decode().strip()

    def stop(self):
        if self.proc is None:
            return
        if self.proc.poll() is None:
            try:
                os.killpg(self.proc.pid, signal.SIGTERM)
            except ProcessLookupError:
                pass
            try:
                self.proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                try:
                    os.killpg(self.proc.pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
                self.proc.wait(timeout=5)
        self.proc = None
        atexit.unregister(self.stop)

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()
        return False

    # -- helpers ----------------------------------------------------------
    def env(self, base=None):
        env = dict(os.environ if base is None else base)
        env["DISPLAY"] = self.display
        return env

    def run(self, args, **kw):
        """Runs an X client (xdotool, xwd, ...) on this display."""
        return subprocess.run(args, env=self.env(), check=True, **kw)

    def grab(self):
        """Raw xwd dump of the root window (bytes), for comparisons."""
        return self.run(["xwd", "-root", "-silent"], stdout=subprocess.PIPE).stdout

    def wait_stable(self, interval=0.5, timeout=30, settle=2):
        """Waits until `settle` consecutive grabs `interval` apart equal the previous one.
        Returns the seconds waited; raises XvfbError on timeout."""
        start = time.monotonic()
        last = self.grab()
        same = 0
        while same < settle:
            if time.monotonic() - start > timeout:
                raise XvfbError("screen did not settle within %ss" % timeout)
            time.sleep(interval)
            cur = self.grab()
            same = same + 1 if cur == last else 0
            last = cur
        return time.monotonic() - start

    def screenshot(self, path):
        """Writes the whole screen to `path` (format from the extension, via ImageMagick), without
        metadata (no timestamps), so that identical screens give identical files."""
        xwd = self.grab()
        subprocess.run(["convert", "xwd:-", "-strip", path], input=xwd, check=True)
        return path
