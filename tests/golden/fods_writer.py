# SPDX-License-Identifier: MPL-2.0
"""Writes golden test workbooks as flat ODF spreadsheets (.fods), in the spirit of LibreOffice's
sc/qa/unit/data/functions/addin/fods: one row per check, readable and runnable in Calc.

Layout of every test sheet (row 1 is the header, one check per following row):

  A  Description
  B  Result: the formula under test
  C  Expected: a number, a text, an error token ("#N/A", "Err:502", "#VALUE!") or,
     for a "between" check, the lower bound
  D  Pass: a formula a spreadsheet user can read, TRUE when B matches C
  E  Check: number | text | error | between (how B is compared with C)
  F  Upper bound (between checks only)
  H… optional side table the formulas may refer to (e.g. an ISCO_MAP overrides range)

The first sheet, "Summary", counts the checks and passes of every test sheet.
tests/integration/golden_check.py reads the same layout, and compares B with C on its own too.
"""
from dataclasses import dataclass, field
from xml.sax.saxutils import escape, quoteattr

AIEXPOSURE = "FR.CARTOIA.METIERS.FUNCTIONS.AIEXPOSURE"
ISCOLABEL = "FR.CARTOIA.METIERS.FUNCTIONS.ISCOLABEL"
ISCOMAP = "FR.CARTOIA.METIERS.FUNCTIONS.ISCOMAP"
METIERMAP = "FR.CARTOIA.METIERS.FUNCTIONS.METIERMAP"
AITASK = "FR.CARTOIA.METIERS.FUNCTIONS.AITASK"

# Calc's error values: token shown in the cell -> XCell.getError() / ORG.OPENOFFICE.ERRORTYPE().
# ERROR.TYPE() is the Excel-compatible variant: it knows #N/A (7) and #VALUE! (3) but gives #N/A
# itself for Err:502, so the pass cells use ORG.OPENOFFICE.ERRORTYPE (ERRORTYPE in the Calc UI).
ERROR_CODES = {"#N/A": 32767, "Err:502": 502, "#VALUE!": 519, "#NAME?": 525}

HEADER = ("Description", "Result", "Expected", "Pass", "Check", "Upper bound")
SUMMARY_SHEET = "Summary"
LAST_ROW = 100000  # summary formulas look at rows 2..LAST_ROW of each test sheet


class Ref(str):
    """A raw ODF reference or expression used as a function argument, e.g. Ref("[.H2:.I4]")."""


def odf_string(s):
    return '"' + s.replace('"', '""') + '"'


def odf_number(x):
    if isinstance(x, bool):
        return "TRUE()" if x else "FALSE()"
    if isinstance(x, int):
        return str(x)
    return repr(float(x))


def call(function, *args):
    """ODF formula text of a call: str -> quoted text, int/float -> number, None -> omitted
    argument, Ref -> as is."""
    parts = []
    for a in args:
        if a is None:
            parts.append("")
        elif isinstance(a, Ref):
            parts.append(str(a))
        elif isinstance(a, str):
            parts.append(odf_string(a))
        else:
            parts.append(odf_number(a))
    return f"{function}({';'.join(parts)})"


@dataclass
class Case:
    description: str
    formula: str  # ODF formula without the leading "of:=" (e.g. 'FR...AIEXPOSURE("4110")')
    expected: object  # float/int, text, error token, or (low, high) for a between check
    literal: str = None  # exact number text to write for a number (e.g. "0.31" as in the CSV)

    @property
    def kind(self):
        e = self.expected
        if isinstance(e, tuple):
            return "between"
        if isinstance(e, (int, float)) and not isinstance(e, bool):
            return "number"
        if isinstance(e, str):
            return "error" if e in ERROR_CODES else "text"
        raise TypeError(f"unsupported expected value {e!r}")


@dataclass
class Sheet:
    name: str
    cases: list
    side_header: tuple = ()  # header of the side table in column H…
    side_rows: list = field(default_factory=list)  # its rows (text or numbers), from row 2


def pass_formula(kind, expected, r):
    b, c, f = f"[.B{r}]", f"[.C{r}]", f"[.F{r}]"
    if kind == "number":
        return f"IF(ISNUMBER({b});ABS({b}-{c})<1E-9;FALSE())"
    if kind == "text":
        return f"IF(ISTEXT({b});EXACT({b};{c});FALSE())"
    if kind == "between":
        return f"IF(ISNUMBER({b});AND({b}>={c};{b}<={f});FALSE())"
    if expected == "#N/A":
        return f"ISNA({b})"
    return f"IF(ISERROR({b});ORG.OPENOFFICE.ERRORTYPE({b})={ERROR_CODES[expected]};FALSE())"


# -- XML ------------------------------------------------------------------

def _text_cell(s, style=None):
    st = f' table:style-name="{style}"' if style else ""
    return (f'<table:table-cell{st} office:value-type="string" calcext:value-type="string">'
            f"<text:p>{escape(s)}</text:p></table:table-cell>")


def _number_cell(x, literal=None):
    v = literal if literal is not None else odf_number(x)
    return (f'<table:table-cell office:value-type="float" office:value="{v}" calcext:value-type="float">'
            f"<text:p>{v}</text:p></table:table-cell>")


def _formula_cell(formula, style=None):
    st = f' table:style-name="{style}"' if style else ""
    return f"<table:table-cell{st} table:formula={quoteattr('of:=' + formula)}/>"


