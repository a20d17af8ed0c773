"""`perbup-gen check`: drafting checks on every document and data checks on the config.

`periksa(hasil)` builds each document the way `build` would (Perbup, Keputusan Tim Penyusun, one
SK KPM per desa), runs the drafting checks of `periksa_naskah` on the numbered model (what will
be printed), runs the data checks on the config (each finding with file:line of the field), and
returns a `LaporanPeriksa` (terminal text, Markdown, HTML).

Levels: "galat" (an error: the document would be wrong or the data contradict itself; `build`
stops unless forced) and "peringatan" (to look at: unchecked citations, desa not yet in the
roster, spending below the minimum, a late target date, a term written with other capitals).

CLI glue for the lead (cli.py is not edited here): `jalankan_periksa(konfigurasi, md, html)`
returns (text, exit code); `pastikan_lolos(hasil, paksa)` is what `build` calls first.
"""
from __future__ import annotations

import datetime as _dt
import html as _html
import re
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Literal

from perbup_gen.naskah import bilangan
from perbup_gen.konfigurasi.model import Desa, tingkat_pendidikan
from perbup_gen.errors import ConfigError, Lokasi, PerbupGenError
from perbup_gen.konfigurasi.muat import HasilMuat
from perbup_gen.periksa.naskah import TemuanNaskah, periksa_naskah

__all__ = [
    "DOKUMEN_PERBUP",
    "DOKUMEN_TIM",
    "DOKUMEN_KONFIGURASI",
    "LaporanPeriksa",
    "PemeriksaanGagal",
    "Temuan",
    "jalankan_periksa",
    "pastikan_lolos",
    "periksa",
    "periksa_data",
    "periksa_dokumen",
]

Tingkat = Literal["galat", "peringatan"]

DOKUMEN_PERBUP = "Peraturan Bupati"
DOKUMEN_TIM = "Keputusan Tim Penyusun"
DOKUMEN_KONFIGURASI = "Konfigurasi"
DOKUMEN_SK_SEMUA = "SK KPM (semua desa)"


def dokumen_sk_kpm(desa: Desa) -> str:
    return f"SK KPM Desa {desa.nama or desa.kode}"


@dataclass(frozen=True)
class Temuan:
    """One finding. `tempat` is "Pasal 7 ayat (2) huruf b" for a document, "file:line [field]" for
    the config; `desa` is "62.10.01.2002 Sepang Kota" when the finding concerns one desa."""

    tingkat: Tingkat
    dokumen: str
    tempat: str
    pesan: str
    desa: str | None = None

    def __str__(self) -> str:
        return f"{self.tempat}: {self.pesan}" if self.tempat else self.pesan


def _label_desa(d: Desa) -> str:
    return f"{d.kode} {d.nama}" if d.nama else d.kode


def _tempat_lokasi(lok: Lokasi) -> str:
    return f"{lok}" + (f" [{lok.jalur}]" if lok.jalur else "")


# --- the report ----------------------------------------------------------------------------------


