"""`perbup-gen check`: build every document the way `build` would, run the drafting checks
(`periksa.naskah`) on each numbered model and the data checks (`periksa.data`) on the config,
and collect one `LaporanPeriksa`. `pastikan_lolos` is what `build` calls first.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Callable

from perbup_gen.errors import ConfigError, PerbupGenError
from perbup_gen.konfigurasi.model import Desa
from perbup_gen.konfigurasi.muat import HasilMuat
from perbup_gen.periksa.data import periksa_data
from perbup_gen.proses.terbangun import DokumenTerbangun
from perbup_gen.periksa.laporan import (
    DOKUMEN_KONTRAK_SEMUA, DOKUMEN_SK_SEMUA, DOKUMEN_TIM, LaporanPeriksa, Temuan, dokumen_kontrak, dokumen_perbup,
    dokumen_sk_kpm, label_desa, tempat_lokasi,
)
from perbup_gen.periksa.naskah import (
    TemuanNaskah, periksa_dokumen, periksa_kutipan_definisi, periksa_naskah,
)

__all__ = ["PemeriksaanGagal", "jalankan_periksa", "pastikan_lolos", "periksa", "periksa_tujuan_laporan", "tulis_laporan"]


# --- drafting checks per document ----------------------------------------------------------------


def _gagal_bangun(e: Exception, dokumen: str, desa: str | None = None) -> list[Temuan]:
    if isinstance(e, ConfigError):
        return [Temuan("galat", dokumen, tempat_lokasi(m.lokasi), f"dokumen tidak dapat dibuat: {m.pesan}", desa)
                for m in e.masalah]
    if not isinstance(e, (PerbupGenError, ValueError)):  # a bug: name it, do not stop the check
        return [Temuan("galat", dokumen, "", f"dokumen tidak dapat dibuat (kesalahan internal {type(e).__name__}: {e})", desa)]
    return [Temuan("galat", dokumen, "", f"dokumen tidak dapat dibuat: {e}", desa)]


def _periksa_sk_kpm(hasil: HasilMuat, setiap: Callable[..., None] | None = None,
                    simpan: DokumenTerbangun | None = None) -> tuple[list[Temuan], int]:
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
    kata = k.kata_pesan()

    def nama_sk(d: Desa) -> str:
        return dokumen_sk_kpm(d, k.nama_desa_lengkap(d.kode, d.nama or d.kode, kata))

    for d in k.desa:
        if setiap:
            setiap()
        if d.kelurahan or pembangun.bisa_dibuat(d):
            continue  # the data checks say why
        try:
            dok = pembangun.bangun(d)
        except Exception as e:  # one desa failing must not stop the others
            gagal += _gagal_bangun(e, nama_sk(d), label_desa(d))
            continue
        desa_dibuat.append(d)
        per_desa.append(periksa_naskah(dok, hasil.peraturan, wilayah))
        if simpan is not None:
            simpan.simpan(("sk", d.kode), dok)
    temuan = _umum_sekali(per_desa, DOKUMEN_SK_SEMUA,
                          [(nama_sk(d), label_desa(d)) for d in desa_dibuat])
    return temuan + gagal, len(desa_dibuat)


def _umum_sekali(per_dokumen: list[list[TemuanNaskah]], nama_semua: str,
                 nama: list[tuple[str, str]]) -> list[Temuan]:
    """Findings of a batch of documents; those repeated in every one are reported once under
    `nama_semua`, the rest under their document (`nama`: document name, desa label)."""
    hitung: dict[TemuanNaskah, int] = {}
    for ts in per_dokumen:
        for t in dict.fromkeys(ts):
            hitung[t] = hitung.get(t, 0) + 1
    umum = {t for t, n in hitung.items() if n == len(per_dokumen) and len(per_dokumen) > 1}
    temuan = [Temuan(t.tingkat, nama_semua, t.tempat, t.pesan) for t in hitung if t in umum]
    for (dokumen, desa), ts in zip(nama, per_dokumen):
        temuan += [Temuan(t.tingkat, dokumen, t.tempat, t.pesan, desa) for t in ts if t not in umum]
    return temuan


def _periksa_kontrak(hasil: HasilMuat, simpan: DokumenTerbangun | None = None) -> tuple[list[Temuan], int]:
    """Every KPM's task contract, grouped like the SK KPM."""
    from perbup_gen.dokumen.kontrak import PembangunKontrak

    k = hasil.konfigurasi
    try:
        pembangun = PembangunKontrak(hasil)
    except (PerbupGenError, ValueError) as e:
        return _gagal_bangun(e, DOKUMEN_KONTRAK_SEMUA), 0
    per_dokumen: list[list[TemuanNaskah]] = []
    nama: list[tuple[str, str]] = []
    gagal: list[Temuan] = []
    for d in k.desa_saja():
        for i, orang in enumerate(d.kpm):
            dokumen = dokumen_kontrak(d, orang.nama)
            try:
                dok = pembangun.bangun(d, i)
            except Exception as e:  # one KPM failing must not stop the others
                gagal += _gagal_bangun(e, dokumen, label_desa(d))
                continue
            per_dokumen.append(periksa_naskah(dok, hasil.peraturan, k.kabupaten.nama))
            nama.append((dokumen, label_desa(d)))
            if simpan is not None:
                simpan.simpan(("kontrak", d.kode, i), dok)
    return _umum_sekali(per_dokumen, DOKUMEN_KONTRAK_SEMUA, nama) + gagal, len(nama)

