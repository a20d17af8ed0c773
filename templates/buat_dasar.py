"""Build templates/dasar.docx, the base Word template of perbup_gen.

    .venv/bin/python templates/buat_dasar.py [output.docx]

The renderer (perbup_gen/render_docx.py) keeps every part of this package except the body of
word/document.xml (it keeps its w:sectPr: header, footer, title page), the list instances of
word/numbering.xml (it adds its own w:num, keeping the abstract definitions) and docProps/core.xml.
So a district may open dasar.docx in Word, change the paragraph styles, the list definitions,
the header, and save it: the renderer looks styles and list definitions up by NAME, not by id.

Page size, margins, font name and size come from TataLetak at render time (they are applied to the
sectPr, the document defaults and the "Normal" style).

The output is deterministic: running this script twice gives identical bytes.
"""
from __future__ import annotations

import io
import re
import sys
import zipfile
from pathlib import Path

FONT = "Bookman Old Style"
SIZE = 24  # half-points: 12 pt
# F4 215 x 330 mm, margins top 20, bottom 20, left 30, right 20 mm (twips = mm * 1440 / 25.4)
PAGE_W, PAGE_H = 12189, 18709
MARGIN_T, MARGIN_B, MARGIN_L, MARGIN_R = 1134, 1134, 1701, 1134
TEXT_W = PAGE_W - MARGIN_L - MARGIN_R  # 9354
HALF = TEXT_W // 2  # signature blocks start here
STEP = 567  # 1 cm: one list level

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'

# --- styles --------------------------------------------------------------------------------------


def _ps(sid: str, name: str, ppr: str = "", rpr: str = "", based: str = "Normal",
        nxt: str | None = None) -> str:
    """A paragraph style. `ppr`/`rpr` must already be in schema order."""
    s = f'<w:style w:type="paragraph" w:customStyle="1" w:styleId="{sid}"><w:name w:val="{name}"/>'
    s += f'<w:basedOn w:val="{based}"/>'
    if nxt:
        s += f'<w:next w:val="{nxt}"/>'
    s += "<w:qFormat/>"
    if ppr:
        s += f"<w:pPr>{ppr}</w:pPr>"
    if rpr:
        s += f"<w:rPr>{rpr}</w:rPr>"
    return s + "</w:style>"


def _sp(before: int = 0, after: int = 0) -> str:
    return f'<w:spacing w:before="{before}" w:after="{after}"/>'


def _ind(left: int, hanging: int = 0) -> str:
    h = f' w:hanging="{hanging}"' if hanging else ""
    return f'<w:ind w:left="{left}"{h}/>'


C, L, B = '<w:jc w:val="center"/>', '<w:jc w:val="left"/>', '<w:jc w:val="both"/>'
KN = "<w:keepNext/>"
NKN = '<w:keepNext w:val="0"/>'
CTX = "<w:contextualSpacing/>"
BOLD = "<w:b/><w:bCs/>"


