"""The document model: a legal document in the form of UU 12/2011 Lampiran II.

One tree serves every output. Builders (perbup, tim_penyusun, sk_kpm, checklist) create it from the
validated config and the clause library; `penomoran.susun()` numbers it, applies the list
punctuation of Lampiran II and resolves references; renderers (DOCX, Markdown, HTML) only read it.

The shape follows Laws.Africa's Akoma Ntoso split: preface (kepala, judul), preamble (pembukaan:
menimbang, mengingat, menetapkan), body (batang tubuh: BAB -> Bagian -> Paragraf -> Pasal -> ayat ->
lists, or diktum for a Keputusan), conclusions (penutup: signatures, pengundangan) and attachments
(lampiran). An agreement (perjanjian, e.g. the KPM task contract) is no regulation: its opening
names the parties (komparisi), its Pasal carry a heading and stand without BAB, and the parties
sign side by side before witnesses (`Perjanjian`).

Numbers (`nomor`) and list markers (`tanda`) are filled in by `penomoran.susun()`, never by hand.
Nothing here knows YAML or DOCX.

Imported documents (perbup_gen.impor) use the same tree, with every number and marker as the source
prints it and never renumbered (`susun()` is not run on them): Pasal.nomor is an int ("Pasal 7") or
a str where the source number is not a plain integer ("7A" inserted by an amendment, "I"/"II" for
the two articles of an amending regulation); Ayat.nomor likewise ("1a"); Bab.nomor "IVA"; Butir.tanda
the marker as printed ("a.", "d1.", "A."). A list item of an amendment that restates a Pasal carries
it in `Butir.kutipan` (Akoma Ntoso's quotedStructure). `Dokumen.identitas` holds what the title says
(kind, number, year, region), `Pembukaan.persetujuan` the "Dengan Persetujuan Bersama" lines and
`Dokumen.penjelasan` the elucidation. Issue-16 tooling keys elements on these source numbers.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterator, Literal, Union

# --- inline text ---------------------------------------------------------------------------------


@dataclass
class Teks:
    """A run of literal text. `miring` marks a foreign term (italic in Lampiran II)."""

    teks: str
    miring: bool = False
    tebal: bool = False


@dataclass
class Rujukan:
    """A reference by label to a Pasal, ayat or list item of the same document.

    The clause writes "sebagaimana dimaksud [[label]]"; `penomoran.susun()` fills `teks` with
    "dalam Pasal 7 ayat (2) huruf b", or "pada ayat (1)" inside the same Pasal. `sumber` names the
    clause file and line for error messages.
    """

    label: str
    sumber: str = ""
    teks: str | None = None


Inline = list[Union[Teks, Rujukan]]


def pecah_sumber(sumber: str) -> tuple[str, int | None]:
    """A node's `sumber` as (file, line) for a message: "perbup/030.md:12" -> ("perbup/030.md", 12);
    anything else -> (sumber, None)."""
    berkas, _, n = sumber.rpartition(":")
    return (berkas, int(n)) if berkas and n.isdecimal() else (sumber, None)


def teks(s: str) -> Inline:
    """Shorthand: plain text as an Inline."""
    return [Teks(s)]


def teks_polos(isi: Inline) -> str:
    """The Inline as plain text (references must be resolved first)."""
    out = []
    for bagian in isi:
        if isinstance(bagian, Rujukan):
            if bagian.teks is None:
                raise ValueError(f"rujukan [[{bagian.label}]] belum diselesaikan")
            out.append(bagian.teks)
        else:
            out.append(bagian.teks)
    return "".join(out)


# --- lists ---------------------------------------------------------------------------------------

Sambung = Literal["dan", "atau", "dan/atau", ""]


@dataclass
class Butir:
    """One list item. `daftar` holds its sub-items (the item then ends with ':')."""

    isi: Inline
    daftar: Daftar | None = None
    label: str | None = None
    tanda: str = ""  # computed: "a.", "1.", "a)", "1)"; imported: as printed
    kutipan: list = field(default_factory=list)  # imported amendments: the Bab/Pasal it restates


@dataclass
class Daftar:
    """A list inside a Pasal, ayat or item.

    `sambung` is the conjunction placed after the second-to-last item ("dan", "atau", "dan/atau", or
    "" for none). `jenis`:
    - "rincian": an ordinary list; items end with ';', the last with '.', or ':' when they open
      sub-items (Lampiran II);
    - "definisi": Pasal 1 definitions numbered 1., 2., each a sentence ending with '.';
    - "kalimat": items that are whole sentences (e.g. diktum sub-points), each ending with '.'.
    Markers follow the depth: a. / 1. / a) / 1) (definitions start at 1.).
    """

    butir: list[Butir]
    sambung: Sambung = "dan"
    jenis: Literal["rincian", "definisi", "kalimat"] = "rincian"


# --- body ----------------------------------------------------------------------------------------


@dataclass
class Ayat:
    """An ayat, or the single unnumbered text of a Pasal that has no ayat.

    `penutup` is text that follows the list, rare but allowed (e.g. "... ditetapkan dengan ...").
    """

    isi: Inline
    daftar: Daftar | None = None
    label: str | None = None
    nomor: int | str | None = None  # computed; None when the Pasal has a single unnumbered text


@dataclass
class Pasal:
    ayat: list[Ayat]
    label: str | None = None
    nomor: int | str | None = None  # computed, continuous; imported: as printed ("7A", "I")
    sumber: str = ""  # clause file and line, for messages (imported: source file and line)
    judul: str | None = None  # heading under "Pasal N": agreements only, never a regulation


@dataclass
class Paragraf:
    judul: str
    pasal: list[Pasal]
    nomor: int | str | None = None  # computed: "Paragraf 1"


@dataclass
class Bagian:
    judul: str
    isi: list[Union[Paragraf, Pasal]]
    nomor: str | None = None  # computed: "Kesatu", "Kedua"


@dataclass
class Bab:
    judul: str
    isi: list[Union[Bagian, Pasal]]
    nomor: str | None = None  # computed: "I", "II"
    sumber: str = ""


@dataclass
class Diktum:
    """A diktum of a Keputusan: KESATU, KEDUA, ... with its text and optional list."""

    isi: Inline
    daftar: Daftar | None = None
    label: str | None = None
    nomor: str | None = None  # computed: "KESATU"


# --- free blocks (attachments, checklist) --------------------------------------------------------


@dataclass
class Alinea:
    """A paragraph of free text. `gaya`: "biasa", "tengah" (centred), "judul" (centred bold caps),
    "subjudul" (bold, left)."""

    isi: Inline
    gaya: Literal["biasa", "tengah", "judul", "subjudul"] = "biasa"


@dataclass
class Tabel:
    kepala: list[str]
    baris: list[list[str]]
    lebar: list[float] | None = None  # relative column widths


Blok = Union[Alinea, Tabel, Daftar]


# --- preface, preamble, conclusions --------------------------------------------------------------


RAHMAT_NASIONAL = "DENGAN RAHMAT TUHAN YANG MAHA ESA"


@dataclass
class Kepala:
    """The heading: the official's title lines under the emblem, e.g. "BUPATI GUNUNG MAS" /
    "PROVINSI KALIMANTAN TENGAH". `lambang` is an image file path or None for a clean heading."""

    baris: list[str]
    lambang: str | None = None


@dataclass
class Judul:
    """Title block: "PERATURAN BUPATI GUNUNG MAS" / "NOMOR ... TAHUN ..." / "TENTANG" / subject."""

    jenis: str  # "PERATURAN BUPATI GUNUNG MAS"
    nomor: str  # "NOMOR ... TAHUN 2025"
    tentang: str  # "PERAN DESA DALAM PERCEPATAN PENURUNAN STUNTING"
    rancangan: bool = False


@dataclass
class Pembukaan:
    """The preamble. `pejabat` is "BUPATI GUNUNG MAS,"; `menimbang` items start with "bahwa";
    `mengingat` items are full citations; `menetapkan` is the text after "Menetapkan :"."""

    pejabat: str
    menimbang: list[Inline]
    mengingat: list[Inline]
    menetapkan: str
    dengan_rahmat: bool = True
    # the opening formula, one line each ("BISMILLAHIRRAHMANIRRAHIM", "DENGAN RAHMAT ALLAH YANG MAHA
    # KUASA" in Aceh); None: the national "DENGAN RAHMAT TUHAN YANG MAHA ESA"
    rahmat: list[str] | None = None
    memperhatikan: list[Inline] = field(default_factory=list)
    persetujuan: list[str] = field(default_factory=list)  # "Dengan Persetujuan Bersama" lines

    @property
    def baris_rahmat(self) -> list[str]:
        """The opening formula's lines as printed (none when `dengan_rahmat` is False)."""
        if not self.dengan_rahmat:
            return []
        return list(self.rahmat) if self.rahmat is not None else [RAHMAT_NASIONAL]


