#!/usr/bin/python3
# SPDX-License-Identifier: MPL-2.0
"""The bad-input catalogue, replayed on the real `carto-ia` binary.

Every case asserts the exit status, a French message, that the input file is byte-for-byte
unchanged (SHA-256), and that no LibreOffice process is left on the run's profile."""
import hashlib
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import unittest
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(os.path.dirname(HERE), "integration"))
from lo_harness import CLI, OXT, SAMPLE, Office, prop  # noqa: E402

HEADER = "Matricule;Intitulé du poste;Métier;Catégorie;Filière;Direction;Service;ETP\n"
ROWS = ("P1;Agent d'accueil;Agent d'accueil;C;administrative;Population;Accueil;1\n"
        "P2;Policière municipale;Policier municipal;C;police municipale;Sécurité;Police;1\n"
        "P3;Jardinier;Jardinier;C;technique;Espaces verts;Parcs;0,8\n")
FRENCH = ("é", "è", "à", "ê", " le ", " la ", " les ", " du ", " de ", " pas ", " est ")


def sha(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def offices_on(profile):
    """PIDs of processes whose command line names this profile."""
    found = []
    needle = os.path.abspath(profile).encode()
    for pid in os.listdir("/proc"):
        if not pid.isdigit() or int(pid) == os.getpid():
            continue
        try:
            with open(f"/proc/{pid}/cmdline", "rb") as f:
                cmd = f.read()
        except OSError:
            continue
        if needle in cmd and b"soffice" in cmd:
            found.append(int(pid))
    return found


def wait_no_office(profile, seconds=10):
    deadline = time.time() + seconds
    while time.time() < deadline:
        if not offices_on(profile):
            return []
        time.sleep(0.2)
    return offices_on(profile)


class CliCatalogue(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="cartoia-robust-")
        os.chmod(cls.tmp, 0o755)
        cls.profile = os.path.join(cls.tmp, "profile")
        # One run installs the extension in the profile; the cases then reuse it.
        good = cls.write("warmup.csv", HEADER + ROWS)
        r = cls.run_cli([good, "-o", os.path.join(cls.tmp, "warmup.ods")])
        if r.returncode != 0:
            raise RuntimeError("warm-up run failed: " + r.stderr)
        make_fixtures(cls.tmp)

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)

    @classmethod
    def write(cls, name, content, mode=None):
        path = os.path.join(cls.tmp, name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as f:
            f.write(content if isinstance(content, bytes) else content.encode("utf-8"))
        if mode is not None:
            os.chmod(path, mode)
        return path

    @classmethod
    def run_cli(cls, args, profile=None, user=None, timeout=300):
        cmd = [CLI, "generate"] + args + ["--oxt", OXT, "--profile", profile or cls.profile]
        if user:
            cmd = ["setpriv", "--reuid=" + user, "--regid=nogroup", "--clear-groups"] + cmd
        return subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)

    def check(self, args, want_rc, words=(), input_path=None, profile=None, user=None, out_words=()):
        """Runs one case and asserts the common guarantees."""
        before = sha(input_path) if input_path else None
        r = self.run_cli(args, profile=profile, user=user)
        msg = f"\nstdout: {r.stdout}\nstderr: {r.stderr}"
        self.assertEqual(r.returncode, want_rc, msg)
        if want_rc != 0:
            self.assertTrue(r.stderr.startswith("carto-ia : "), msg)
            self.assertTrue(any(w in r.stderr for w in FRENCH), "message not French" + msg)
            self.assertNotIn("Exception", r.stderr, msg)
        for w in words:
            self.assertIn(w, r.stderr, msg)
        for w in out_words:
            self.assertIn(w, r.stdout, msg)
        if input_path:
            self.assertEqual(sha(input_path), before, "the input was modified")
        self.assertEqual(wait_no_office(profile or self.profile), [], "an office process was left running")
        return r

    def out(self, name):
        return os.path.join(self.tmp, name)

    # ---- input files ----
    def test_empty_file(self):
        p = self.write("vide.csv", b"")
        self.check([p, "-o", self.out("vide.ods")], 1, ["aucun poste lisible"], p)
        self.assertFalse(os.path.exists(self.out("vide.ods")))

    def test_png_renamed_csv(self):
        png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 40
        p = self.write("image.csv", png)
        self.check([p, "-o", self.out("image.ods")], 1, [], p)

    def test_header_only(self):
        p = self.write("entete.csv", HEADER)
        self.check([p, "-o", self.out("entete.ods")], 1, ["aucun poste lisible"], p)

    def test_invalid_utf8_is_decoded_and_reported(self):
        p = self.write("octets-abimes.csv", (HEADER + ROWS).encode() + b"P4;R\xe9gisseur;R\xc3\xa9gisseur;B;technique;Culture;Salles;1\n")
        r = self.check([p, "-o", self.out("octets-abimes.ods")], 0, [], p, out_words=["octet invalide", "encodage UTF-8"])
        self.assertIn("Intitulé du poste → intitulé", r.stdout)

    def test_utf16_le_and_be(self):
        for enc, bom in (("utf-16-le", b"\xff\xfe"), ("utf-16-be", b"\xfe\xff")):
            with self.subTest(enc=enc):
                p = self.write(f"{enc}.csv", bom + (HEADER + ROWS).replace(";", "\t").encode(enc))
                self.check([p, "-o", self.out(f"{enc}.ods"), "--force"], 0, [], p, out_words=["3 postes"])

    def test_five_thousand_columns(self):
        extra = ";".join(f"Col{i}" for i in range(5000))
        rows = "".join(line + ";" + ";".join("x" for _ in range(5000)) + "\n" for line in ROWS.splitlines())
        p = self.write("larges.csv", HEADER.rstrip("\n") + ";" + extra + "\n" + rows)
        self.check([p, "-o", self.out("larges.ods")], 0, [], p, out_words=["3 postes"])

    def test_ten_megabyte_cell(self):
        p = self.write("grosse.csv", HEADER + ROWS + "P4;" + "a" * (10 * 1024 * 1024) + ";;C;;;;1\n")
        self.check([p, "-o", self.out("grosse.ods")], 0, [], p, out_words=["4 postes"])

    def test_formula_like_cells_stay_text(self):
        p = self.write("formules.csv", HEADER + "P1;=1+1;+SOMME(A1);C;@admin;-2;Accueil;1\n")
        self.check([p, "-o", self.out("formules.ods")], 0, [], p)
        with zipfile.ZipFile(self.out("formules.ods")) as z:
            content = z.read("content.xml").decode()
        self.assertIn("=1+1", content)
        self.assertNotIn('table:formula="of:=1+1"', content)
        self.assertNotIn("of:+SOMME", content)

    def test_corrupt_spreadsheets(self):
        for ext in ("xlsx", "ods"):
            with self.subTest(ext=ext):
                p = self.write(f"abime.{ext}", b"PK\x03\x04" + os.urandom(4000))
                self.check([p, "-o", self.out(f"abime-{ext}.ods")], 1, ["ne s'ouvre pas comme un classeur"], p)

    def test_password_protected_spreadsheets(self):
        # protege.ods is encrypted by LibreOffice itself. LibreOffice 7.4 cannot write an encrypted .xlsx:
        # that one is the shape Excel gives it (an OLE compound file with an EncryptionInfo stream).
        cfb = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504) + "EncryptionInfo".encode("utf-16-le") + bytes(3000)
        self.write("protege.xlsx", cfb)
        for ext in ("ods", "xlsx"):
            with self.subTest(ext=ext):
                p = os.path.join(self.tmp, f"protege.{ext}")
                self.check([p, "-o", self.out(f"protege-{ext}.ods")], 1, ["protégé par un mot de passe"], p)

    def test_accented_message_from_the_office_is_not_garbled(self):
        p = os.path.join(self.tmp, "sans-intitule.ods")
        self.check([p, "-o", self.out("sans-intitule-out.ods")], 1,
                   ["ni colonne d'intitulé de poste ni colonne de métier"], p)

    def test_accents_and_spaces_in_paths(self):
        p = self.write("Dossier Été/tableau des effectifs n°1.csv", HEADER + ROWS)
        out = os.path.join(self.tmp, "Dossier Été", "carto ça.ods")
        self.check([p, "-o", out, "--pdf", out[:-4] + ".pdf"], 0, [], p)
        self.assertTrue(os.path.getsize(out) > 0 and os.path.getsize(out[:-4] + ".pdf") > 0)

    # ---- outputs ----
    def test_output_equal_to_input_is_refused_even_with_force(self):
        p = self.write("entree.csv", HEADER + ROWS)
        link = os.path.join(self.tmp, "lien.csv")
        if not os.path.lexists(link):
            os.symlink(p, link)
        cases = [["-o", p, "--force"], ["-o", p[:-4] + ".ods", "--pdf", p, "--force"], ["-o", self.out("x.ods"), "--pdf", p, "--force"],
                 ["-o", link, "--force"], ["-o", self.out("y.ods"), "--pdf", link, "--force"],
                 ["-o", os.path.join(self.tmp, ".", "entree.csv"), "--force"]]
        for extra in cases:
            with self.subTest(args=extra):
                self.check([p] + extra, 1, ["écraserait le tableau d'entrée"], p)

    def test_same_name_for_workbook_and_pdf(self):
        p = self.write("entree2.csv", HEADER + ROWS)
        self.check([p, "-o", self.out("meme.ods"), "--pdf", self.out("meme.ods")], 1, ["même nom"], p)

    def test_existing_output_needs_force(self):
        p = self.write("entree3.csv", HEADER + ROWS)
        existing = self.write("existe.ods", b"mine")
        self.check([p, "-o", existing], 1, ["existe déjà"], p)
        with open(existing, "rb") as f:
            self.assertEqual(f.read(), b"mine")

    def test_missing_output_folder(self):
        p = self.write("entree4.csv", HEADER + ROWS)
        self.check([p, "-o", os.path.join(self.tmp, "nulle-part", "x.ods")], 1, ["n'existe pas"], p)

    def test_read_only_output_folder_is_found_before_the_work(self):
        p = self.write("entree5.csv", HEADER + ROWS, mode=0o644)
        ro = os.path.join(self.tmp, "lecture-seule")
        os.makedirs(ro, exist_ok=True)
        os.chmod(ro, 0o555)
        start = time.time()
        # As an ordinary user: root writes everywhere.
        self.check([p, "-o", os.path.join(ro, "x.ods")], 1, ["n'est pas accessible en écriture"], p,
                   profile=os.path.join(self.tmp, "profil-nobody"), user="nobody")
        self.assertLess(time.time() - start, 5, "the check must come before LibreOffice starts")

    # ---- PDF ----
    def test_pdf_has_summary_sheets_unless_all_asked(self):
        def pages(path):
            out = subprocess.run(["pdfinfo", path], capture_output=True, text=True).stdout
            return int(next(l.split()[-1] for l in out.splitlines() if l.startswith("Pages:")))
        self.check([SAMPLE, "-o", self.out("s.ods"), "--pdf", self.out("s.pdf")], 0, [], SAMPLE)
        self.check([SAMPLE, "-o", self.out("t.ods"), "--pdf", self.out("t.pdf"), "--pdf-tout"], 0, [], SAMPLE)
        summary, everything = pages(self.out("s.pdf")), pages(self.out("t.pdf"))
        self.assertGreater(summary, 2)
        self.assertGreater(everything, summary + 20)  # 1 000 posts alone take dozens of pages

    # ---- interruption and concurrency ----
    def test_kill_mid_run_leaves_no_office_and_no_output(self):
        p = self.write("tue.csv", HEADER + ROWS)
        before = sha(SAMPLE)
        for sig in (signal.SIGTERM, signal.SIGINT):
            with self.subTest(sig=sig):
                out = self.out(f"tue-{int(sig)}.ods")
                proc = subprocess.Popen([CLI, "generate", SAMPLE, "-o", out, "--oxt", OXT, "--profile", self.profile],
                                        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                deadline = time.time() + 60
                while not offices_on(self.profile) and time.time() < deadline and proc.poll() is None:
                    time.sleep(0.05)
                self.assertTrue(offices_on(self.profile), "no office started: %s %s" % (
                    proc.returncode, proc.communicate() if proc.poll() is not None else ""))
                time.sleep(1.5)
                proc.send_signal(sig)
                proc.wait(timeout=30)
                self.assertEqual(proc.returncode, -int(sig))
                self.assertEqual(wait_no_office(self.profile), [])
                self.assertFalse(os.path.exists(out))
                self.assertEqual([f for f in os.listdir(self.tmp) if ".carto-ia-" in f], [])
        self.assertEqual(sha(SAMPLE), before)
        # The profile still works afterwards.
        self.check([p, "-o", self.out("apres.ods")], 0, [], p)

    def test_two_runs_at_once_on_the_same_profile(self):
        p = self.write("double.csv", HEADER + ROWS)
        results = {}

        def run(name):
            results[name] = self.run_cli([p, "-o", self.out(name)])
        threads = [threading.Thread(target=run, args=(n,)) for n in ("un.ods", "deux.ods")]
        for t in threads:
            t.start()
            time.sleep(0.3)
        for t in threads:
            t.join()
        for name, r in results.items():
            self.assertEqual(r.returncode, 0, f"{name}: {r.stdout} {r.stderr}")
            self.assertTrue(os.path.getsize(self.out(name)) > 0)
        self.assertTrue(any("attente" in r.stdout for r in results.values()))
        self.assertEqual(wait_no_office(self.profile), [])

    # ---- damaged extension ----
    def test_damaged_extension_data(self):
        damaged = os.path.join(self.tmp, "profil-abime")
        if not os.path.exists(damaged):
            shutil.copytree(self.profile, damaged, symlinks=True)
        data = [os.path.join(d, f) for d, _, fs in os.walk(damaged) for f in fs if f == "cartoia-data.json"]
        self.assertTrue(data, "installed data file not found")
        for path in data:
            with open(path, "w") as f:
                f.write('{"format": 2, "tronqu')
        p = self.write("entree6.csv", HEADER + ROWS)
        self.check([p, "-o", self.out("abime-data.ods")], 1, ["endommagées", "réinstallez"], p, profile=damaged)
        # In Calc: one error value, the same for every function.
        with Office(profile=damaged) as office:
            doc = office.desktop.loadComponentFromURL("private:factory/scalc", "_blank", 0, (prop("Hidden", True),))
            sheet = doc.Sheets.getByIndex(0)
            formulas = ['=FR.CARTOIA.METIERS.FUNCTIONS.AIEXPOSURE("4110")',
                        '=FR.CARTOIA.METIERS.FUNCTIONS.ISCOMAP("Jardinier")',
                        '=FR.CARTOIA.METIERS.FUNCTIONS.ISCOLABEL("4110")']
            for i, f in enumerate(formulas):
                sheet.getCellByPosition(0, i).setFormula(f)
            doc.calculateAll()
            errors = {sheet.getCellByPosition(0, i).getError() for i in range(len(formulas))}
            doc.close(True)
        self.assertEqual(errors, {519})


def make_fixtures(folder):
    """Made by LibreOffice itself: a protected .ods holding a small staff table, and an .ods whose
    columns name neither a job title nor a métier."""
    with Office() as office:
        doc = office.desktop.loadComponentFromURL("private:factory/scalc", "_blank", 0, (prop("Hidden", True),))
        sheet = doc.Sheets.getByIndex(0)
        for r, line in enumerate((HEADER + ROWS).splitlines()):
            for c, v in enumerate(line.split(";")):
                sheet.getCellByPosition(c, r).setString(v)
        url = "file://" + os.path.join(folder, "protege.ods")
        doc.storeToURL(url, (prop("FilterName", "calc8"), prop("Password", "secret"), prop("Overwrite", True)))
        for c, v in enumerate(["Matricule", "Catégorie", "Filière", "Direction"] + [""] * 4):
            sheet.getCellByPosition(c, 0).setString(v)
        doc.storeToURL("file://" + os.path.join(folder, "sans-intitule.ods"), (prop("FilterName", "calc8"),))
        doc.close(True)


if __name__ == "__main__":
    unittest.main(verbosity=2)