def _periksa_revisi(hasil: HasilMuat, bentuk: str | None = None,
                    simpan: DokumenTerbangun | None = None) -> list[Temuan]:
    """The documents of a revision (amendment and/or replacement; `bentuk` as `build --bentuk`)
    checked, with the revision's own warnings: doubtful alignments, unknown Berita Daerah numbers,
    a replacement recommended."""
    from perbup_gen.proses.ubah import rencana_revisi

    k = hasil.konfigurasi
    nama_perbup = dokumen_perbup(k.kepala_daerah)
    try:
        r = rencana_revisi(hasil, bentuk)
    except Exception as e:
        return _gagal_bangun(e, nama_perbup)
    if simpan is not None:
        simpan.simpan(("revisi", bentuk), r)
    temuan: list[Temuan] = []
    for jenis, dok in r.dokumen.items():
        nama = nama_perbup + (" (perubahan)" if jenis == "perubahan" else "")
        temuan += periksa_dokumen(dok, nama, hasil.peraturan, k.kabupaten.nama)
    if "perubahan" in r.dokumen and r.hasil_ubah is not None:
        # the restated Pasal, checked where they stand in the new Perbup as built, reported under
        # their numbers in the amendment ("Pasal 7A ayat (2)")
        hu = r.hasil_ubah
        nomor = {p.nomor_baru: str(p.baru.nomor) for p in hu.perubahan.pasangan
                 if p.nomor_baru and p.status in ("ubah", "sisip")}
        for t in periksa_dokumen(hu.baru, f"{nama_perbup} (perubahan)", hasil.peraturan, k.kabupaten.nama):
            m = re.match(r"^Pasal (\S+)", t.tempat)
            if m and m.group(1) in nomor:
                t.tempat = f"Pasal {nomor[m.group(1)]}" + t.tempat[m.end():]
                temuan.append(t)
    tempat = tempat_lokasi(hasil.lokasi("perbup", "mengubah")) if k.perbup.mengubah else ""
    for p in r.peringatan:
        temuan.append(Temuan("peringatan", nama_perbup, tempat, p))
    for p in r.ragu:
        temuan.append(Temuan("peringatan", nama_perbup, tempat,
                             f"penyelarasan perlu dipastikan: {p} (patok di perbup.mengubah.pasangan)"))
    if r.alasan_penggantian and "perubahan" in r.dokumen:
        temuan.append(Temuan("peringatan", nama_perbup, tempat, "Lampiran II menyarankan penggantian, "
                             "bukan perubahan: " + "; ".join(r.alasan_penggantian)))
    return temuan