@dataclass
class TandaTangan:
    """A signature block: "Ditetapkan di Kuala Kurun" / "pada tanggal ..." / "BUPATI GUNUNG MAS," /
    (space) / "NAMA". `kata` is "Ditetapkan" or "Diundangkan"."""

    tempat: str
    tanggal: str
    jabatan: str
    nama: str
    kata: str = "Ditetapkan"
    nip: str | None = None


@dataclass
class BarisParaf:
    jabatan: str
    nama: str = ""
    paraf: str = ""
    tanggal: str = ""


@dataclass
class Penutup:
    ditetapkan: TandaTangan
    diundangkan: TandaTangan | None = None
    berita_daerah: str | None = None  # "BERITA DAERAH KABUPATEN GUNUNG MAS TAHUN ... NOMOR ..."
    tembusan: list[str] = field(default_factory=list)


@dataclass
class Lampiran:
    """An attachment: a block at top right (LAMPIRAN / document / NOMOR / TENTANG), the name
    centred in capitals, free blocks, and the signing official at its end."""

    kepala: list[str]
    judul: str
    isi: list[Blok]
    tanda_tangan: TandaTangan | None = None
    nomor: str | None = None  # computed: "I", "II" when there are several


# --- agreements ----------------------------------------------------------------------------------


@dataclass
class Pihak:
    """A party to an agreement: how the opening names it ("Nama : ...", "Jabatan : ...", then
    "dalam hal ini bertindak ..., yang selanjutnya disebut PIHAK KESATU.") and how it signs."""

    sebutan: str  # "PIHAK KESATU"
    identitas: list[tuple[str, str]]  # (label, value): ("Nama", "Rudi Nahan"), ("Jabatan", ...)
    kedudukan: Inline
    jabatan: str  # the office over the signature, "" for a private person
    nama: str  # the name under the signature
    meterai: bool = False  # signs over a duty stamp