def styles_xml() -> str:
    fonts = f'<w:rFonts w:ascii="{FONT}" w:hAnsi="{FONT}" w:eastAsia="{FONT}" w:cs="{FONT}"/>'
    size = f'<w:sz w:val="{SIZE}"/><w:szCs w:val="{SIZE}"/>'
    lang = '<w:lang w:val="id-ID" w:eastAsia="id-ID" w:bidi="ar-SA"/>'
    out = [DECL, f'<w:styles xmlns:w="{W_NS}" xmlns:r="{R_NS}">',
           f"<w:docDefaults><w:rPrDefault><w:rPr>{fonts}{size}{lang}</w:rPr></w:rPrDefault>",
           '<w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/>'
           "</w:pPr></w:pPrDefault></w:docDefaults>",
           '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/>'
           '<w:qFormat/><w:pPr><w:widowControl/><w:spacing w:after="0" w:line="240" '
           f'w:lineRule="auto"/>{B}</w:pPr><w:rPr>{fonts}{size}{lang}</w:rPr></w:style>',
           '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont">'
           '<w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/>'
           "<w:unhideWhenUsed/></w:style>",
           '<w:style w:type="table" w:default="1" w:styleId="TableNormal">'
           '<w:name w:val="Normal Table"/>'
           '<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/><w:tblPr>'
           '<w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/>'
           '<w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/>'
           '<w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>',
           '<w:style w:type="numbering" w:default="1" w:styleId="NoList"><w:name w:val="No List"/>'
           '<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/></w:style>']
    p = out.append
    # heading, title, preamble
    p(_ps("Kepala", "Kepala", KN + _sp(0, 360) + CTX + C, BOLD))
    p(_ps("Lambang", "Lambang", KN + _sp(0, 120) + C))
    # the renderer sets the space after each title line (a blank line around "TENTANG")
    p(_ps("Judul", "Judul", KN + _sp(0, 0) + C, BOLD))
    p(_ps("Pembukaan", "Pembukaan", KN + _sp(0, 240) + C))
    p(_ps("Konsiderans", "Konsiderans", B))
    p(_ps("KonsideransButir", "Konsiderans Butir", _ind(425, 425) + B, based="Konsiderans"))
    # body of a peraturan
    p(_ps("JudulBab", "Judul Bab", KN + _sp(360, 0) + CTX + C, BOLD))
    p(_ps("JudulBagian", "Judul Bagian", KN + _sp(360, 0) + CTX + C, BOLD))
    p(_ps("JudulParagraf", "Judul Paragraf", KN + _sp(360, 0) + CTX + C, BOLD))
    p(_ps("Pasal", "Pasal", KN + _sp(360, 120) + C))
    p(_ps("IsiPasal", "Isi Pasal", _sp(0, 60) + B))
    p(_ps("Ayat", "Ayat", _sp(0, 60) + _ind(STEP, STEP) + B))
    for n in range(1, 5):
        p(_ps(f"Butir{n}", f"Butir {n}", _ind(STEP * n, STEP) + B))
    p(_ps("Definisi", "Definisi", _sp(0, 60) + _ind(STEP, STEP) + B))
    # kept with the signature below it, so the signature page is never without text
    p(_ps("Pengundangan", "Pengundangan", KN + _sp(120, 0) + B))
    # keputusan
    p(_ps("Diktum", "Diktum", B))
    p(_ps("DiktumLabel", "Diktum Label", L, BOLD, based="Diktum"))
    # closing
    p(_ps("TandaTangan", "Tanda Tangan", KN + _ind(HALF) + L))
    p(_ps("TandaTanganNama", "Tanda Tangan Nama", NKN + _sp(1200, 0), based="TandaTangan"))
    p(_ps("TandaTanganKiri", "Tanda Tangan Kiri", KN + _ind(0) + L))
    p(_ps("TandaTanganKiriNama", "Tanda Tangan Kiri Nama", NKN + _sp(1200, 0),
          based="TandaTanganKiri"))
    p(_ps("BeritaDaerah", "Berita Daerah", _sp(480, 0) + L))
    p(_ps("Tembusan", "Tembusan", _sp(480, 0) + L))
    p(_ps("TembusanButir", "Tembusan Butir", _ind(425, 425) + L, based="Tembusan"))
    # attachments and free blocks
    p(_ps("LampiranKepala", "Lampiran Kepala", _ind(HALF) + L))
    p(_ps("JudulLampiran", "Judul Lampiran", KN + _sp(360, 240) + CTX + C, BOLD))
    p(_ps("Tengah", "Tengah", _sp(0, 120) + C))
    p(_ps("JudulAlinea", "Judul Alinea", KN + _sp(240, 120) + C, BOLD))
    p(_ps("Subjudul", "Subjudul", KN + _sp(240, 60) + L, BOLD))
    p(_ps("Alinea", "Alinea", _sp(0, 120) + B))
    p(_ps("Tabel", "Tabel", L))
    # no keepNext in a table: LibreOffice would then move the whole table to the next page
    p(_ps("TabelKepala", "Tabel Kepala", C, BOLD, based="Tabel"))
    p(_ps("ParafJudul", "Paraf Judul", KN + _sp(480, 60) + L,
          BOLD + '<w:sz w:val="20"/><w:szCs w:val="20"/>'))
    p(_ps("Paraf", "Paraf", L, '<w:sz w:val="20"/><w:szCs w:val="20"/>'))
    p('<w:style w:type="paragraph" w:styleId="Header"><w:name w:val="header"/>'
      f'<w:basedOn w:val="Normal"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/><w:pPr>{C}'
      "</w:pPr></w:style>")
    # tables
    nil = "".join(f'<w:{e} w:val="nil"/>' for e in ("top", "left", "bottom", "right",
                                                     "insideH", "insideV"))
    one = "".join(f'<w:{e} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
                  for e in ("top", "left", "bottom", "right", "insideH", "insideV"))
    p('<w:style w:type="table" w:customStyle="1" w:styleId="TabelTanpaGaris">'
      '<w:name w:val="Tabel Tanpa Garis"/><w:basedOn w:val="TableNormal"/><w:tblPr>'
      f'<w:tblInd w:w="0" w:type="dxa"/><w:tblBorders>{nil}</w:tblBorders><w:tblCellMar>'
      '<w:top w:w="0" w:type="dxa"/><w:left w:w="0" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/>'
      '<w:right w:w="57" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>')
    p('<w:style w:type="table" w:customStyle="1" w:styleId="TabelBergaris">'
      '<w:name w:val="Tabel Bergaris"/><w:basedOn w:val="TableNormal"/><w:tblPr>'
      f'<w:tblInd w:w="0" w:type="dxa"/><w:tblBorders>{one}</w:tblBorders><w:tblCellMar>'
      '<w:top w:w="28" w:type="dxa"/><w:left w:w="85" w:type="dxa"/>'
      '<w:bottom w:w="28" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar>'
      "</w:tblPr></w:style>")
    p("</w:styles>")
    return "".join(out)


