#!/usr/bin/python3
# SPDX-License-Identifier: MPL-2.0
"""The command line of `carto-ia`: --help, --version and every bad command line.

A bad command line gets a French message, a pointer to --help and exit status 2, within a fraction
of a second: no LibreOffice is started (soffice is replaced by a script that leaves a mark)."""
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from test_cli_robustness import CLI, HEADER, OXT, ROWS  # noqa: E402
from lo_harness import SOURCE_DIR  # noqa: E402

OPTIONS = ("-o", "--output", "--figer", "--pdf", "--pdf-tout", "--edition", "--oxt", "--profile", "--force",
           "-h", "--help", "--version")
HELP_HINT = "carto-ia --help pour l'aide"


def project_version():
    with open(os.path.join(SOURCE_DIR, "CMakeLists.txt"), encoding="utf-8") as f:
        return re.search(r"project\([^)]*VERSION\s+([0-9.]+)", f.read()).group(1)


class CliOptions(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="cartoia-options-")
        cls.input = os.path.join(cls.tmp, "tableau.csv")
        with open(cls.input, "w", encoding="utf-8") as f:
            f.write(HEADER + ROWS)
        # Stands for soffice: any start leaves a mark and fails at once.
        cls.mark = os.path.join(cls.tmp, "soffice-lance")
        cls.soffice = os.path.join(cls.tmp, "soffice")
        with open(cls.soffice, "w") as f:
            f.write(f"#!/bin/sh\ntouch '{cls.mark}'\nexit 1\n")
        os.chmod(cls.soffice, 0o755)

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def run_cli(self, args):
        """Runs carto-ia with a profile of its own; asserts it was quick and started no office."""
        profile = os.path.join(self.tmp, "profil")
        env = dict(os.environ, CARTOIA_SOFFICE=self.soffice, CARTOIA_OXT=OXT)
        start = time.time()
        # The profile goes first: "-o" at the end must stay without a value.
        r = subprocess.run([CLI] + (["--profile", profile] if "generate" in args else []) + args,
                           capture_output=True, text=True, timeout=30, env=env)
        msg = f"\nargs: {args}\nstdout: {r.stdout}\nstderr: {r.stderr}"
        self.assertLess(time.time() - start, 2, "too slow" + msg)
        self.assertFalse(os.path.exists(self.mark), "LibreOffice was started" + msg)
        self.assertFalse(os.path.exists(profile), "the profile was touched" + msg)
        return r, msg

    def out(self, name):
        return os.path.join(self.tmp, name)

    def check_usage_error(self, args, words):
        r, msg = self.run_cli(args)
        self.assertEqual(r.returncode, 2, msg)
        self.assertEqual(r.stdout, "", msg)
        lines = r.stderr.splitlines()
        self.assertEqual(len(lines), 2, msg)
        self.assertTrue(lines[0].startswith("carto-ia : "), msg)
        self.assertEqual(lines[1], HELP_HINT, msg)
        self.assertNotIn("Exception", r.stderr, msg)
        for w in words:
            self.assertIn(w, lines[0], msg)

    # ---- help and version ----
    def test_help(self):
        for flag in (["--help"], ["-h"], ["generate", "--help"]):
            with self.subTest(args=flag):
                r, msg = self.run_cli(flag)
                self.assertEqual(r.returncode, 0, msg)
                self.assertEqual(r.stderr, "", msg)
                self.assertTrue(r.stdout.startswith("usage : carto-ia generate "), msg)
                for word in ("tableau des effectifs", "figée", "feuilles de synthèse", "édition", "affiche cette aide"):
                    self.assertIn(word, r.stdout, msg)
                listed = set(re.findall(r"(?<![\w-])--?[a-z][\w-]*", r.stdout))
                for option in OPTIONS:
                    self.assertIn(option, listed, msg)

    def test_no_arguments_prints_the_help_as_an_error(self):
        r, msg = self.run_cli([])
        self.assertEqual(r.returncode, 2, msg)
        self.assertEqual(r.stdout, "", msg)
        self.assertTrue(r.stderr.startswith("usage : carto-ia generate "), msg)

    def test_version(self):
        r, msg = self.run_cli(["--version"])
        self.assertEqual(r.returncode, 0, msg)
        self.assertEqual(r.stdout, f"carto-ia {project_version()}\n", msg)
        self.assertEqual(r.stderr, "", msg)

    # ---- bad command lines: exit 2 ----
    def test_unknown_option(self):
        self.check_usage_error(["generate", self.input, "-o", self.out("a.ods"), "--foo"], ["option inconnue : --foo"])
        self.check_usage_error(["generate", self.input, "-o", self.out("a.ods"), "-x"], ["option inconnue : -x"])

    def test_abbreviated_option_is_unknown(self):
        self.check_usage_error(["generate", self.input, "-o", self.out("a.ods"), "--ed", "2023"],
                               ["option inconnue : --ed"])

    def test_missing_value(self):
        self.check_usage_error(["generate", self.input, "-o"], ["valeur manquante", "--output"])
        self.check_usage_error(["generate", self.input, "-o", self.out("a.ods"), "--edition"],
                               ["valeur manquante", "--edition"])
        self.check_usage_error(["generate", self.input, "--output="], ["valeur manquante", "--output"])

    def test_value_given_to_a_switch(self):
        self.check_usage_error(["generate", self.input, "-o", self.out("a.ods"), "--force=oui"],
                               ["--force ne prend pas de valeur"])

    def test_missing_input(self):
        self.check_usage_error(["generate", "-o", self.out("a.ods")], ["tableau des effectifs manquant"])

    def test_missing_output(self):
        self.check_usage_error(["generate", self.input], ["classeur de sortie manquant", "-o"])
        self.check_usage_error(["generate", self.input, "--pdf", self.out("a.pdf")], ["classeur de sortie manquant"])

    def test_bad_edition(self):
        for edition in ("2024", "deux-mille", "", "2023-bis"):
            with self.subTest(edition=edition):
                self.check_usage_error(["generate", self.input, "-o", self.out("a.ods"), "--edition", edition],
                                       ["édition inconnue", "2023 ou 2025"])

    def test_unknown_command(self):
        self.check_usage_error(["genere", self.input, "-o", self.out("a.ods")], ["commande inconnue : genere"])
        self.check_usage_error(["-o", self.out("a.ods")], ["commande manquante"])

    def test_extra_argument(self):
        self.check_usage_error(["generate", self.input, self.input, "-o", self.out("a.ods")], ["argument en trop"])

    # ---- accepted command lines reach the checks of main() ----
    def test_every_option_is_accepted(self):
        missing = self.out("absent.csv")
        r, msg = self.run_cli(["generate", missing, "-o", self.out("a.ods"), "--figer", "--pdf", self.out("a.pdf"),
                               "--pdf-tout", "--edition", "2023", "--oxt", OXT, "--force"])
        self.assertEqual(r.returncode, 1, msg)
        self.assertEqual(r.stderr, f"carto-ia : fichier introuvable : {missing}\n", msg)
        r, msg = self.run_cli(["generate", missing, "--output=" + self.out("a.xlsx"), "--edition=2025"])
        self.assertEqual(r.stderr, f"carto-ia : fichier introuvable : {missing}\n", msg)

    def test_repeated_option_keeps_its_last_value(self):
        elsewhere = os.path.join(self.tmp, "nulle-part", "b.ods")
        r, msg = self.run_cli(["generate", self.input, "-o", self.out("a.ods"), "-o", elsewhere, "--force", "--force"])
        self.assertEqual(r.returncode, 1, msg)
        self.assertIn(os.path.dirname(elsewhere) + " n'existe pas", r.stderr, msg)


if __name__ == "__main__":
    unittest.main(verbosity=2)