@dataclass
class Perjanjian:
    """What an agreement has instead of a preamble and a signing official.

    The opening `pembuka` ("Pada hari ini ..., yang bertanda tangan di bawah ini:"), the parties,
    `kesepakatan` ("... sepakat ... dengan ketentuan sebagai berikut:") before the first Pasal;
    after the last one the parties sign side by side (the first party on the right, where an
    official signs), then the witnesses (`saksi`: office, name) below."""

    pembuka: Inline
    pihak: list[Pihak]
    kesepakatan: Inline
    saksi: list[tuple[str, str]] = field(default_factory=list)


# --- the document --------------------------------------------------------------------------------


@dataclass
class Identitas:
    """What the title of an imported document says, parsed: `bentuk` a short kind key ("perbup",
    "perwali", "perda", "perdes", "kepbup", "kepkades", "uu", "pp", "perpres", "permen", ...),
    `nomor` the number as printed ("19", "3/PMK.03"; "" when not yet numbered), `tahun` the year,
    `wilayah` the region or office named in the kind ("Banyuwangi", "Desa Majasetra")."""

    bentuk: str
    nomor: str = ""
    tahun: int | None = None
    wilayah: str = ""


@dataclass
class Dokumen:
    """One legal document.

    `jenis`:
    - "peraturan": batang_tubuh is a list of Bab (or of Pasal for a short regulation);
    - "keputusan": batang_tubuh is a list of Diktum;
    - "perjanjian": an agreement; `perjanjian` holds its opening, parties and witnesses,
      batang_tubuh a list of Pasal with headings; no pembukaan or penutup;
    - "naskah": a working paper (checklist); only `judul`, `isi` blocks and `lampiran` are used.
    """

    jenis: Literal["peraturan", "keputusan", "perjanjian", "naskah"]
    kepala: Kepala | None
    judul: Judul
    pembukaan: Pembukaan | None = None
    batang_tubuh: list[Union[Bab, Pasal, Diktum]] = field(default_factory=list)
    kalimat_pengundangan: str | None = None  # "Agar setiap orang mengetahuinya, ..."
    penutup: Penutup | None = None
    lampiran: list[Lampiran] = field(default_factory=list)
    paraf: list[BarisParaf] = field(default_factory=list)  # paraf-koordinasi box, last page
    isi: list[Blok] = field(default_factory=list)  # for jenis "naskah"
    properti: dict[str, str] = field(default_factory=dict)  # title, subject, author: docProps
    identitas: Identitas | None = None  # imported documents: kind, number, year, region
    penjelasan: Lampiran | None = None  # imported documents: the PENJELASAN (elucidation)
    # a draft (`build --draf`): the mark line, then after "\n" its explanation; printed above
    # everything and in the page headers
    draf: str | None = None
    mendatar: bool = False  # landscape pages (the checklist's wide tables)
    perjanjian: Perjanjian | None = None  # for jenis "perjanjian"


