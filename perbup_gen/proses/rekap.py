"""What BPMD keeps besides the decrees, written by every build:

- `rekap/rekap-kpm-desa.xlsx`: one row per desa of the kabupaten (Kepala Desa, decree number and
  date, KPM with sex and education, APB Desa figures and the stunting share, check findings), the
  desa still missing a Kepala Desa or a KPM first, with filters; a second sheet with one row per KPM;
- `rekap/buku-keputusan-kepala-desa.xlsx`: each desa's entries of its Buku Keputusan Kepala Desa
  (Permendagri 47/2016 columns): the decrees already in the book (`buku_keputusan` of the config) and the
  KPM decree of this build;
- `laporan-pemeriksaan.html`: the check report;
- `kekurangan.md`: for a draft (`build --draf`), what is still missing;
- `index.html`: every document with its desa, status and findings, linking the files.
"""
from __future__ import annotations

import datetime as _dt
import functools
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Iterator

from perbup_gen import jalur as jalur_paket
from perbup_gen.jalur import nama_berkas
from perbup_gen.keluaran.berkas import BerkasKeluaran
from perbup_gen.konfigurasi.model import Desa
from perbup_gen.konfigurasi.muat import HasilMuat
from perbup_gen.konfigurasi.nomor import TITIK, urutan_register
from perbup_gen.naskah import bilangan
from perbup_gen.periksa.laporan import (
    DOKUMEN_KONFIGURASI, DOKUMEN_SK_SEMUA, DOKUMEN_TIM, LaporanPeriksa, Temuan, dokumen_perbup,
)

__all__ = ["BarisIndeks", "JALUR_BUKU", "JALUR_INDEKS", "JALUR_KEKURANGAN", "JALUR_LAPORAN", "JALUR_REKAP",
           "baris_rekap", "berkas_laporan", "entri_buku_keputusan", "jalur_bundel", "status_desa"]

JALUR_REKAP = "rekap/rekap-kpm-desa.xlsx"
JALUR_BUKU = "rekap/buku-keputusan-kepala-desa.xlsx"
JALUR_LAPORAN = "laporan-pemeriksaan.html"
JALUR_KEKURANGAN = "kekurangan.md"
JALUR_INDEKS = "index.html"

STATUS_LENGKAP = "lengkap"


def jalur_bundel(kode_kecamatan: str, nama_kecamatan: str, akhiran: str) -> str:
    """The bundle of one kecamatan: "bundel/62.10.01-sepang.pdf" (or .zip)."""
    return f"bundel/{nama_berkas(kode_kecamatan, nama_kecamatan)}.{akhiran}"


def _kode_temuan(t: Temuan) -> str | None:
    return t.desa.split(" ", 1)[0] if t.desa else None


def _temuan_per_desa(periksa: LaporanPeriksa) -> dict[str, list[Temuan]]:
    hasil: dict[str, list[Temuan]] = defaultdict(list)
    for t in periksa.temuan:
        kode = _kode_temuan(t)
        if kode:
            hasil[kode].append(t)
    return hasil


def status_desa(d: Desa | None, kepala_desa: str = "Kepala Desa") -> str:
    """"lengkap", or what a desa still lacks for its KPM decree (`kepala_desa`: the region's title
    of the head, "Keuchik")."""
    if d is None:
        return "belum ada di roster"
    kurang = []
    if d.kepala_desa is None or d.kepala_desa.nama == TITIK:
        kurang.append(kepala_desa)
    if not d.kpm:
        kurang.append("KPM")
    return "belum ada " + " dan ".join(kurang) if kurang else STATUS_LENGKAP


def _persen(bagian: Decimal | None, total: Decimal | None) -> float | None:
    if bagian is None or not total:
        return None
    return float(bagian / total)