# --- numbering -----------------------------------------------------------------------------------

# Each list kind is one abstract definition, found by the renderer by its w:name.
# level = (numFmt, lvlText, left indent, hanging)
RINCIAN = [("lowerLetter", "%1."), ("decimal", "%2."), ("lowerLetter", "%3)"), ("decimal", "%4)")]
DEFINISI = [("decimal", "%1."), ("lowerLetter", "%2."), ("decimal", "%3)"), ("lowerLetter", "%4)")]


def _abstract(aid: int, name: str, levels: list[tuple[str, str, int, int]]) -> str:
    s = (f'<w:abstractNum w:abstractNumId="{aid}"><w:nsid w:val="5042{aid:04X}"/>'
         f'<w:multiLevelType w:val="multilevel"/><w:tmpl w:val="0421{aid:04X}"/>'
         f'<w:name w:val="{name}"/>')
    for i, (fmt, text, left, hanging) in enumerate(levels):
        s += (f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
              f'<w:suff w:val="tab"/><w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
              f'<w:pPr><w:ind w:left="{left}" w:hanging="{hanging}"/></w:pPr></w:lvl>')
    return s + "</w:abstractNum>"


ABSTRAK = [
    # name, levels
    ("Ayat", [("decimal", "(%1)", STEP, STEP)]),
    ("Rincian", [(f, t, STEP * (i + 1), STEP) for i, (f, t) in enumerate(RINCIAN)]),
    ("Rincian Ayat", [(f, t, STEP * (i + 2), STEP) for i, (f, t) in enumerate(RINCIAN)]),
    ("Definisi", [(f, t, STEP * (i + 1), STEP) for i, (f, t) in enumerate(DEFINISI)]),
    ("Definisi Ayat", [(f, t, STEP * (i + 2), STEP) for i, (f, t) in enumerate(DEFINISI)]),
    ("Menimbang", [("lowerLetter", "%1.", 425, 425)]),
    ("Mengingat", [("decimal", "%1.", 425, 425)]),
]