# --- what the clause library says about its definitions -------------------------------------------


def pustaka_definisi(hasil: HasilMuat) -> tuple[list[str], dict[str, str]]:
    """What the clause library says about definitions (perbup/definisi.yaml): every term the
    package's or the district's file can define (a capitalised term the Perbup uses without
    defining it reads as defined, even when a district's file drops it), and the terms whose
    wording is not yet matched to their source (`kutipan: belum dicocokkan`, the district's file)."""
    from perbup_gen.dokumen.konteks import konteks_dasar
    from perbup_gen.dokumen.pustaka import PustakaKlausul, pustaka_klausul
    from perbup_gen.jalur import KLAUSUL
    from perbup_gen.konfigurasi.sebutan import sebutan_daerah
    from perbup_gen.naskah.klausul import TemplatBaris

    # a term written with the region's words ("{{ sebutan.desa }}") is known in its local form and
    # in the national forms (a "Kepala Desa" or "Bupati" left in a Gampong's Perwal reads as defined)
    konteks = [konteks_dasar(hasil)] + [konteks_dasar(hasil, sebutan_daerah(kode)) for kode in ("00.01", "00.71")]

    def bentuk(t: str) -> list[str]:
        if "{" not in t:
            return [t.strip()]
        try:
            return [TemplatBaris(t, kx, "perbup/definisi.yaml").teks().strip() for kx in konteks]
        except PerbupGenError:
            return []

    istilah: list[str] = []
    belum: dict[str, str] = {}
    for pustaka, catat_belum in ((PustakaKlausul([KLAUSUL]), False), (pustaka_klausul(hasil), True)):
        try:
            data, _, _ = pustaka.baca_yaml("perbup/definisi.yaml")
        except PerbupGenError:
            continue  # the Perbup build reports it
        for d in data.get("definisi") or []:
            if not isinstance(d, dict) or not isinstance(d.get("istilah"), list):
                continue
            nama = [x for i in d["istilah"] for x in bentuk(str(i)) if x]
            istilah += nama
            if catat_belum and str(d.get("kutipan", "")).strip() == "belum dicocokkan":
                for i in nama:
                    belum[i] = str(d.get("sumber") or "sumber belum dicatat").strip()
    return list(dict.fromkeys(istilah)), belum


# --- everything ----------------------------------------------------------------------------------


def periksa(hasil: HasilMuat, dokumen: bool = True, setiap: Callable[..., None] | None = None,
            simpan: DokumenTerbangun | None = None, bentuk: str | None = None) -> LaporanPeriksa:
    """Check the config and every document built from it. `dokumen=False`: data checks only.
    `setiap()` is called once per roster entry (progress). `simpan`: keep the models built, for
    the build that follows (proses/terbangun.py). `bentuk`: a revision's form, as `build --bentuk`."""
    k = hasil.konfigurasi
    kata = k.sebutan_daerah().pesan()
    # the group headings name each desa by its region's word, a desa with names of its own by its own
    khusus = {d.kode: k.sebutan_daerah(d.kode).pesan().desa_judul for d in k.desa if k.sebutan_sendiri(d.kode)}
    laporan = LaporanPeriksa(judul=f"Hasil pemeriksaan {k.nama_kabupaten} tahun {k.tahun}",
                             sebutan_desa=kata.desa_judul, sebutan_desa_khusus=khusus)
    temuan: list[Temuan] = []
    if dokumen:
        from perbup_gen.dokumen.perbup import bangun_perbup
        from perbup_gen.dokumen.tim_penyusun import bangun_tim_penyusun

        istilah, belum = pustaka_definisi(hasil)
        nama_perbup = dokumen_perbup(k.kepala_daerah)
        dibangun = [(nama_perbup, bangun_perbup, "perbup"), (DOKUMEN_TIM, bangun_tim_penyusun, "tim_penyusun")]
        if k.perbup.mengubah is not None or k.perbup.mencabut:
            temuan += _periksa_revisi(hasil, bentuk, simpan)  # the revision's documents stand for the Perbup
            dibangun = dibangun[1:]
        for nama, bangun, kunci in dibangun:
            try:
                dok = bangun(hasil)
            except (PerbupGenError, ValueError) as e:
                temuan += _gagal_bangun(e, nama)
                continue
            if simpan is not None:
                simpan.simpan(kunci, dok)
            temuan += periksa_dokumen(dok, nama, hasil.peraturan, k.kabupaten.nama, istilah_dikenal=istilah)
            if nama == nama_perbup:
                temuan += [Temuan(t.tingkat, nama, t.tempat, t.pesan) for t in periksa_kutipan_definisi(dok, belum)]
        temuan_sk, jumlah_sk = _periksa_sk_kpm(hasil, setiap, simpan)
        temuan += temuan_sk
        laporan.diperiksa += [nama_perbup, DOKUMEN_TIM, f"SK KPM {jumlah_sk} {kata.desa}"]
        from perbup_gen.kinerja.aturan import ada_besaran

        if ada_besaran(k):  # no amount of the performance incentive: no contracts (the data check says so)
            temuan_kontrak, jumlah_kontrak = _periksa_kontrak(hasil, simpan)
            temuan += temuan_kontrak
            laporan.diperiksa.append(f"kontrak tugas {jumlah_kontrak} KPM")
    temuan += periksa_data(hasil)
    laporan.diperiksa.append(f"konfigurasi ({len(k.desa)} {kata.desa}/kelurahan di roster)")
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