def _desa_kabupaten(hasil: HasilMuat) -> list[tuple[str, str, str, Desa | None]]:
    """(kode, nama, kecamatan, roster entry or None) of every desa of the kabupaten: the national
    list's desa and any roster desa, kelurahan left out."""
    from perbup_gen.konfigurasi.wilayah import DaftarWilayah

    k = hasil.konfigurasi
    wilayah = DaftarWilayah.muat()
    roster = {d.kode: d for d in k.desa if not d.kelurahan}
    kecamatan: dict[str, str] = {}

    def nama_kec(kode: str) -> str:
        if kode not in kecamatan:
            w = wilayah.cari(kode)
            kecamatan[kode] = w.nama if w else kode
        return kecamatan[kode]

    hasil_: dict[str, tuple[str, str, str, Desa | None]] = {}
    for w in wilayah.keturunan(k.kabupaten.kode):
        if w.tingkat in ("desa", "desa_adat"):
            d = roster.get(w.kode)
            hasil_[w.kode] = (w.kode, d.nama if d and d.nama else w.nama, nama_kec(w.induk), d)
    for kode, d in roster.items():
        if kode not in hasil_:
            hasil_[kode] = (kode, d.nama or kode, nama_kec(d.kode_kecamatan), d)
    return [hasil_[kode] for kode in sorted(hasil_)]


# --- the recap ---------------------------------------------------------------------------------


@dataclass
class BarisRekap:
    """One desa of the recap."""

    kode: str
    desa: str
    kecamatan: str
    status: str
    kepala_desa: str
    nomor_sk: str
    tanggal_sk: _dt.date | None
    kpm: list[tuple[str, str, str]] = field(default_factory=list)  # (name, L/P, education)
    pagu: Decimal | None = None
    dana_desa: Decimal | None = None
    stunting: Decimal | None = None
    galat: int = 0
    peringatan: int = 0
    temuan: list[str] = field(default_factory=list)


def baris_rekap(hasil: HasilMuat, periksa: LaporanPeriksa, nomor: dict[str, str]) -> list[BarisRekap]:
    """The recap rows: desa still missing a Kepala Desa or a KPM first, then by code. `nomor`
    gives the title's number line of each desa's decree."""
    k = hasil.konfigurasi
    kata = k.sebutan_daerah().pesan()
    per_desa = _temuan_per_desa(periksa)
    out = []
    for kode, nama, kecamatan, d in _desa_kabupaten(hasil):
        temuan = [t for t in per_desa.get(kode, []) if t.tingkat != "catatan"]
        a = d.apbdes if d else None
        out.append(BarisRekap(
            kode=kode, desa=nama, kecamatan=kecamatan, status=status_desa(d, kata.kepala_desa),
            kepala_desa=d.kepala_desa.nama if d and d.kepala_desa else "",
            nomor_sk=nomor.get(kode, ""),
            tanggal_sk=(d.tanggal_sk or k.sk_kpm.tanggal) if d and d.kpm else None,
            kpm=[(p.nama, p.jenis_kelamin, p.pendidikan) for p in d.kpm] if d else [],
            pagu=a.pagu if a else None, dana_desa=a.dana_desa if a else None,
            stunting=a.anggaran_stunting if a else None,
            galat=sum(t.tingkat == "galat" for t in temuan),
            peringatan=sum(t.tingkat == "peringatan" for t in temuan),
            temuan=[f"{t.tingkat}: {t.pesan}" for t in temuan],
        ))
    out.sort(key=lambda b: (b.status == STATUS_LENGKAP, b.kode))
    return out