def numbering_xml() -> str:
    body = "".join(_abstract(i, name, lv) for i, (name, lv) in enumerate(ABSTRAK))
    # sample instances used by the sample body of document.xml (ids 1..n)
    nums = "".join(f'<w:num w:numId="{i + 1}"><w:abstractNumId w:val="{i}"/></w:num>'
                   for i in range(len(ABSTRAK)))
    return f'{DECL}<w:numbering xmlns:w="{W_NS}">{body}{nums}</w:numbering>'


# --- the other parts -----------------------------------------------------------------------------


def document_xml() -> str:
    """A sample body naming every style (for a person restyling the template), and the sectPr."""

    def para(style: str, text: str, num: int | None = None, lvl: int = 0) -> str:
        numpr = (f'<w:numPr><w:ilvl w:val="{lvl}"/><w:numId w:val="{num}"/></w:numPr>'
                 if num else "")
        return (f'<w:p><w:pPr><w:pStyle w:val="{style}"/>{numpr}</w:pPr><w:r>'
                f'<w:t xml:space="preserve">{text}</w:t></w:r></w:p>')

    ids = {name: i + 1 for i, (name, _) in enumerate(ABSTRAK)}
    body = [
        para("Kepala", "BUPATI GUNUNG MAS (gaya Kepala)"),
        para("Judul", "PERATURAN BUPATI (gaya Judul)"),
        para("Pembukaan", "DENGAN RAHMAT TUHAN YANG MAHA ESA (gaya Pembukaan)"),
        para("KonsideransButir", "bahwa ... (gaya Konsiderans Butir, daftar Menimbang);",
             ids["Menimbang"]),
        para("KonsideransButir", "Undang-Undang ... (gaya Konsiderans Butir, daftar Mengingat);",
             ids["Mengingat"]),
        para("JudulBab", "BAB I (gaya Judul Bab)"),
        para("JudulBagian", "Bagian Kesatu (gaya Judul Bagian)"),
        para("JudulParagraf", "Paragraf 1 (gaya Judul Paragraf)"),
        para("Pasal", "Pasal 1 (gaya Pasal)"),
        para("IsiPasal", "Teks pasal tanpa ayat (gaya Isi Pasal)."),
        para("Definisi", "Definisi (gaya Definisi, daftar Definisi).", ids["Definisi"]),
        para("Ayat", "Teks ayat (gaya Ayat, daftar Ayat):", ids["Ayat"]),
        para("Butir1", "butir tingkat 1 (gaya Butir 1, daftar Rincian Ayat);", ids["Rincian Ayat"]),
        para("Butir2", "butir tingkat 2 (gaya Butir 2);", ids["Rincian Ayat"], 1),
        para("Butir3", "butir tingkat 3 (gaya Butir 3);", ids["Rincian Ayat"], 2),
        para("Butir4", "butir tingkat 4 (gaya Butir 4).", ids["Rincian Ayat"], 3),
        para("Butir1", "butir tanpa ayat (gaya Butir 1, daftar Rincian).", ids["Rincian"]),
        para("Pengundangan", "Agar setiap orang mengetahuinya, ... (gaya Pengundangan)."),
        para("Diktum", "Teks diktum (gaya Diktum; label KESATU bergaya Diktum Label)."),
        para("TandaTangan", "Ditetapkan di ... (gaya Tanda Tangan)"),
        para("TandaTanganNama", "NAMA (gaya Tanda Tangan Nama)"),
        para("TandaTanganKiri", "Diundangkan di ... (gaya Tanda Tangan Kiri)"),
        para("TandaTanganKiriNama", "NAMA (gaya Tanda Tangan Kiri Nama)"),
        para("BeritaDaerah", "BERITA DAERAH ... (gaya Berita Daerah)"),
        para("Tembusan", "Tembusan (gaya Tembusan)"),
        para("LampiranKepala", "LAMPIRAN (gaya Lampiran Kepala)"),
        para("JudulLampiran", "NAMA LAMPIRAN (gaya Judul Lampiran)"),
        para("Alinea", "Alinea biasa (gaya Alinea)."),
        para("Tabel", "Isi sel tabel (gaya Tabel; baris kepala bergaya Tabel Kepala)."),
        para("Paraf", "Kotak paraf koordinasi (gaya Paraf dan Paraf Judul)."),
    ]
    sect = ('<w:sectPr><w:headerReference w:type="default" r:id="rIdHeader1"/>'
            f'<w:pgSz w:w="{PAGE_W}" w:h="{PAGE_H}"/>'
            f'<w:pgMar w:top="{MARGIN_T}" w:right="{MARGIN_R}" w:bottom="{MARGIN_B}" '
            f'w:left="{MARGIN_L}" w:header="567" w:footer="567" w:gutter="0"/>'
            '<w:cols w:space="720"/><w:titlePg/><w:docGrid w:linePitch="360"/></w:sectPr>')
    return (f'{DECL}<w:document xmlns:w="{W_NS}" xmlns:r="{R_NS}"><w:body>{"".join(body)}'
            f"{sect}</w:body></w:document>")


