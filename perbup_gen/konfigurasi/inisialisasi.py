"""`perbup-gen init KODE`: scaffold a district folder from the national list.

The folder gets `kabupaten.yaml` (names from the national list, everything the juknis sets left to
`clauses/bawaan.yaml`, and empty fields marked `ISI` that `perbup-gen validate` will name until they
are filled) and `roster.xlsx` with one row per desa (kelurahan are left out).
"""
from __future__ import annotations

import json
from pathlib import Path

from perbup_gen.errors import OutputError
from perbup_gen.konfigurasi.wilayah import DaftarWilayah


def _q(s: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(s, ensure_ascii=False)


def _tanpa_awalan(nama: str) -> str:
    for awalan in ("Kabupaten ", "Kota ", "Provinsi "):
        if nama.startswith(awalan):
            return nama[len(awalan):]
    return nama


def _kabupaten(kode: str):
    wilayah = DaftarWilayah.muat()
    kab = wilayah.cari(kode.strip())
    if kab is None or kab.tingkat != "kabupaten":
        raise OutputError(f"kode {kode!r} bukan kode kabupaten/kota dalam daftar wilayah Kemendagri (contoh: 62.10)")
    return wilayah, kab


def teks_kabupaten_yaml(kode: str) -> str:
    wilayah, kab = _kabupaten(kode)
    prov = wilayah.provinsi_dari(kab.kode)
    nama = _tanpa_awalan(kab.nama)
    kecamatan = wilayah.anak(kab.kode)
    baris_kecamatan = "\n".join(f"    # - {{kode: {_q(k.kode)}, camat: {{nama: ...}}}}  # Camat {k.nama}" for k in kecamatan)
    return f"""# yaml-language-server: $schema=perbup-gen.schema.json
# Konfigurasi perbup-gen untuk {kab.nama}, Provinsi {_tanpa_awalan(prov.nama) if prov else ''}.
# Dibuat oleh `perbup-gen init {kab.kode}`. Isian bertanda ISI wajib dilengkapi; jalankan
# `perbup-gen validate <folder>` untuk melihat apa yang masih kurang. Nilai lain (tugas KPM, peran
# kecamatan, kriteria insentif, ...) diambil dari Petunjuk Teknis (clauses/bawaan.yaml) dan boleh
# diganti dengan menuliskannya di sini.

tahun: {__import__('datetime').date.today().year}

kabupaten:
  kode: {_q(kab.kode)}
  nama: {_q(nama)}
  provinsi: {_q(_tanpa_awalan(prov.nama) if prov else '')}
  ibu_kota: ""            # ISI: tempat Peraturan Bupati "ditetapkan di"
  dasar_pembentukan: ""   # ISI: kunci undang-undang pembentukan kabupaten, dari clauses/dasar_hukum.yaml
                          # atau dari peraturan: di bawah
  # lambang: lambang.png  # gambar lambang daerah (tidak wajib)

pejabat:
  bupati: {{nama: ""}}                       # ISI: nama tanpa gelar
  sekretaris_daerah: {{nama: "", nip: ""}}   # ISI
  kepala_bagian_hukum: {{nama: "", nip: ""}} # ISI
  asisten: []                              # mis. - {{jabatan: Asisten Pemerintahan dan Kesejahteraan Rakyat, nama: ..., nip: ...}}

# Perangkat Daerah yang terlibat. `pemrakarsa` menunjuk kode OPD pemrakarsa (bawaan: dpmd).
opd:
  - kode: dpmd
    nama: Dinas Pemberdayaan Masyarakat dan Desa
    singkatan: Dinas PMD
    kepala: {{nama: ""}}   # ISI
  - kode: dinkes
    nama: Dinas Kesehatan
    singkatan: Dinas Kesehatan
  - kode: bappeda
    nama: Badan Perencanaan Pembangunan Daerah
    singkatan: Bappeda

kecamatan:
  daftar: []   # Camat tiap kecamatan (tidak wajib):
{baris_kecamatan}

kpm:
  insentif:
    jumlah: 0              # ISI: insentif KPM dalam rupiah per periode
    periode: bulan

# Dasar hukum (Mengingat): bawaan dari clauses/bawaan.yaml (perbup.dasar_hukum.pilih). Peraturan
# lokal dan nomor yang sudah dicocokkan sendiri dicatat di sini, dengan sumbernya, mis.:
peraturan: {{}}
#   uu-pembentukan:
#     jenis: UU
#     nomor: ...
#     tahun: ...
#     judul: Pembentukan ...
#     lembaran: {{jenis: LN, tahun: ..., nomor: ..., tambahan: ...}}
#     diperiksa: {{tanggal: ..., sumber: [peraturan.go.id]}}
# perbup:
#   mencabut:   # Peraturan Bupati lama yang diganti
#     - {{nomor: ..., tahun: ..., tentang: ..., berita_daerah: {{tahun: ..., nomor: ...}}}}

roster: roster.xlsx
"""


def buat_folder_kabupaten(kode: str, folder: Path | None, force: bool = False) -> list[Path]:
    from perbup_gen.jalur import nama_berkas

    wilayah, kab = _kabupaten(kode)
    folder = folder or Path(nama_berkas(_tanpa_awalan(kab.nama)))
    utama = folder / "kabupaten.yaml"
    roster = folder / "roster.xlsx"
    skema = folder / "perbup-gen.schema.json"
    for p in (utama, roster, skema):
        if p.exists() and not force:
            raise OutputError(f"{p} sudah ada; gunakan --force untuk menimpa")
    folder.mkdir(parents=True, exist_ok=True)
    utama.write_text(teks_kabupaten_yaml(kode), encoding="utf-8")
    tulis_roster_kabupaten(roster, kab.kode, force=True)
    from perbup_gen.konfigurasi.skema import skema_json

    skema.write_text(skema_json() + "\n", encoding="utf-8")
    return [utama, roster, skema]


def tulis_roster_kabupaten(tujuan: Path, kode: str | None, force: bool = False) -> None:
    from perbup_gen.konfigurasi.roster import tulis_templat_roster

    if tujuan.suffix.lower() != ".xlsx":
        raise OutputError(f"{tujuan}: templat roster harus berakhiran .xlsx")
    if tujuan.exists() and not force:
        raise OutputError(f"{tujuan} sudah ada; gunakan --force untuk menimpa")
    baris = []
    if kode:
        wilayah, kab = _kabupaten(kode)
        for kec in wilayah.anak(kab.kode):
            for d in wilayah.anak(kec.kode):
                if d.tingkat == "desa":
                    baris.append((d.kode, d.nama, kec.nama))
    tujuan.parent.mkdir(parents=True, exist_ok=True)
    tulis_templat_roster(tujuan, baris)