@dataclass
class LaporanPeriksa:
    temuan: list[Temuan] = field(default_factory=list)
    judul: str = "Hasil pemeriksaan"
    diperiksa: list[str] = field(default_factory=list)  # what was checked, for the summary

    @property
    def galat(self) -> list[Temuan]:
        return [t for t in self.temuan if t.tingkat == "galat"]

    @property
    def peringatan(self) -> list[Temuan]:
        return [t for t in self.temuan if t.tingkat == "peringatan"]

    @property
    def ada_galat(self) -> bool:
        return any(t.tingkat == "galat" for t in self.temuan)

    def ringkasan(self) -> str:
        g, p = len(self.galat), len(self.peringatan)
        if not g and not p:
            return "Tidak ada galat maupun peringatan."
        return f"{g} galat, {p} peringatan." + (" Perbaiki galat sebelum membuat dokumen." if g else "")

    def _kelompok(self, tingkat: str) -> list[tuple[str, list[tuple[str | None, list[Temuan]]]]]:
        """Findings of one level grouped by document (in order of first appearance), then desa."""
        per_dok: dict[str, dict[str | None, list[Temuan]]] = {}
        for t in self.temuan:
            if t.tingkat != tingkat:
                continue
            per_dok.setdefault(t.dokumen, {}).setdefault(t.desa, []).append(t)
        return [(dok, list(per_desa.items())) for dok, per_desa in per_dok.items()]

    def teks(self) -> str:
        out = [self.judul]
        if self.diperiksa:
            out.append("Diperiksa: " + "; ".join(self.diperiksa) + ".")
        for tingkat, nama in (("galat", "GALAT"), ("peringatan", "PERINGATAN")):
            kelompok = self._kelompok(tingkat)
            if not kelompok:
                continue
            jumlah = sum(len(ts) for _, per_desa in kelompok for _, ts in per_desa)
            out.append("")
            out.append(f"{nama} ({jumlah})")
            for dok, per_desa in kelompok:
                out.append(f"  {dok}")
                for desa, ts in per_desa:
                    inden = "    "
                    if desa and not dok.startswith("SK KPM Desa"):
                        out.append(f"    Desa {desa}")
                        inden = "      "
                    for t in ts:
                        out.append(f"{inden}- {t}")
        out.append("")
        out.append(self.ringkasan())
        from perbup_gen.keluaran.teks import bersih  # values from the config may carry control characters

        return "\n".join(bersih(b) for b in out) + "\n"

    def markdown(self) -> str:
        def md(s: str) -> str:
            s = re.sub(r"[\r\n\t]+", " ", s)
            return re.sub(r"([\\`*_\[\]<>#|{}!])", r"\\\1", s).replace("&", "&amp;")

        out = [f"# {md(self.judul)}", ""]
        if self.diperiksa:
            out += ["Diperiksa: " + md("; ".join(self.diperiksa)) + ".", ""]
        for tingkat, nama in (("galat", "Galat"), ("peringatan", "Peringatan")):
            kelompok = self._kelompok(tingkat)
            if not kelompok:
                continue
            jumlah = sum(len(ts) for _, per_desa in kelompok for _, ts in per_desa)
            out += [f"## {nama} ({jumlah})", ""]
            for dok, per_desa in kelompok:
                out += [f"### {md(dok)}", ""]
                for desa, ts in per_desa:
                    if desa and not dok.startswith("SK KPM Desa"):
                        out += [f"**Desa {md(desa)}**", ""]
                    for t in ts:
                        tempat = f"**{md(t.tempat)}**: " if t.tempat else ""
                        out.append(f"- {tempat}{md(t.pesan)}")
                    out.append("")
        out += [f"**{md(self.ringkasan())}**", ""]
        return "\n".join(out)

    def html(self) -> str:
        e = _html.escape
        out = ["<!DOCTYPE html>", "<html lang=\"id\">", "<head>", "<meta charset=\"utf-8\">",
               f"<title>{e(self.judul)}</title>",
               "<style>body{font-family:sans-serif;max-width:60em;margin:2em auto;line-height:1.4}"
               ".galat h2{color:#a00}.peringatan h2{color:#a60}"
               "code{background:#f3f3f3;padding:0 .2em}</style>",
               "</head>", "<body>", f"<h1>{e(self.judul)}</h1>"]
        if self.diperiksa:
            out.append(f"<p>Diperiksa: {e('; '.join(self.diperiksa))}.</p>")
        for tingkat, nama in (("galat", "Galat"), ("peringatan", "Peringatan")):
            kelompok = self._kelompok(tingkat)
            if not kelompok:
                continue
            jumlah = sum(len(ts) for _, per_desa in kelompok for _, ts in per_desa)
            out.append(f"<section class=\"{tingkat}\"><h2>{nama} ({jumlah})</h2>")
            for dok, per_desa in kelompok:
                out.append(f"<h3>{e(dok)}</h3>")
                for desa, ts in per_desa:
                    if desa and not dok.startswith("SK KPM Desa"):
                        out.append(f"<h4>Desa {e(desa)}</h4>")
                    out.append("<ul>")
                    for t in ts:
                        tempat = f"<code>{e(t.tempat)}</code>: " if t.tempat else ""
                        out.append(f"<li>{tempat}{e(t.pesan)}</li>")
                    out.append("</ul>")
            out.append("</section>")
        out += [f"<p><strong>{e(self.ringkasan())}</strong></p>", "</body>", "</html>", ""]
        return "\n".join(out)