def _value_cell(v):
    if v is None:
        return "<table:table-cell/>"
    if isinstance(v, str):
        return _text_cell(v)
    return _number_cell(v)


def _row(cells):
    return "    <table:table-row>" + "".join(cells) + "</table:table-row>\n"


def _sheet_ref(name, col, row1, row2):
    quoted = "'" + name.replace("'", "''") + "'"
    return f"[${quoted}.{col}{row1}:.{col}{row2}]"


def _test_sheet_xml(sheet):
    out = [f"  <table:table table:name={quoteattr(sheet.name)}>\n",
           '   <table:table-column table:style-name="coDesc"/>\n',
           '   <table:table-column table:style-name="coWide"/>\n',
           '   <table:table-column table:style-name="coWide"/>\n',
           '   <table:table-column table:style-name="coNarrow" table:default-cell-style-name="ceBool"/>\n',
           '   <table:table-column table:style-name="coNarrow" table:number-columns-repeated="2"/>\n',
           '   <table:table-column table:style-name="coGap"/>\n',
           '   <table:table-column table:style-name="coWide" table:number-columns-repeated="2"/>\n']
    head = [_text_cell(h, "ceHead") for h in HEADER]
    if sheet.side_header:
        head += ["<table:table-cell/>"] + [_text_cell(h, "ceHead") for h in sheet.side_header]
    out.append(_row(head))
    n = max(len(sheet.cases), len(sheet.side_rows))
    for i in range(n):
        r = i + 2
        cells = []
        if i < len(sheet.cases):
            c = sheet.cases[i]
            kind = c.kind
            cells.append(_text_cell(c.description))
            cells.append(_formula_cell(c.formula))
            if kind == "between":
                cells.append(_number_cell(c.expected[0]))
            elif kind == "number":
                cells.append(_number_cell(c.expected, c.literal))
            else:
                cells.append(_text_cell(c.expected))
            cells.append(_formula_cell(pass_formula(kind, c.expected, r), "ceBool"))
            cells.append(_text_cell(kind))
            cells.append(_number_cell(c.expected[1]) if kind == "between" else "<table:table-cell/>")
        else:
            cells.append('<table:table-cell table:number-columns-repeated="6"/>')
        if i < len(sheet.side_rows):
            cells.append("<table:table-cell/>")
            cells.extend(_value_cell(v) for v in sheet.side_rows[i])
        out.append(_row(cells))
    out.append("  </table:table>\n")
    return "".join(out)


def _summary_xml(sheets):
    out = [f'  <table:table table:name="{SUMMARY_SHEET}">\n',
           '   <table:table-column table:style-name="coDesc"/>\n',
           '   <table:table-column table:style-name="coNarrow" table:number-columns-repeated="2"/>\n',
           '   <table:table-column table:style-name="coNarrow" table:default-cell-style-name="ceBool"/>\n']
    out.append(_row([_text_cell(h, "ceHead") for h in ("Sheet", "Checks", "Passed", "All passed")]))
    for i, s in enumerate(sheets):
        r = i + 2
        out.append(_row([
            _text_cell(s.name),
            _formula_cell(f"COUNTA({_sheet_ref(s.name, 'E', 2, LAST_ROW)})"),
            _formula_cell(f"COUNTIF({_sheet_ref(s.name, 'D', 2, LAST_ROW)};TRUE())"),
            _formula_cell(f"AND([.B{r}]>0;[.C{r}]=[.B{r}])", "ceBool"),
        ]))
    last = len(sheets) + 1
    t = last + 1
    out.append(_row([
        _text_cell("Total", "ceHead"),
        _formula_cell(f"SUM([.B2:.B{last}])"),
        _formula_cell(f"SUM([.C2:.C{last}])"),
        _formula_cell(f"AND([.B{t}]>0;[.C{t}]=[.B{t}])", "ceBool"),
    ]))
    out.append("  </table:table>\n")
    return "".join(out)


_PROLOGUE = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0"
 xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2"
 xmlns:calcext="urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
 <office:automatic-styles>
  <number:boolean-style style:name="NBool"><number:boolean/></number:boolean-style>
  <style:style style:name="coDesc" style:family="table-column"><style:table-column-properties style:column-width="7cm"/></style:style>
  <style:style style:name="coWide" style:family="table-column"><style:table-column-properties style:column-width="5cm"/></style:style>
  <style:style style:name="coNarrow" style:family="table-column"><style:table-column-properties style:column-width="2.2cm"/></style:style>
  <style:style style:name="coGap" style:family="table-column"><style:table-column-properties style:column-width="0.8cm"/></style:style>
  <style:style style:name="ceHead" style:family="table-cell" style:parent-style-name="Default"><style:text-properties fo:font-weight="bold"/></style:style>
  <style:style style:name="ceBool" style:family="table-cell" style:parent-style-name="Default" style:data-style-name="NBool"/>
 </office:automatic-styles>
 <office:body>
  <office:spreadsheet>
"""

_EPILOGUE = """  </office:spreadsheet>
 </office:body>
</office:document>
"""


def render(sheets, comment=None):
    """The .fods text of a workbook: a Summary sheet, then one sheet per Sheet."""
    xml = _PROLOGUE
    if comment:
        xml = xml.replace("<office:document", "<!-- " + escape(comment).replace("--", "- -") + " -->\n<office:document", 1)
    return xml + _summary_xml(sheets) + "".join(_test_sheet_xml(s) for s in sheets) + _EPILOGUE


def write(path, text):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