def _xlsx_rekap(hasil: HasilMuat, baris: list[BarisRekap]) -> bytes:
    from perbup_gen.keluaran.xlsx import Kolom, Lembar, buku_kerja

    uang, persen, tanggal = "#,##0", "0.00%", "DD-MM-YYYY"
    k = hasil.konfigurasi
    kata, apb = k.kata_pesan(), k.sebutan_daerah().konteks()["apb_desa"]  # "gampong", "APBG"
    desa = Lembar("Rekap desa", [
        Kolom("No", 5), *_kolom_wilayah(kata),
        Kolom("Keadaan", 22), Kolom(kata.kepala_desa, 22), Kolom("Nomor SK KPM", 24),
        Kolom("Tanggal SK KPM", 13, tanggal), Kolom("Jumlah KPM", 8), Kolom("KPM laki-laki", 9),
        Kolom("KPM perempuan", 10), Kolom("KPM (nama, L/P, pendidikan)", 44, bungkus=True),
        Kolom(f"Pagu {apb} (Rp)", 16, uang), Kolom("Dana Desa (Rp)", 15, uang),
        Kolom("Anggaran stunting (Rp)", 15, uang), Kolom(f"Stunting / {apb}", 11, persen),
        Kolom("Stunting / Dana Desa", 11, persen), Kolom("Galat", 7), Kolom("Peringatan", 10),
        Kolom("Temuan pemeriksaan", 70, bungkus=True),
    ])
    for i, b in enumerate(baris, 1):
        desa.baris.append([
            i, b.kecamatan, b.kode, b.desa, b.status, b.kepala_desa, b.nomor_sk, b.tanggal_sk,
            len(b.kpm), sum(p[1] == "L" for p in b.kpm), sum(p[1] == "P" for p in b.kpm),
            "; ".join(f"{n} ({jk}, {pd})" for n, jk, pd in b.kpm), b.pagu, b.dana_desa, b.stunting,
            _persen(b.stunting, b.pagu), _persen(b.stunting, b.dana_desa), b.galat, b.peringatan,
            "\n".join(b.temuan),
        ])
    kpm = Lembar("KPM", [
        *_kolom_wilayah(kata), Kolom("Nama KPM", 24),
        Kolom("L/P", 5), Kolom("Pendidikan", 11), Kolom("Alamat", 22), Kolom("Pengalaman", 36, bungkus=True),
    ])
    for kode, nama, kecamatan, d in _desa_kabupaten(hasil):
        for p in d.kpm if d else []:
            kpm.baris.append([kecamatan, kode, nama, p.nama, p.jenis_kelamin, p.pendidikan, p.alamat,
                              "; ".join(p.pengalaman)])
    return buku_kerja([desa, kpm], judul=f"Rekap KPM {kata.desa} {k.nama_kabupaten} tahun {k.tahun}")


def _kolom_wilayah(kata) -> list:
    """The first columns of a recap row in the region's words: Kecamatan/Distrik/Kapanewon, the
    desa's code, the desa/gampong/nagari."""
    from perbup_gen.keluaran.xlsx import Kolom

    return [Kolom(kata.kecamatan_judul, 16), Kolom(f"Kode {kata.desa}", 15), Kolom(kata.desa_judul, 20)]


# --- the Buku Keputusan Kepala Desa ------------------------------------------------------------


@dataclass
class EntriBuku:
    """One row of a desa's Buku Keputusan Kepala Desa (Permendagri 47/2016)."""

    kecamatan: str
    kode: str
    desa: str
    nomor_urut: str
    nomor_tanggal: str
    tentang: str
    uraian: str
    dilaporkan: str
    keterangan: str
    urut: tuple = ()


def _teks_register() -> dict:
    """clauses/register.yaml, read once per process while unchanged (callers only read it)."""
    return _register(jalur_paket.tanda_berkas(jalur_paket.KLAUSUL / "register.yaml"))


@functools.lru_cache(maxsize=2)
def _register(_tanda) -> dict:
    from perbup_gen.konfigurasi.yaml_muat import muat_yaml

    data, _ = muat_yaml(jalur_paket.KLAUSUL / "register.yaml", "clauses/register.yaml")
    return data


def _kalimat_nomor(nomor: str) -> str:
    """"NOMOR 7 TAHUN 2025" -> "Nomor 7 Tahun 2025" (only those two words change)."""
    kata = nomor.split(" ")
    return " ".join("Nomor" if w == "NOMOR" else "Tahun" if w == "TAHUN" else w for w in kata)


def _sebut(nama: list[str]) -> str:
    if len(nama) <= 2:
        return " dan ".join(nama)
    return ", ".join(nama[:-1]) + ", dan " + nama[-1]