# --- drafting checks per document ----------------------------------------------------------------


def periksa_dokumen(dok, nama_dokumen: str, hasil: HasilMuat | None = None,
                    desa: str | None = None) -> list[Temuan]:
    """The drafting checks of one numbered Dokumen as report findings."""
    peraturan = hasil.peraturan if hasil is not None else None
    wilayah = hasil.konfigurasi.kabupaten.nama if hasil is not None else None
    return [Temuan(t.tingkat, nama_dokumen, t.tempat, t.pesan, desa)
            for t in periksa_naskah(dok, peraturan, wilayah)]


def _gagal_bangun(e: Exception, dokumen: str, desa: str | None = None) -> list[Temuan]:
    if isinstance(e, ConfigError):
        return [Temuan("galat", dokumen, _tempat_lokasi(m.lokasi), f"dokumen tidak dapat dibuat: {m.pesan}", desa)
                for m in e.masalah]
    if not isinstance(e, (PerbupGenError, ValueError)):  # a bug: name it, do not stop the check
        return [Temuan("galat", dokumen, "", f"dokumen tidak dapat dibuat (kesalahan internal {type(e).__name__}: {e})", desa)]
    return [Temuan("galat", dokumen, "", f"dokumen tidak dapat dibuat: {e}", desa)]


def _periksa_sk_kpm(hasil: HasilMuat) -> tuple[list[Temuan], int]:
    """Every desa's SK KPM. Findings repeated in every decree (they come from shared clauses or the
    Mengingat list) are reported once under "SK KPM (semua desa)"."""
    from perbup_gen.dokumen.sk_kpm import PembangunSKKPM

    k = hasil.konfigurasi
    try:
        pembangun = PembangunSKKPM(hasil)
    except (PerbupGenError, ValueError) as e:
        return _gagal_bangun(e, DOKUMEN_SK_SEMUA), 0
    per_desa: list[list[TemuanNaskah]] = []
    desa_dibuat: list[Desa] = []
    gagal: list[Temuan] = []
    wilayah = k.kabupaten.nama
    for d in k.desa:
        if d.kelurahan or pembangun.bisa_dibuat(d):
            continue  # the data checks say why
        try:
            dok = pembangun.bangun(d)
        except Exception as e:  # one desa failing must not stop the others
            gagal += _gagal_bangun(e, dokumen_sk_kpm(d), _label_desa(d))
            continue
        desa_dibuat.append(d)
        per_desa.append(periksa_naskah(dok, hasil.peraturan, wilayah))
    hitung: dict[TemuanNaskah, int] = {}
    for ts in per_desa:
        for t in dict.fromkeys(ts):
            hitung[t] = hitung.get(t, 0) + 1
    umum = {t for t, n in hitung.items() if n == len(per_desa) and len(per_desa) > 1}
    temuan = [Temuan(t.tingkat, DOKUMEN_SK_SEMUA, t.tempat, t.pesan) for t in hitung if t in umum]
    for d, ts in zip(desa_dibuat, per_desa):
        temuan += [Temuan(t.tingkat, dokumen_sk_kpm(d), t.tempat, t.pesan, _label_desa(d))
                   for t in ts if t not in umum]
    return temuan + gagal, len(desa_dibuat)


# --- data checks on the config -------------------------------------------------------------------


