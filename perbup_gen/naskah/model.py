"""The document model: a legal document in the form of UU 12/2011 Lampiran II.

One tree serves every output. Builders (perbup, tim_penyusun, sk_kpm, checklist) create it from the
validated config and the clause library; `penomoran.susun()` numbers it, applies the list
punctuation of Lampiran II and resolves references; renderers (DOCX, Markdown, HTML) only read it.

The shape follows Laws.Africa's Akoma Ntoso split: preface (kepala, judul), preamble (pembukaan:
menimbang, mengingat, menetapkan), body (batang tubuh: BAB -> Bagian -> Paragraf -> Pasal -> ayat ->
lists, or diktum for a Keputusan), conclusions (penutup: signatures, pengundangan) and attachments
(lampiran).

Numbers (`nomor`) and list markers (`tanda`) are filled in by `penomoran.susun()`, never by hand.
Nothing here knows YAML or DOCX.
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
    tanda: str = ""  # computed: "a.", "1.", "a)", "1)"


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
    nomor: int | None = None  # computed; None when the Pasal has a single unnumbered text


@dataclass
class Pasal:
    ayat: list[Ayat]
    label: str | None = None
    nomor: int | None = None  # computed, continuous through the document
    sumber: str = ""  # clause file and line, for messages


@dataclass
class Paragraf:
    judul: str
    pasal: list[Pasal]
    nomor: int | None = None  # computed: "Paragraf 1"


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
    memperhatikan: list[Inline] = field(default_factory=list)


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


# --- the document --------------------------------------------------------------------------------


@dataclass
class Dokumen:
    """One legal document.

    `jenis`:
    - "peraturan": batang_tubuh is a list of Bab (or of Pasal for a short regulation);
    - "keputusan": batang_tubuh is a list of Diktum;
    - "naskah": a working paper (checklist); only `judul`, `isi` blocks and `lampiran` are used.
    """

    jenis: Literal["peraturan", "keputusan", "naskah"]
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
    mendatar: bool = False  # landscape pages (the checklist's wide tables)


def semua_pasal(badan: list) -> Iterator[Pasal]:
    """Every Pasal of a body (a list of Bab, Bagian, Paragraf or Pasal), in document order."""
    for u in badan:
        if isinstance(u, Pasal):
            yield u
        elif isinstance(u, (Bab, Bagian)):
            yield from semua_pasal(u.isi)
        elif isinstance(u, Paragraf):
            yield from u.pasal
