#!/usr/bin/env python3
"""Makes the session-42 copies: each table's clean copy (.clean.txt, the source) written as a plain HTML table
(border 1, no widths; each row's cells in order, its last cell spanning the rest of the row, the title above the table),
printed to PDF by LibreOffice (`-hlo`) and by chromium (`-hweb`, --print-to-pdf), and copied three ways:
`pdftotext -layout` (.layout.txt), `pdftotext` in reading order (.raw.txt) and `pdftotext -raw`, the text in the order
the PDF draws it, one run of text a line, as a browser's PDF viewer copies it (.browser.txt). It also adds the
.browser.txt copies of the session-41 prints (make_html_wrapped.py's tables, `-lo` / `-web`).
Every copy must be read exactly as its clean copy, or refused with what to do (ImportingPdfCopyTests,
ImportingHtmlPrintTests). Run: python3 make_html_prints.py [work folder] (needs soffice, chromium and pdftotext);
the PDFs are not kept."""
import os, subprocess, sys, tempfile
from html import escape

HERE = os.path.dirname(os.path.abspath(__file__))
# The tables with a source from ../shared/reference (make_office.py) and invented ones in other provinces' layouts.
TABLES = ["gx-jiuye", "zw-chuangye", "zw-jianxi", "zw-jingfei", "zw-shifan", "hn-yaowu", "sd-gonglu", "js-wushui",
          "ah-shuiku", "yn-jiuye"]


def html(clean):
    lines = [l.split("\t") for l in clean.rstrip("\n").split("\n")]
    title = lines[0][0] if len(lines[0]) == 1 else None
    rows = lines[1:] if title else lines
    width = max(len(r) for r in rows)
    td = lambda s, span=1: f"<td colspan=\"{span}\">{escape(s)}</td>" if span > 1 else f"<td>{escape(s)}</td>"
    out = ["<html><head><meta charset=\"utf-8\"></head><body>"]
    if title:
        out.append(f"<p><b>{escape(title)}</b></p>")
    out.append("<table border=\"1\">")
    for r in rows:
        out.append("<tr>" + "".join(td(c) for c in r[:-1]) + td(r[-1], width - len(r) + 1) + "</tr>")
    out.append("</table>\n</body></html>\n")
    return "\n".join(out)


def copies(pdf, stem, kinds):
    if "layout" in kinds:
        subprocess.run(["pdftotext", "-layout", pdf, os.path.join(HERE, stem + ".layout.txt")], check=True)
    if "raw" in kinds:
        subprocess.run(["pdftotext", pdf, os.path.join(HERE, stem + ".raw.txt")], check=True)
    if "browser" in kinds:
        subprocess.run(["pdftotext", "-raw", pdf, os.path.join(HERE, stem + ".browser.txt")], check=True)


def print_both(src, work, name, lo, web):
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", work, src], check=True, capture_output=True)
    os.replace(os.path.join(work, name + ".pdf"), os.path.join(work, f"{name}-{lo}.pdf"))
    subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                    f"--print-to-pdf={os.path.join(work, f'{name}-{web}.pdf')}", "file://" + src], check=True, capture_output=True)


def main():
    work = sys.argv[1] if len(sys.argv) > 1 else tempfile.mkdtemp()
    for name in TABLES:
        with open(os.path.join(HERE, name + ".clean.txt"), encoding="utf-8") as f:
            clean = f.read()
        src = os.path.join(work, name + ".html")
        with open(src, "w", encoding="utf-8") as f:
            f.write(html(clean))
        print_both(src, work, name, "hlo", "hweb")
        for printer in ("hlo", "hweb"):
            copies(os.path.join(work, f"{name}-{printer}.pdf"), f"{name}-{printer}", ("layout", "raw", "browser"))
    sys.path.insert(0, HERE)
    import make_html_wrapped as wrapped
    for name, t in wrapped.TABLES.items():
        src = os.path.join(work, name + ".html")
        with open(src, "w", encoding="utf-8") as f:
            f.write(wrapped.html(t))
        print_both(src, work, name, "lo", "web")
        for printer in ("lo", "web"):
            copies(os.path.join(work, f"{name}-{printer}.pdf"), f"{name}-{printer}", ("browser",))


if __name__ == "__main__":
    main()