def semua_pasal(badan: list) -> Iterator[Pasal]:
    """Every Pasal of a body (a list of Bab, Bagian, Paragraf or Pasal), in document order."""
    for u in badan:
        if isinstance(u, Pasal):
            yield u
        elif isinstance(u, (Bab, Bagian)):
            yield from semua_pasal(u.isi)
        elif isinstance(u, Paragraf):
            yield from u.pasal


def semua_inline(dok: Dokumen) -> Iterator[Inline]:
    """Every Inline of a document (preamble, body, diktum, free blocks, attachments), in document
    order, as the mutable lists they are (a pass may rewrite them in place)."""
    def daftar(d: Daftar) -> Iterator[Inline]:
        for b in d.butir:
            yield b.isi
            if b.daftar:
                yield from daftar(b.daftar)

    def pasal(p: Pasal) -> Iterator[Inline]:
        for a in p.ayat:
            yield a.isi
            if a.daftar:
                yield from daftar(a.daftar)

    def unsur(u) -> Iterator[Inline]:
        if isinstance(u, (Bab, Bagian)):
            for x in u.isi:
                yield from unsur(x)
        elif isinstance(u, Paragraf):
            for p in u.pasal:
                yield from pasal(p)
        elif isinstance(u, Pasal):
            yield from pasal(u)
        elif isinstance(u, Diktum):
            yield u.isi
            if u.daftar:
                yield from daftar(u.daftar)

    def blok(bs: list) -> Iterator[Inline]:
        for b in bs:
            if isinstance(b, Alinea):
                yield b.isi
            elif isinstance(b, Daftar):
                yield from daftar(b)

    if dok.pembukaan:
        yield from dok.pembukaan.menimbang
        yield from dok.pembukaan.mengingat
        yield from dok.pembukaan.memperhatikan
    if dok.perjanjian:
        yield dok.perjanjian.pembuka
        for p in dok.perjanjian.pihak:
            yield p.kedudukan
        yield dok.perjanjian.kesepakatan
    for u in dok.batang_tubuh:
        yield from unsur(u)
    yield from blok(dok.isi)
    for lamp in dok.lampiran:
        yield from blok(lamp.isi)


# --- copies (a builder reuses parsed clauses; numbering works in place) -----------------------------


def salin_inline(isi: Inline) -> Inline:
    """A copy of an Inline; a resolved reference keeps its text (numbering resolves it again)."""
    return [Teks(x.teks, x.miring, x.tebal) if isinstance(x, Teks) else Rujukan(x.label, x.sumber, x.teks)
            for x in isi]


def salin_daftar(d: Daftar | None) -> Daftar | None:
    """A copy of a list, markers (`tanda`) included."""
    if d is None:
        return None
    return Daftar([Butir(salin_inline(b.isi), salin_daftar(b.daftar), b.label, b.tanda) for b in d.butir],
                  d.sambung, d.jenis)


def salin(u):
    """A copy of a body element (Bab, Bagian, Paragraf, Pasal, Diktum) with everything below it;
    numbers are not copied (numbering assigns them), list markers are."""
    if isinstance(u, Diktum):
        return Diktum(salin_inline(u.isi), salin_daftar(u.daftar), u.label)
    if isinstance(u, Pasal):
        return Pasal([Ayat(salin_inline(a.isi), salin_daftar(a.daftar), a.label) for a in u.ayat],
                     u.label, None, u.sumber, u.judul)
    if isinstance(u, Paragraf):
        return Paragraf(u.judul, [salin(p) for p in u.pasal])
    if isinstance(u, Bagian):
        return Bagian(u.judul, [salin(x) for x in u.isi])
    if isinstance(u, Bab):
        return Bab(u.judul, [salin(x) for x in u.isi], None, u.sumber)
    raise TypeError(f"tidak dapat menyalin {type(u).__name__}")