def entri_buku_keputusan(hasil: HasilMuat, sk: list) -> list[EntriBuku]:
    """The Buku Keputusan entries of every desa with a decree in this build (`sk`: SKDibuat),
    with the decrees already in each book, by desa then date."""
    from perbup_gen.dokumen.tanda_tangan import nomor_judul_register
    from perbup_gen.konfigurasi.nomor import susun_nomor

    k = hasil.konfigurasi
    teks = _teks_register()
    kata = k.sebutan_daerah().pesan()
    roster = {d.kode: d for d in k.desa}
    dibuat = {s.kode: s for s in sk}
    out: list[EntriBuku] = []
    for kode, nama, kecamatan, d in _desa_kabupaten(hasil):
        lama = k.buku_keputusan.get(kode, [])
        if d is None or (kode not in dibuat and not lama):
            continue
        for e in lama:
            tahun = e.tanggal.year if e.tanggal else k.tahun
            nomor = nomor_judul_register(susun_nomor(k.sk_kpm.pola_nomor, e.nomor, tahun, kode, e.tanggal), tahun)
            out.append(EntriBuku(kecamatan, kode, nama, urutan_register(e.nomor) or "",
                                 f"{_kalimat_nomor(nomor)}, tanggal {bilangan.tanggal(e.tanggal) if e.tanggal else TITIK}",
                                 e.tentang, e.uraian or "", e.dilaporkan or "", e.keterangan or "",
                                 (kode, e.tanggal or _dt.date.max, urutan_register(e.nomor) or "")))
        s = dibuat.get(kode)
        if s is None:
            continue
        desa = roster.get(kode)
        tanggal = (desa.tanggal_sk if desa else None) or k.sk_kpm.tanggal
        kpm = [p.nama for p in desa.kpm] if desa else []
        kata_desa = k.kata_pesan(kode, kata)
        uraian = (str(teks["uraian"]).replace("{jumlah}", bilangan.bilangan(len(kpm), "orang") if kpm else TITIK)
                  .replace("{desa}", k.nama_desa_lengkap(kode, s.nama, kata)).replace("{sebutan_desa}", kata_desa.desa_judul)
                  .replace("{tahun}", str(k.tahun))
                  .replace("{nama}", _sebut(kpm) if kpm else TITIK))
        out.append(EntriBuku(kecamatan, kode, s.nama, urutan_register(desa.nomor_sk if desa else None) or "",
                             f"{_kalimat_nomor(s.nomor)}, tanggal {bilangan.tanggal(tanggal) if tanggal else TITIK}",
                             s.tentang, uraian, "", "", (kode, tanggal or _dt.date.max, "~")))
    out.sort(key=lambda e: e.urut)
    return out


def _xlsx_buku(hasil: HasilMuat, entri: list[EntriBuku]) -> bytes:
    from perbup_gen.keluaran.xlsx import Kolom, Lembar, buku_kerja

    k = hasil.konfigurasi
    kata = k.sebutan_daerah().pesan()
    kolom = [str(x).replace("{keputusan_desa}", kata.keputusan_desa) for x in _teks_register()["kolom"]]
    lebar = [9, 34, 40, 50, 22, 22]
    lb = Lembar("Buku Keputusan", _kolom_wilayah(kata)
                + [Kolom(j, w, bungkus=True) for j, w in zip(kolom, lebar)])
    for e in entri:
        lb.baris.append([e.kecamatan, e.kode, e.desa, e.nomor_urut, e.nomor_tanggal, e.tentang, e.uraian,
                         e.dilaporkan, e.keterangan])
    return buku_kerja([lb], judul=f"Buku {kata.keputusan_desa}, {k.nama_kabupaten} tahun {k.tahun}")


# --- the index -----------------------------------------------------------------------------------


@dataclass
class BarisIndeks:
    """One document of the index (plain data for templates/indeks.html.j2)."""

    dokumen: str
    jalur: str | None  # link, relative to the output folder; None when not made
    pdf: str | None
    kecamatan: str
    desa: str
    status: str
    galat: int = 0
    peringatan: int = 0
    temuan: list[str] = field(default_factory=list)


def _ringkas(ts: list[Temuan]) -> tuple[int, int, list[str]]:
    ts = [t for t in ts if t.tingkat != "catatan"]
    return (sum(t.tingkat == "galat" for t in ts), sum(t.tingkat == "peringatan" for t in ts),
            [f"{t.tingkat}: {t}" for t in ts])