def _nama_normal(s: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", s.lower()).split())


def periksa_data(hasil: HasilMuat, hari_ini: _dt.date | None = None) -> list[Temuan]:
    """Data checks on the validated config; each finding names file:line of the field."""
    from perbup_gen.konfigurasi.wilayah import DaftarWilayah

    k = hasil.konfigurasi
    out: list[Temuan] = []

    def temuan(tingkat: Tingkat, jalur: tuple, pesan: str, desa: Desa | None = None) -> None:
        out.append(Temuan(tingkat, DOKUMEN_KONFIGURASI, _tempat_lokasi(hasil.lokasi(*jalur)), pesan,
                          _label_desa(desa) if desa else None))

    minimal = k.kpm.pendidikan_minimal
    tingkat_min = tingkat_pendidikan(minimal)
    jumlah_min = k.kpm.jumlah_minimal_per_desa
    persen_min = k.apbdes.persen_dana_desa_minimal

    kode_dilihat: dict[str, int] = {}
    kpm_dilihat: dict[str, tuple[int, int, Desa]] = {}
    nik_dilihat: dict[str, tuple[int, int, Desa]] = {}
    for i, d in enumerate(k.desa):
        if d.kode in kode_dilihat:
            temuan("galat", ("desa", i, "kode"), f"desa {d.kode} tertulis dua kali (pertama di desa[{kode_dilihat[d.kode]}], "
                   f"{_tempat_lokasi(hasil.lokasi('desa', kode_dilihat[d.kode], 'kode'))})", d)
            continue
        kode_dilihat[d.kode] = i
        if d.kelurahan:
            for kolom in ("kepala_desa", "kpm", "apbdes", "nomor_sk"):
                if getattr(d, kolom):
                    temuan("galat", ("desa", i, kolom), f"{d.nama or d.kode} adalah kelurahan: kelurahan tidak "
                           "mempunyai Kepala Desa, APBDes, maupun KPM", d)
            continue

        # Kepala Desa and number of KPM
        if d.kepala_desa is None:
            if d.kpm:
                temuan("galat", ("desa", i), "Kepala Desa belum diisi: Keputusan Kepala Desa tentang KPM tidak "
                       "dapat ditandatangani", d)
            else:
                temuan("peringatan", ("desa", i), "Kepala Desa belum diisi", d)
        if not d.kpm:
            temuan("peringatan", ("desa", i), "desa belum mempunyai KPM: SK KPM tidak dibuat", d)
        elif len(d.kpm) < jumlah_min:
            temuan("galat", ("desa", i, "kpm"), f"desa mempunyai {bilangan.bilangan(len(d.kpm))} KPM, kurang dari "
                   f"jumlah minimal {bilangan.bilangan(jumlah_min)} KPM per desa (kpm.jumlah_minimal_per_desa)", d)

        kades = _nama_normal(d.kepala_desa.nama) if d.kepala_desa else None
        nama_di_desa: dict[str, int] = {}
        for j, p in enumerate(d.kpm):
            jalur = ("desa", i, "kpm", j)
            # eligibility (juknis Aksi 5): from the desa itself, at least the minimum education,
            # experienced as a community cadre
            if p.asal_desa and p.asal_desa != d.kode:
                temuan("galat", jalur + ("asal_desa",), f"KPM {p.nama} berasal dari desa {p.asal_desa}, bukan dari "
                       f"desa ini ({d.kode}); KPM harus berasal dari Desa setempat", d)
            if tingkat_pendidikan(p.pendidikan) < tingkat_min:
                temuan("galat", jalur + ("pendidikan",), f"pendidikan KPM {p.nama} {p.pendidikan}, di bawah pendidikan "
                       f"minimal {minimal} (kpm.pendidikan_minimal)", d)
            if not [x for x in p.pengalaman if x.strip()]:
                temuan("galat", jalur + ("pengalaman",), f"KPM {p.nama} belum mempunyai pengalaman sebagai kader "
                       "masyarakat (mis. Kader Posyandu, Guru PAUD); syarat KPM menurut Petunjuk Teknis", d)
            nama = _nama_normal(p.nama)
            if kades and nama == kades:
                temuan("galat", jalur + ("nama",), f"KPM {p.nama} adalah Kepala Desa {d.nama} sendiri; Kepala Desa "
                       "tidak dapat menetapkan dirinya sebagai KPM", d)
            if nama in nama_di_desa:
                temuan("galat", jalur + ("nama",), f"KPM {p.nama} tertulis dua kali di desa ini (juga kpm[{nama_di_desa[nama]}])", d)
                continue
            nama_di_desa[nama] = j
            if p.nik:
                nik = re.sub(r"\D", "", p.nik)
                if nik in nik_dilihat:
                    i2, j2, d2 = nik_dilihat[nik]
                    temuan("galat", jalur + ("nik",), f"NIK KPM {p.nama} sama dengan NIK KPM {d2.kpm[j2].nama} di desa "
                           f"{_label_desa(d2)} ({_tempat_lokasi(hasil.lokasi('desa', i2, 'kpm', j2, 'nik'))}); "
                           "satu orang hanya dapat menjadi KPM di satu desa", d)
                else:
                    nik_dilihat[nik] = (i, j, d)
            if nama in kpm_dilihat:
                i2, j2, d2 = kpm_dilihat[nama]
                temuan("peringatan", jalur + ("nama",), f"KPM {p.nama} juga tercatat sebagai KPM desa {_label_desa(d2)} "
                       f"({_tempat_lokasi(hasil.lokasi('desa', i2, 'kpm', j2, 'nama'))}); periksa apakah orang "
                       "yang sama", d)
            else:
                kpm_dilihat[nama] = (i, j, d)

        # APBDes figures
        a = d.apbdes
        if a is not None:
            jalur = ("desa", i, "apbdes")
            jumlah_baris = [m.jumlah for m in a.stunting if m.jumlah is not None]
            if a.anggaran_stunting is not None and jumlah_baris:
                total = sum(jumlah_baris, Decimal(0))
                if total != a.anggaran_stunting:
                    temuan("galat", jalur + ("anggaran_stunting",), f"jumlah rincian anggaran stunting "
                           f"{bilangan.rupiah_angka(total)} tidak sama dengan anggaran_stunting "
                           f"{bilangan.rupiah_angka(a.anggaran_stunting)}", d)
            if a.anggaran_stunting is not None and a.dana_desa is not None and a.anggaran_stunting > a.dana_desa:
                temuan("galat", jalur + ("anggaran_stunting",), f"anggaran stunting {bilangan.rupiah_angka(a.anggaran_stunting)} "
                       f"lebih besar daripada Dana Desa {bilangan.rupiah_angka(a.dana_desa)}", d)
            if a.dana_desa is not None and a.pagu is not None and a.dana_desa > a.pagu:
                temuan("galat", jalur + ("dana_desa",), f"Dana Desa {bilangan.rupiah_angka(a.dana_desa)} lebih besar "
                       f"daripada pagu APBDes {bilangan.rupiah_angka(a.pagu)}", d)
            if (persen_min is not None and a.anggaran_stunting is not None and a.dana_desa is not None
                    and a.anggaran_stunting * 100 < a.dana_desa * persen_min):
                harus = (a.dana_desa * persen_min / 100).quantize(Decimal("0.01"))
                temuan("peringatan", jalur + ("anggaran_stunting",), f"anggaran stunting "
                       f"{bilangan.rupiah_angka(a.anggaran_stunting)} kurang dari {bilangan.persen(persen_min)} Dana "
                       f"Desa ({bilangan.rupiah_angka(harus)}), batas yang diatur Peraturan Bupati "
                       "(apbdes.persen_dana_desa_minimal)", d)

    # every desa of the national list in the roster (grouped per kecamatan)
    try:
        wilayah = DaftarWilayah.muat()
        baris = wilayah.baris_kabupaten(k.kabupaten.kode)
    except (ValueError, OSError):
        baris = []
    ada = {d.kode for d in k.desa}
    kecamatan = {w.kode: w.nama for w in baris if w.tingkat == "kecamatan"}
    hilang: dict[str, list[str]] = {}
    for w in baris:
        if w.tingkat == "desa" and w.kode not in ada:
            hilang.setdefault(w.kode.rsplit(".", 1)[0], []).append(f"{w.nama} ({w.kode})")
    jalur_roster = ("roster",) if k.roster else ("desa",)
    for kode_kec, daftar in hilang.items():
        temuan("peringatan", jalur_roster, f"Kecamatan {kecamatan.get(kode_kec, kode_kec)}: "
               f"{bilangan.bilangan(len(daftar))} desa belum ada di roster: {', '.join(daftar)}")

    # the Perbup's target date: by May of the year (juknis)
    mei = _dt.date(k.tahun, 5, 31)
    if k.batas_penetapan > mei:
        temuan("peringatan", ("perbup", "batas_penetapan"), f"batas penetapan Peraturan Bupati "
               f"{bilangan.tanggal(k.batas_penetapan)} melewati bulan Mei {k.tahun}; Petunjuk Teknis meminta "
               "Peraturan Bupati ditetapkan paling lambat bulan Mei agar dapat dipakai dalam perencanaan Desa")
    if k.perbup.tanggal_penetapan and k.perbup.tanggal_penetapan > mei:
        temuan("peringatan", ("perbup", "tanggal_penetapan"), f"tanggal penetapan Peraturan Bupati "
               f"{bilangan.tanggal(k.perbup.tanggal_penetapan)} melewati bulan Mei {k.tahun} (Petunjuk Teknis)")
    return out


# --- everything ----------------------------------------------------------------------------------


def periksa(hasil: HasilMuat, dokumen: bool = True) -> LaporanPeriksa:
    """Check the config and every document built from it. `dokumen=False`: data checks only."""
    k = hasil.konfigurasi
    laporan = LaporanPeriksa(judul=f"Hasil pemeriksaan {k.nama_kabupaten} tahun {k.tahun}")
    temuan: list[Temuan] = []
    if dokumen:
        from perbup_gen.dokumen.perbup import bangun_perbup
        from perbup_gen.dokumen.tim_penyusun import bangun_tim_penyusun

        for nama, bangun in ((DOKUMEN_PERBUP, bangun_perbup), (DOKUMEN_TIM, bangun_tim_penyusun)):
            try:
                dok = bangun(hasil)
            except (PerbupGenError, ValueError) as e:
                temuan += _gagal_bangun(e, nama)
                continue
            temuan += periksa_dokumen(dok, nama, hasil)
        temuan_sk, jumlah_sk = _periksa_sk_kpm(hasil)
        temuan += temuan_sk
        laporan.diperiksa += [DOKUMEN_PERBUP, DOKUMEN_TIM, f"SK KPM {jumlah_sk} desa"]
    temuan += periksa_data(hasil)
    laporan.diperiksa.append(f"konfigurasi ({len(k.desa)} desa/kelurahan di roster)")
    laporan.temuan = temuan
    return laporan


# --- CLI glue ------------------------------------------------------------------------------------


class PemeriksaanGagal(PerbupGenError):
    """`build` found errors in the check and was not forced: exit code 1, the report as message."""

    kode_keluar = 1

    def __init__(self, laporan: LaporanPeriksa):
        self.laporan = laporan
        super().__init__(laporan.teks() + "Dokumen tidak dibuat. Perbaiki galat di atas, atau jalankan "
                         "ulang dengan --force untuk tetap membuatnya.")


def pastikan_lolos(hasil: HasilMuat, paksa: bool = False) -> LaporanPeriksa:
    """Run the checks before a build: raise PemeriksaanGagal on errors unless `paksa`."""
    laporan = periksa(hasil)
    if laporan.ada_galat and not paksa:
        raise PemeriksaanGagal(laporan)
    return laporan


def _tulis(path: Path, teks: str) -> None:
    from perbup_gen.keluaran.berkas import _tulis_atomik

    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        _tulis_atomik(path, teks.encode("utf-8"), 0o644)
    except OSError as e:
        from perbup_gen.errors import OutputError

        raise OutputError(f"{path}: laporan tidak dapat ditulis: {e.strerror}") from None


def jalankan_periksa(konfigurasi: Path | str, keluaran_md: Path | None = None,
                     keluaran_html: Path | None = None) -> tuple[str, int]:
    """`perbup-gen check KONFIGURASI [--md FILE] [--html FILE]`: (report text, exit code).

    Exit code 1 when there are errors, 0 otherwise; an invalid config raises ConfigError (exit 2
    through the CLI's error handler).
    """
    from perbup_gen.konfigurasi.muat import muat_konfigurasi

    hasil = muat_konfigurasi(konfigurasi)
    laporan = periksa(hasil)
    if keluaran_md is not None:
        _tulis(Path(keluaran_md), laporan.markdown())
    if keluaran_html is not None:
        _tulis(Path(keluaran_html), laporan.html())
    return laporan.teks(), (1 if laporan.ada_galat else 0)
