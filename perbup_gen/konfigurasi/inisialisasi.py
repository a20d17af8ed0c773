"""`perbup-gen init KODE`: scaffold a district folder from the national list.

The folder gets `kabupaten.yaml` (names from the national list, everything the juknis sets left to
`clauses/bawaan.yaml`, and empty fields marked `ISI` that `perbup-gen validate` will name until they
are filled) and `roster.xlsx` with one row per desa (kelurahan are left out).
"""
from __future__ import annotations

import json

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
                          # atau dari perbup.dasar_hukum.tambahan di bawah
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

perbup:
  dasar_hukum:
    pilih: [uu-12-2011, uu-6-2014, uu-23-2014, uu-17-2023, pp-43-2014, perpres-72-2021]
    tambahan: {{}}
    # contoh entri lokal:
    # tambahan:
    #   uu-pembentukan:
    #     jenis: UU
    #     tanggal: 2002-04-10
    #     teks: Undang-Undang Nomor ... Tahun ... tentang Pembentukan ... (Lembaran Negara ...)

roster: roster.xlsx
"""


def isi_folder_kabupaten(kode: str) -> tuple[str, list[tuple[str, bytes]]]:
    """(default folder name, [(file name, bytes)]) of a new district folder; writes nothing
    (`perbup_gen.proses.inisialisasi` writes them)."""
    from perbup_gen.jalur import nama_berkas
    from perbup_gen.konfigurasi.skema import skema_json

    _, kab = _kabupaten(kode)
    return nama_berkas(_tanpa_awalan(kab.nama)), [
        ("kabupaten.yaml", teks_kabupaten_yaml(kode).encode("utf-8")),
        ("roster.xlsx", isi_roster_kabupaten(kab.kode)),
        ("perbup-gen.schema.json", (skema_json() + "\n").encode("utf-8")),
    ]


def isi_roster_kabupaten(kode: str | None) -> bytes:
    """The Excel roster template, with one row per desa of kabupaten `kode` when given."""
    import io

    from perbup_gen.konfigurasi.roster import tulis_templat_roster

    baris = []
    if kode:
        wilayah, kab = _kabupaten(kode)
        for kec in wilayah.anak(kab.kode):
            for d in wilayah.anak(kec.kode):
                if d.tingkat == "desa":
                    baris.append((d.kode, d.nama, kec.nama))
    keluaran = io.BytesIO()
    tulis_templat_roster(keluaran, baris)
    return keluaran.getvalue()