def header_xml() -> str:
    """Page number "- 2 -" centred at the top of every page but the first (titlePg)."""
    run = '<w:r><w:t xml:space="preserve">{}</w:t></w:r>'
    return (f'{DECL}<w:hdr xmlns:w="{W_NS}" xmlns:r="{R_NS}"><w:p><w:pPr><w:pStyle w:val="Header"/>'
            f"</w:pPr>{run.format('- ')}"
            '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
            '<w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
            '<w:r><w:t>2</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>'
            f"{run.format(' -')}</w:p></w:hdr>")


def settings_xml() -> str:
    return (f'{DECL}<w:settings xmlns:w="{W_NS}" xmlns:r="{R_NS}"><w:zoom w:percent="100"/>'
            '<w:defaultTabStop w:val="567"/><w:characterSpacingControl w:val="doNotCompress"/>'
            '<w:compat><w:compatSetting w:name="compatibilityMode" '
            'w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>'
            '<w:themeFontLang w:val="id-ID"/>'
            '<w:clrSchemeMapping w:bg1="light1" w:t1="dark1" w:bg2="light2" w:t2="dark2" '
            'w:accent1="accent1" w:accent2="accent2" w:accent3="accent3" w:accent4="accent4" '
            'w:accent5="accent5" w:accent6="accent6" w:hyperlink="hyperlink" '
            'w:followedHyperlink="followedHyperlink"/>'
            '<w:decimalSymbol w:val=","/><w:listSeparator w:val=";"/></w:settings>')


def font_table_xml() -> str:
    return (f'{DECL}<w:fonts xmlns:w="{W_NS}" xmlns:r="{R_NS}">'
            f'<w:font w:name="{FONT}"><w:panose1 w:val="02050604050505020204"/>'
            '<w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/>'
            '<w:sig w:usb0="00000287" w:usb1="00000000" w:usb2="00000000" w:usb3="00000000" '
            'w:csb0="0000009F" w:csb1="00000000"/></w:font>'
            '<w:font w:name="Times New Roman"><w:panose1 w:val="02020603050405020304"/>'
            '<w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>'
            "</w:fonts>")


def theme_xml() -> str:
    """Office theme from python-docx's default template with Bookman Old Style as theme fonts."""
    import docx  # python-docx, a project dependency

    src = Path(docx.__file__).parent / "templates" / "default.docx"
    with zipfile.ZipFile(src) as z:
        text = z.read("word/theme/theme1.xml").decode("utf-8")
    return re.sub(r'<a:latin typeface="[^"]*"/>', f'<a:latin typeface="{FONT}"/>', text)