def pastikan_lolos(hasil: HasilMuat, paksa: bool = False, setiap: Callable[..., None] | None = None,
                   simpan: DokumenTerbangun | None = None, bentuk: str | None = None) -> LaporanPeriksa:
    """Run the checks before a build: raise PemeriksaanGagal on errors unless `paksa` (or a draft,
    which is built whatever the checks say and shows them). `simpan` keeps the models for the build;
    `bentuk` is the build's (a revision's form)."""
    laporan = periksa(hasil, setiap=setiap, simpan=simpan, bentuk=bentuk)
    if laporan.ada_galat and not paksa and hasil.draf is None:
        raise PemeriksaanGagal(laporan)
    return laporan


def _tulis(path: Path, teks: str) -> None:
    from perbup_gen.keluaran.berkas import tulis_berkas

    tulis_berkas(path, teks.encode("utf-8"), "Laporan")


def jalankan_periksa(konfigurasi: Path | str, keluaran_md: Path | None = None,
                     keluaran_html: Path | None = None, setiap: Callable[..., None] | None = None,
                     hasil: HasilMuat | None = None) -> tuple[str, int]:
    """`perbup-gen check KONFIGURASI [--md FILE] [--html FILE]`: (report text, exit code).

    Exit code 1 when there are errors, 0 otherwise; an invalid config raises ConfigError (exit 2
    through the CLI's error handler).
    """
    from perbup_gen.konfigurasi.muat import muat_konfigurasi

    if hasil is None:
        hasil = muat_konfigurasi(konfigurasi)
    periksa_tujuan_laporan(keluaran_md, keluaran_html)
    laporan = periksa(hasil, setiap=setiap)
    tulis_laporan(laporan, keluaran_md, keluaran_html)
    return laporan.teks(), (1 if laporan.ada_galat else 0)


def periksa_tujuan_laporan(keluaran_md: Path | None, keluaran_html: Path | None) -> None:
    """Refuse a report destination that cannot be written, before the (long) check runs."""
    from perbup_gen.keluaran.berkas import periksa_tujuan

    for tujuan in (keluaran_md, keluaran_html):
        if tujuan is not None:
            periksa_tujuan(Path(tujuan), folder=False)


def tulis_laporan(laporan: LaporanPeriksa, keluaran_md: Path | None, keluaran_html: Path | None) -> None:
    """`check --md FILE --html FILE`: the report written as Markdown and/or HTML."""
    if keluaran_md is not None:
        _tulis(Path(keluaran_md), laporan.markdown())
    if keluaran_html is not None:
        _tulis(Path(keluaran_html), laporan.html())
