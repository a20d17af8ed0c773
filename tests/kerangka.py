"""The structure and text of a Dokumen as plain nested tuples, to compare a generated document
with what the importer reads back from its DOCX, Markdown or PDF rendering.

Only what a reader sees is compared: numbers and markers, headings, the text of every element with
whitespace collapsed (italic and bold are not compared), signature lines, attachment titles and
tables."""
from __future__ import annotations

from perbup_gen.naskah.model import (
    Alinea, Bab, Bagian, Daftar, Diktum, Dokumen, Paragraf, Pasal, Rujukan, Tabel, Teks,
)


def polos(isi) -> str:
    return " ".join("".join(x.teks or "" for x in isi if isinstance(x, (Teks, Rujukan))).split())


def _daftar(d: Daftar | None):
    if d is None:
        return ()
    return tuple((b.tanda, polos(b.isi), _daftar(b.daftar)) for b in d.butir)


def _unsur(u):
    if isinstance(u, Bab):
        return ("BAB", str(u.nomor), " ".join(u.judul.upper().split()), tuple(_unsur(x) for x in u.isi))
    if isinstance(u, Bagian):
        return ("Bagian", str(u.nomor), " ".join(u.judul.split()), tuple(_unsur(x) for x in u.isi))
    if isinstance(u, Paragraf):
        return ("Paragraf", str(u.nomor), " ".join(u.judul.split()), tuple(_unsur(x) for x in u.pasal))
    if isinstance(u, Pasal):
        return ("Pasal", str(u.nomor), tuple((None if a.nomor is None else str(a.nomor), polos(a.isi),
                                               _daftar(a.daftar)) for a in u.ayat))
    if isinstance(u, Diktum):
        return ("Diktum", u.nomor, polos(u.isi), _daftar(u.daftar))
    raise TypeError(type(u))


def _blok(b):
    if isinstance(b, Alinea):
        return ("alinea", polos(b.isi))
    if isinstance(b, Tabel):
        return ("tabel", tuple(" ".join(k.split()) for k in b.kepala),
                tuple(tuple(" ".join(c.split()) for c in r) for r in b.baris))
    return ("daftar", _daftar(b))


def _ttd(t):
    if t is None:
        return None
    return (t.kata if t.tempat else "", " ".join(t.tempat.split()), " ".join(t.tanggal.split()),
            " ".join(t.jabatan.split()), " ".join(t.nama.split()))


def kerangka(dok: Dokumen, tabel: bool = True) -> dict:
    pb = dok.pembukaan
    out = {
        "jenis": dok.jenis,
        "kepala": tuple(dok.kepala.baris) if dok.kepala else (),
        "judul": (" ".join(dok.judul.jenis.upper().split()), " ".join(dok.judul.nomor.upper().split()),
                  " ".join(dok.judul.tentang.upper().split()), dok.judul.rancangan),
        "pembukaan": None if pb is None else (
            pb.dengan_rahmat, " ".join(pb.pejabat.split()), tuple(polos(x) for x in pb.menimbang),
            tuple(polos(x) for x in pb.mengingat), tuple(polos(x) for x in pb.memperhatikan),
            " ".join(pb.menetapkan.upper().split())),
        "batang_tubuh": tuple(_unsur(u) for u in dok.batang_tubuh),
        "pengundangan": " ".join((dok.kalimat_pengundangan or "").split()),
        "penutup": None if dok.penutup is None else (
            _ttd(dok.penutup.ditetapkan), _ttd(dok.penutup.diundangkan),
            " ".join((dok.penutup.berita_daerah or "").upper().split()),
            tuple(" ".join(t.split()) for t in dok.penutup.tembusan)),
        "lampiran": tuple((" ".join(l.judul.upper().split()),
                           tuple(_blok(b) for b in l.isi) if tabel else (),
                           _ttd(l.tanda_tangan)) for l in dok.lampiran),
        "isi": tuple(_blok(b) for b in dok.isi) if tabel else (),
        "paraf": tuple((p.jabatan, p.nama) for p in dok.paraf),
    }
    return out
