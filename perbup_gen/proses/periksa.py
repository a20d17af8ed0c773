"""`perbup-gen check`: build every document the way `build` would, run the drafting checks
(`periksa.naskah`) on each numbered model and the data checks (`periksa.data`) on the config,
and collect one `LaporanPeriksa`. `pastikan_lolos` is what `build` calls first.
"""
from __future__ import annotations

from pathlib import Path
from typing import Callable

from perbup_gen.errors import ConfigError, PerbupGenError
from perbup_gen.konfigurasi.model import Desa
from perbup_gen.konfigurasi.muat import HasilMuat
from perbup_gen.periksa.data import periksa_data
from perbup_gen.periksa.laporan import (
    DOKUMEN_KONTRAK_SEMUA, DOKUMEN_PERBUP, DOKUMEN_SK_SEMUA, DOKUMEN_TIM, LaporanPeriksa, Temuan, dokumen_kontrak,
    dokumen_sk_kpm, label_desa, tempat_lokasi,
)
from perbup_gen.periksa.naskah import TemuanNaskah, periksa_dokumen, periksa_naskah

__all__ = ["PemeriksaanGagal", "jalankan_periksa", "pastikan_lolos", "periksa"]


# --- drafting checks per document ----------------------------------------------------------------


def _gagal_bangun(e: Exception, dokumen: str, desa: str | None = None) -> list[Temuan]:
    if isinstance(e, ConfigError):
        return [Temuan("galat", dokumen, tempat_lokasi(m.lokasi), f"dokumen tidak dapat dibuat: {m.pesan}", desa)
                for m in e.masalah]
    if not isinstance(e, (PerbupGenError, ValueError)):  # a bug: name it, do not stop the check
        return [Temuan("galat", dokumen, "", f"dokumen tidak dapat dibuat (kesalahan internal {type(e).__name__}: {e})", desa)]
    return [Temuan("galat", dokumen, "", f"dokumen tidak dapat dibuat: {e}", desa)]


def _periksa_sk_kpm(hasil: HasilMuat, setiap: Callable[[], None] | None = None) -> tuple[list[Temuan], int]:
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
        if setiap:
            setiap()
        if d.kelurahan or pembangun.bisa_dibuat(d):
            continue  # the data checks say why
        try:
            dok = pembangun.bangun(d)
        except Exception as e:  # one desa failing must not stop the others
            gagal += _gagal_bangun(e, dokumen_sk_kpm(d), label_desa(d))
            continue
        desa_dibuat.append(d)
        per_desa.append(periksa_naskah(dok, hasil.peraturan, wilayah))
    temuan = _umum_sekali(per_desa, DOKUMEN_SK_SEMUA,
                          [(dokumen_sk_kpm(d), label_desa(d)) for d in desa_dibuat])
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


def _periksa_kontrak(hasil: HasilMuat) -> tuple[list[Temuan], int]:
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
    return _umum_sekali(per_dokumen, DOKUMEN_KONTRAK_SEMUA, nama) + gagal, len(nama)

# --- everything ----------------------------------------------------------------------------------


def periksa(hasil: HasilMuat, dokumen: bool = True, setiap: Callable[[], None] | None = None) -> LaporanPeriksa:
    """Check the config and every document built from it. `dokumen=False`: data checks only.
    `setiap` is called once per roster entry as the decrees are checked (progress)."""
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
            temuan += periksa_dokumen(dok, nama, hasil.peraturan, k.kabupaten.nama)
        temuan_sk, jumlah_sk = _periksa_sk_kpm(hasil, setiap)
        temuan += temuan_sk
        temuan_kontrak, jumlah_kontrak = _periksa_kontrak(hasil)
        temuan += temuan_kontrak
        laporan.diperiksa += [DOKUMEN_PERBUP, DOKUMEN_TIM, f"SK KPM {jumlah_sk} desa",
                              f"kontrak tugas {jumlah_kontrak} KPM"]
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


def pastikan_lolos(hasil: HasilMuat, paksa: bool = False, setiap: Callable[[], None] | None = None) -> LaporanPeriksa:
    """Run the checks before a build: raise PemeriksaanGagal on errors unless `paksa`."""
    laporan = periksa(hasil, setiap=setiap)
    if laporan.ada_galat and not paksa:
        raise PemeriksaanGagal(laporan)
    return laporan


def _tulis(path: Path, teks: str) -> None:
    from perbup_gen.errors import OutputError, alasan_os
    from perbup_gen.keluaran.berkas import _tulis_atomik

    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        _tulis_atomik(path, teks.encode("utf-8"), 0o644)
    except OSError as e:
        raise OutputError(f"Laporan {path} tidak dapat ditulis: {alasan_os(e)}.") from None


def jalankan_periksa(konfigurasi: Path | str, keluaran_md: Path | None = None,
                     keluaran_html: Path | None = None) -> tuple[str, int]:
    """`perbup-gen check KONFIGURASI [--md FILE] [--html FILE]`: (report text, exit code).

    Exit code 1 when there are errors, 0 otherwise; an invalid config raises ConfigError (exit 2
    through the CLI's error handler).
    """
    from perbup_gen.konfigurasi.muat import muat_konfigurasi

    hasil = muat_konfigurasi(konfigurasi)
    from perbup_gen.keluaran.berkas import periksa_tujuan

    for tujuan in (keluaran_md, keluaran_html):
        if tujuan is not None:
            periksa_tujuan(Path(tujuan), folder=False)
    laporan = periksa(hasil)
    if keluaran_md is not None:
        _tulis(Path(keluaran_md), laporan.markdown())
    if keluaran_html is not None:
        _tulis(Path(keluaran_html), laporan.html())
    return laporan.teks(), (1 if laporan.ada_galat else 0)