def _baris_indeks(hasil: HasilMuat, periksa: LaporanPeriksa, catatan, dokumen: list[str],
                  pdf: bool) -> list[BarisIndeks]:
    per_dok: dict[str, list[Temuan]] = defaultdict(list)
    for t in periksa.temuan:
        if not t.desa:
            per_dok[t.dokumen].append(t)
    per_desa = _temuan_per_desa(periksa)
    k = hasil.konfigurasi
    kata = k.sebutan_daerah().pesan()  # "gampong", "Keuchik"
    nama_dok = {"perbup/": dokumen_perbup(k.kepala_daerah), "tim-penyusun/": DOKUMEN_TIM, "checklist/": "Daftar periksa paraf dan jadwal"}
    out = []
    for j in dokumen:
        nama = next((v for a, v in nama_dok.items() if j.startswith(a)), j)
        g, p, ts = _ringkas(per_dok.get(nama, []))
        out.append(BarisIndeks(f"{nama} ({j.rsplit('.', 1)[-1].upper()})", j,
                               j[:-5] + ".pdf" if pdf and j.endswith(".docx") else None, "", "", "dibuat", g, p, ts))
    g, p, ts = _ringkas(per_dok.get(DOKUMEN_SK_SEMUA, []))
    if ts:
        out.append(BarisIndeks(DOKUMEN_SK_SEMUA, None, None, "", "", "temuan yang sama di setiap SK KPM", g, p, ts))
    g, p, ts = _ringkas(per_dok.get(DOKUMEN_KONFIGURASI, []))
    if ts:
        out.append(BarisIndeks(DOKUMEN_KONFIGURASI, None, None, "", "", f"temuan pada data di luar {kata.desa}", g, p, ts))
    dibuat = {s.kode: s for s in catatan.sk}
    dilewati = {d.split(" ", 1)[0]: a for d, a in catatan.dilewati}
    gagal = {d.split(" ", 1)[0]: a for d, a in catatan.gagal}
    for kode, nama, kecamatan, d in _desa_kabupaten(hasil):
        if d is None:
            status, jalur = f"tidak dibuat: {kata.desa} belum ada di roster", None
        elif kode in dibuat:
            status, jalur = "dibuat", dibuat[kode].jalur
        elif kode in gagal:
            status, jalur = f"GAGAL: {gagal[kode]}", None
        else:
            status, jalur = f"tidak dibuat: {dilewati.get(kode, status_desa(d, k.kata_pesan(kode, kata).kepala_desa))}", None
        g, p, ts = _ringkas(per_desa.get(kode, []))
        out.append(BarisIndeks(f"SK KPM {k.nama_desa_lengkap(kode, nama, kata)}", jalur,
                               jalur[:-5] + ".pdf" if jalur and pdf and jalur.endswith(".docx") else None,
                               kecamatan, f"{kode} {nama}", status, g, p, ts))
    return out




def _html_indeks(hasil: HasilMuat, periksa: LaporanPeriksa, baris: list[BarisIndeks], lain: list[tuple[str, str]],
                 bundel: list[tuple[str, str, str | None]]) -> bytes:
    import dataclasses

    import jinja2

    from perbup_gen.naskah.tampil import bersih

    k = hasil.konfigurasi
    lingkungan = jinja2.Environment(loader=jinja2.FileSystemLoader(str(jalur_paket.TEMPLAT)), autoescape=True,
                                    finalize=lambda x: bersih(x) if isinstance(x, str) else x,
                                    trim_blocks=True, lstrip_blocks=True, undefined=jinja2.StrictUndefined)
    data = {
        "judul": f"Dokumen {k.nama_kabupaten} tahun {k.tahun}",
        "draf": _keterangan_draf() if hasil.draf is not None else None,
        "ringkasan": periksa.ringkasan(),
        "baris": [dataclasses.asdict(b) for b in baris],
        "lain": lain,
        "bundel": bundel,
        "jumlah_sk": sum(1 for b in baris if b.status == "dibuat" and b.desa),
        "jumlah_desa": sum(1 for b in baris if b.desa),
        "sebutan_desa": k.sebutan_daerah().pesan().desa,  # "gampong"
        "sebutan_desa_judul": k.sebutan_daerah().pesan().desa_judul,  # "Gampong"
    }
    return (lingkungan.get_template("indeks.html.j2").render(**data).strip() + "\n").encode("utf-8")


def _keterangan_draf() -> str:
    from perbup_gen.konfigurasi.draf import tanda_draf

    return tanda_draf().partition("\n")[2]


# --- a draft: what is missing --------------------------------------------------------------------


def _md(s: str) -> str:
    from perbup_gen.keluaran.teks import md

    return md(s)


