"""A revision of an existing Perbup: which document(s) `perbup`, `build` and `check` make when the
config says `perbup.mengubah` (amend the old regulation) or `perbup.mencabut` (replace it).

`rencana_revisi(hasil, bentuk)` imports the old text (`perbup.mengubah.berkas`), builds the amendment
(dokumen/perubahan.py) and decides between amending and replacing: `bentuk` "otomatis" (the default,
or `perbup.mengubah.bentuk`) amends unless the change reshapes the structure, touches more than half
of the material, or changes the title, and then says so with the figures and makes the replacing
Perbup (its closing chapter revokes the old one); "perubahan", "penggantian" and "keduanya" make
what they say. The plan carries the lines to print: the figures, the decision and the alignment
for review (pairs the reviewer should pin are marked).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from perbup_gen.errors import ConfigError, Masalah
from perbup_gen.konfigurasi.muat import HasilMuat
from perbup_gen.naskah.model import Dokumen

__all__ = ["BENTUK", "RencanaRevisi", "muat_lama", "rencana_revisi", "berkas_revisi", "NAMA_BERKAS"]

BENTUK = ("otomatis", "perubahan", "penggantian", "keduanya")
NAMA_BERKAS = {"perubahan": "perbup/rancangan-perbup-perubahan", "penggantian": "perbup/rancangan-perbup-peran-desa"}


@dataclass
class RencanaRevisi:
    """What a revision makes: `dokumen` maps "perubahan"/"penggantian" to its model."""

    bentuk: str
    dokumen: dict[str, Dokumen] = field(default_factory=dict)
    alasan_penggantian: list[str] = field(default_factory=list)
    peringatan: list[str] = field(default_factory=list)
    ragu: list[str] = field(default_factory=list)  # doubtful pairs of the alignment
    laporan: list[str] = field(default_factory=list)  # lines for the screen
    hasil_ubah: object | None = None  # dokumen.perubahan.HasilUbah


def muat_lama(hasil: HasilMuat, jalur: Path | None = None) -> Dokumen:
    """The old regulation of `perbup.mengubah.berkas` (relative to the config folder), imported. A
    missing or unreadable file is a ConfigError at that field."""
    from perbup_gen.impor import ImporError, impor_berkas

    m = hasil.konfigurasi.perbup.mengubah
    jalur = jalur or (hasil.folder / m.berkas)
    lokasi = hasil.lokasi("perbup", "mengubah", "berkas")
    if not jalur.is_file():
        raise ConfigError([Masalah(lokasi, f"berkas peraturan yang diubah tidak ada: {jalur}")])
    try:
        h = impor_berkas(jalur)
    except ImporError as e:
        raise ConfigError([Masalah(lokasi, f"berkas peraturan yang diubah tidak dapat dibaca: {e}")]) from None
    dok = h.dokumen
    if dok.jenis != "peraturan" or not any(True for _ in _pasal(dok)):
        raise ConfigError([Masalah(lokasi, f"{jalur.name} tidak terbaca sebagai peraturan (tidak ada Pasal)")])
    return dok


def _pasal(dok: Dokumen):
    from perbup_gen.naskah.model import semua_pasal

    return semua_pasal(dok.batang_tubuh)


def baris_penyelarasan(pasangan, hanya_berubah: bool = True) -> list[str]:
    """The alignment as lines "Pasal 7 (lama) = Pasal 8 (baru): diubah, kemiripan 0,98"."""
    kata = {"tetap": "tetap", "ubah": "diubah", "sisip": "disisipkan", "hapus": "dihapus"}
    out = []
    for p in pasangan:
        status = p.status
        if hanya_berubah and status == "tetap" and not p.ragu:
            continue
        kiri = f"Pasal {p.lama.nomor}" if p.lama is not None else "-"
        kanan = f"Pasal {p.nomor_baru}" if p.nomor_baru else "-"
        rinci = kata[status]
        if p.nomor_baru and p.baru is not None and str(p.baru.nomor) != p.nomor_baru and p.lama is None:
            rinci += f" sebagai Pasal {p.baru.nomor}"
        if p.lama is not None and p.baru is not None and not p.dihapus:
            rinci += f", kemiripan {p.kemiripan:.2f}".replace(".", ",")
        if p.dipatok:
            rinci += ", dipatok"
        baris = f"  {kiri:>10} -> {kanan:<10} {rinci}"
        if p.ragu:
            baris += f"\n  {'':>10}    PERLU DIPASTIKAN: {p.ragu}"
        out.append(baris)
    return out


def rencana_revisi(hasil: HasilMuat, bentuk: str | None = None) -> RencanaRevisi:
    """Build what the revision of `hasil` makes (see the module docstring)."""
    from perbup_gen.dokumen.perbup import bangun_perbup
    from perbup_gen.dokumen.perubahan import bangun_pengganti, bangun_perubahan, dicabut_dari_mengubah

    k = hasil.konfigurasi
    m = k.perbup.mengubah
    if bentuk is not None and bentuk not in BENTUK:
        raise ValueError(f"bentuk '{bentuk}' tidak dikenal; pilih {', '.join(BENTUK)}")
    if m is None:  # only perbup.mencabut: the replacing Perbup
        dok, peringatan = bangun_pengganti(hasil)
        return RencanaRevisi("penggantian", {"penggantian": dok}, peringatan=peringatan,
                             laporan=[f"{k.peraturan_kepala_daerah} ini mencabut {len(k.perbup.mencabut)} {k.peraturan_kepala_daerah} "
                                      "(perbup.mencabut)."])
    bentuk = bentuk or m.bentuk
    lama = muat_lama(hasil)
    baru = bangun_perbup(hasil)
    hu = bangun_perubahan(hasil, lama, baru)
    r = hu.perubahan.ringkasan
    alasan = r.alasan_penggantian()
    if " ".join(k.perbup.tentang.upper().split()) != " ".join(hu.lama.tentang.upper().split()):
        alasan.append(f"judul berubah: \"{hu.lama.tentang}\" menjadi \"{k.perbup.tentang.strip()}\"")
    ragu = [f"Pasal {p.lama.nomor if p.lama is not None else '-'} (lama) -> "
            f"Pasal {p.nomor_baru or '-'} (baru): {p.ragu}" for p in hu.perubahan.pasangan if p.ragu]
    laporan = [f"Perubahan atas Peraturan {k.kepala_daerah} {k.kabupaten.nama} Nomor {hu.lama.nomor} Tahun {hu.lama.tahun} "
               f"({m.berkas}): {r.teks()}; {len(hu.perubahan.perubahan)} butir perubahan."]
    if bentuk == "otomatis":
        if alasan:
            bentuk = "penggantian"
            laporan.append("Lebih tepat DIGANTI daripada diubah (Lampiran II UU 12/2011): " + "; ".join(alasan)
                           + f". Dibuat Peraturan {k.kepala_daerah} pengganti yang mencabut peraturan lama; rancangan "
                           "perubahannya tetap tersedia dengan --bentuk perubahan (atau keduanya).")
        else:
            bentuk = "perubahan"
    elif bentuk == "perubahan" and alasan:
        laporan.append("Catatan: " + "; ".join(alasan) + " -- Lampiran II menyarankan penggantian "
                       "(--bentuk penggantian).")
    dokumen: dict[str, Dokumen] = {}
    peringatan = list(hu.peringatan)
    if bentuk in ("perubahan", "keduanya"):
        dokumen["perubahan"] = hu.dokumen
    if bentuk in ("penggantian", "keduanya"):
        dok, p2 = bangun_pengganti(hasil, [dicabut_dari_mengubah(hasil, hu.lama)])
        dokumen["penggantian"] = dok
        peringatan += [p for p in p2 if p not in peringatan]
    laporan.append("Penyelarasan Pasal (lama -> baru; yang tetap tidak ditampilkan):")
    laporan += baris_penyelarasan(hu.perubahan.pasangan) or ["  (semua Pasal tetap)"]
    if ragu:
        laporan.append(f"{len(ragu)} pasangan perlu dipastikan: patok di perbup.mengubah.pasangan "
                       "(lama: nomor Pasal lama, baru: nomor Pasal versi baru atau label klausulnya).")
    return RencanaRevisi(bentuk, dokumen, alasan, peringatan, ragu, laporan, hu)


def berkas_revisi(hasil: HasilMuat, penyaji, bentuk: str | None = None, catatan=None,
                  rencana: RencanaRevisi | None = None) -> list:
    """The files of a revision (BerkasKeluaran), rendered by `penyaji`; the plan's lines go to
    `catatan.revisi` when given. `rencana`: the plan already made with this `bentuk` (by the check)."""
    from perbup_gen.keluaran.berkas import BerkasKeluaran

    r = rencana if rencana is not None else rencana_revisi(hasil, bentuk)
    if catatan is not None:
        catatan.revisi = r.laporan + [f"Peringatan: {p}" for p in r.peringatan]
    return [BerkasKeluaran(f"{NAMA_BERKAS[jenis]}.{penyaji.akhiran}", penyaji(dok), "perbup")
            for jenis, dok in r.dokumen.items()]