CT = ("application/vnd.openxmlformats-officedocument.wordprocessingml.{}+xml")


def content_types_xml() -> str:
    over = [("/word/document.xml", CT.format("document.main")),
            ("/word/styles.xml", CT.format("styles")),
            ("/word/numbering.xml", CT.format("numbering")),
            ("/word/settings.xml", CT.format("settings")),
            ("/word/fontTable.xml", CT.format("fontTable")),
            ("/word/header1.xml", CT.format("header")),
            ("/word/theme/theme1.xml", "application/vnd.openxmlformats-officedocument.theme+xml"),
            ("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"),
            ("/docProps/app.xml",
             "application/vnd.openxmlformats-officedocument.extended-properties+xml")]
    return (f'{DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" '
            'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Default Extension="png" ContentType="image/png"/>'
            '<Default Extension="jpeg" ContentType="image/jpeg"/>'
            '<Default Extension="jpg" ContentType="image/jpeg"/>'
            '<Default Extension="gif" ContentType="image/gif"/>'
            + "".join(f'<Override PartName="{n}" ContentType="{t}"/>' for n, t in over)
            + "</Types>")


REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"


def _rels(items: list[tuple[str, str, str]]) -> str:
    return (f'{DECL}<Relationships xmlns="{PKG_REL}">'
            + "".join(f'<Relationship Id="{i}" Type="{t}" Target="{g}"/>' for i, t, g in items)
            + "</Relationships>")


def package_rels() -> str:
    return _rels([("rId1", REL + "officeDocument", "word/document.xml"),
                  ("rId2", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/"
                   "core-properties", "docProps/core.xml"),
                  ("rId3", REL + "extended-properties", "docProps/app.xml")])


def document_rels() -> str:
    return _rels([("rId1", REL + "styles", "styles.xml"),
                  ("rId2", REL + "numbering", "numbering.xml"),
                  ("rId3", REL + "settings", "settings.xml"),
                  ("rId4", REL + "fontTable", "fontTable.xml"),
                  ("rId5", REL + "theme", "theme/theme1.xml"),
                  ("rIdHeader1", REL + "header", "header1.xml")])


def core_xml() -> str:
    return (f'{DECL}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/'
            'metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" '
            'xmlns:dcterms="http://purl.org/dc/terms/" '
            'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
            "<dc:title>Templat dasar perbup_gen</dc:title><dc:creator>perbup_gen</dc:creator>"
            "</cp:coreProperties>")


def app_xml() -> str:
    return (f'{DECL}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
            'extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/'
            'docPropsVTypes"><Application>perbup_gen</Application><DocSecurity>0</DocSecurity>'
            "</Properties>")


def build() -> bytes:
    parts = [
        ("[Content_Types].xml", content_types_xml()),
        ("_rels/.rels", package_rels()),
        ("docProps/core.xml", core_xml()),
        ("docProps/app.xml", app_xml()),
        ("word/document.xml", document_xml()),
        ("word/_rels/document.xml.rels", document_rels()),
        ("word/styles.xml", styles_xml()),
        ("word/numbering.xml", numbering_xml()),
        ("word/settings.xml", settings_xml()),
        ("word/fontTable.xml", font_table_xml()),
        ("word/header1.xml", header_xml()),
        ("word/theme/theme1.xml", theme_xml()),
    ]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in parts:
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            z.writestr(info, text.encode("utf-8"))
    return buf.getvalue()


def main(argv: list[str]) -> None:
    out = Path(argv[1]) if len(argv) > 1 else Path(__file__).with_name("dasar.docx")
    data = build()
    from lxml import etree  # every part must be well-formed XML

    with zipfile.ZipFile(io.BytesIO(data)) as z:
        for n in z.namelist():
            etree.fromstring(z.read(n))
    out.write_bytes(data)
    print(f"{out} ({len(data)} bytes)")


if __name__ == "__main__":
    main(sys.argv)