def teks_kekurangan(hasil: HasilMuat) -> str:
    """What a draft still lacks: config fields, then per desa (Markdown)."""
    k = hasil.konfigurasi
    kurang = hasil.draf
    out = [f"# Yang belum lengkap: {_md(k.nama_kabupaten)} tahun {k.tahun}", "",
           "Dokumen di folder ini adalah DRAF: titik-titik (...) menandai nama, nomor, atau tanggal yang "
           "belum ada. Lengkapi isian di bawah, lalu jalankan `perbup-gen validate` dan `perbup-gen build` "
           "tanpa `--draf`.", ""]
    isian = list(kurang.isian) if kurang is not None else []
    out += [f"## Isian konfigurasi ({len(isian)})", ""]
    out += [f"- `{_md(str(c.lokasi))}` **{_md(c.lokasi.jalur)}**: {_md(c.pesan)}" for c in isian] or ["- (lengkap)"]
    out.append("")
    kata_daerah = k.sebutan_daerah().pesan()
    baris = []
    for kode, nama, kecamatan, d in _desa_kabupaten(hasil):
        hal = []
        if d is None:
            hal.append("belum ada di roster")
        else:
            if d.kepala_desa is None or d.kepala_desa.nama == TITIK:
                hal.append(k.kata_pesan(kode, kata_daerah).kepala_desa)
            if not d.kpm:
                hal.append("KPM")
            kpm_kurang = [kata for kolom, kata in (("nama", "nama"), ("jenis_kelamin", "jenis kelamin"),
                                                   ("pendidikan", "pendidikan"), ("alamat", "alamat"))
                          if any(getattr(p, kolom) == TITIK for p in d.kpm)]
            if kpm_kurang:
                hal.append("data KPM (" + ", ".join(kpm_kurang) + ")")
            if not d.nomor_sk:
                hal.append("nomor SK")
            if not (d.tanggal_sk or k.sk_kpm.tanggal):
                hal.append("tanggal SK")
        if hal:
            baris.append(f"| {_md(kecamatan)} | {kode} | {_md(nama)} | {_md(', '.join(hal))} |")
    out += [f"## {kata_daerah.desa_judul} ({len(baris)} belum lengkap)", ""]
    if baris:
        out += [f"| {kata_daerah.kecamatan_judul} | Kode | {kata_daerah.desa_judul} | Belum ada |", "|---|---|---|---|"] + baris
    else:
        out.append(f"Semua {kata_daerah.desa} lengkap.")
    return "\n".join(out) + "\n"


# --- all of it -----------------------------------------------------------------------------------


def berkas_laporan(hasil: HasilMuat, periksa: LaporanPeriksa, catatan, dokumen: list[str], pdf: bool = False,
                   gabung: str | None = None) -> Iterator[BerkasKeluaran]:
    """The recap, the register, the check report, a draft's list of gaps and the index (after the
    documents: `catatan` must hold the decrees made)."""
    nomor = {s.kode: _kalimat_nomor(s.nomor).removeprefix("Nomor ") for s in catatan.sk}
    yield BerkasKeluaran(JALUR_REKAP, _xlsx_rekap(hasil, baris_rekap(hasil, periksa, nomor)), "rekap")
    yield BerkasKeluaran(JALUR_BUKU, _xlsx_buku(hasil, entri_buku_keputusan(hasil, catatan.sk)), "rekap")
    yield BerkasKeluaran(JALUR_LAPORAN, periksa.html().encode("utf-8"), "laporan")
    lain = [("Rekap KPM desa (Excel)", JALUR_REKAP), ("Buku Keputusan Kepala Desa (Excel)", JALUR_BUKU),
            ("Laporan pemeriksaan", JALUR_LAPORAN)]
    if hasil.draf is not None:
        yield BerkasKeluaran(JALUR_KEKURANGAN, teks_kekurangan(hasil).encode("utf-8"), "laporan")
        lain.insert(0, ("Yang belum lengkap (draf)", JALUR_KEKURANGAN))
    bundel = []
    if gabung == "kecamatan":
        from perbup_gen.konfigurasi.wilayah import DaftarWilayah

        wilayah = DaftarWilayah.muat()
        for kode_kec in sorted({s.kode.rsplit(".", 1)[0] for s in catatan.sk if s.jalur.endswith(".docx")}):
            w = wilayah.cari(kode_kec)
            nama = w.nama if w else kode_kec
            bundel.append((f"Kecamatan {nama}", jalur_bundel(kode_kec, nama, "zip"),
                           jalur_bundel(kode_kec, nama, "pdf") if pdf else None))
    baris = _baris_indeks(hasil, periksa, catatan, dokumen, pdf)
    yield BerkasKeluaran(JALUR_INDEKS, _html_indeks(hasil, periksa, baris, lain, bundel), "indeks")
