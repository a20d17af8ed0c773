"""`perbup-gen init KODE`: scaffold a district folder from the national list.

The folder gets `kabupaten.yaml` (names from the national list, everything the juknis sets left to
`clauses/bawaan.yaml`, and empty fields marked `ISI` that `perbup-gen validate` will name until they
are filled) and `roster.xlsx` with one row per desa (kelurahan are left out).
"""
from __future__ import annotations

import json
import re
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
    from perbup_gen.konfigurasi.wilayah import pesan_tanpa_desa

    tanpa_desa = pesan_tanpa_desa(kab.kode, wilayah)
    if tanpa_desa:
        raise OutputError(tanpa_desa + " Folder konfigurasi tidak dibuat.")
    return wilayah, kab


def _baris_sebutan(kode: str) -> str:
    """The `sebutan:` block of a new config: the table's names for the region as comments, each
    with how sure the table is; empty for a kabupaten with the national names."""
    from perbup_gen.konfigurasi.sebutan import KOLOM, sebutan_daerah

    s = sebutan_daerah(kode)
    if s.nasional and not s.kota and not s.ragu():
        return ""
    baris = []
    for k in KOLOM:
        n = s.nilai.get(k)
        if n is None or k == "dinas" or (k == "kepala_daerah" and not s.kota):
            continue
        if k in ("pembukaan", "pembukaan_desa"):
            nilai = "[" + ", ".join(_q(b) for b in s.pembukaan() if b) + "]" if k == "pembukaan" else \
                "[" + ", ".join(_q(b) for b in s.pembukaan_desa()) + "]"
        else:
            nilai = _q(n.teks)
        tanda = f"{n.keyakinan}: BELUM PASTI, cocokkan" if n.ragu else n.keyakinan
        baris.append(f"#   {k}: {nilai}".ljust(60) + f"  # {tanda}")
    return ("\n# Sebutan daerah: nama desa, kepala desa, dan lainnya menurut perbup_gen/data/sebutan.csv (dengan\n"
            "# sumber dan keyakinannya). Dokumen memakai nama-nama di bawah ini; `perbup-gen check` memperingatkan yang\n"
            "# belum pasti sampai nama itu ditulis di sini (tanpa tanda #) setelah dicocokkan dengan peraturan daerah.\n"
            "sebutan: {}\n" + "\n".join(baris) + "\n")


def teks_kabupaten_yaml(kode: str) -> str:
    from perbup_gen.konfigurasi.peraturan import pembentukan, tabel_paket
    from perbup_gen.konfigurasi.sebutan import kota, sebutan_daerah

    wilayah, kab = _kabupaten(kode)
    prov = wilayah.provinsi_dari(kab.kode)
    nama = _tanpa_awalan(kab.nama)
    kecamatan = wilayah.anak(kab.kode)
    s = sebutan_daerah(kab.kode)
    sk = s.konteks()
    kd = s.kepala_daerah  # "Bupati", "Wali Kota", "Walikota"
    baris_kecamatan = "\n".join(f"    # - {{kode: {_q(k.kode)}, camat: {{nama: ...}}}}  # {sk['camat']} {k.nama}" for k in kecamatan)
    # what the citation table knows: the formation law and the capital it names (a kota's own name)
    dibentuk = pembentukan(tabel_paket()[1], kab.kode)
    ibu_kota = (dibentuk[1] if dibentuk and dibentuk[1] else None) or (nama if kota(kab.kode) else None)
    baris_ibu_kota = (f"ibu_kota: {_q(ibu_kota)}".ljust(24) + f"# tempat Peraturan {kd} \"ditetapkan di\""
                      + (f" (undang-undang {dibentuk[0]})" if dibentuk and dibentuk[1] else "")) if ibu_kota else \
        f'ibu_kota: ""            # ISI: tempat Peraturan {kd} "ditetapkan di"'
    if dibentuk:
        baris_dasar = f"dasar_pembentukan: {_q(dibentuk[0])}  # undang-undang pembentukan (clauses/dasar_hukum.yaml)"
    else:
        baris_dasar = (f'dasar_pembentukan: ""   # ISI: kunci undang-undang pembentukan {kab.nama}, dari '
                       "clauses/dasar_hukum.yaml\n                          # atau dari peraturan: di bawah")
    # the Dinas PMD's local name where the table knows it (it changes often: a comment says so)
    dinas = s.nilai.get("dinas")
    nama_dinas, singkat_dinas, catatan_dinas = "Dinas Pemberdayaan Masyarakat dan Desa", "Dinas PMD", ""
    if dinas is not None and dinas.kode != "nasional":
        m = re.fullmatch(r"(.+?)\s*\(([^()]+)\)", dinas.teks)
        nama_dinas, singkat_dinas = (m.group(1), m.group(2)) if m else (dinas.teks, dinas.teks)
        catatan_dinas = f"  # nama dari tabel sebutan ({dinas.keyakinan}); nama dinas sering berubah: pastikan"
    jabatan_kd = "Wali Kota" if kota(kab.kode) else "Bupati"
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
  {baris_ibu_kota}
  {baris_dasar}
  # lambang: lambang.png  # gambar lambang daerah (tidak wajib)

pejabat:
  bupati: {{nama: ""}}                       # ISI: nama {jabatan_kd} tanpa gelar{' (kunci `bupati` berlaku juga untuk Wali Kota)' if kota(kab.kode) else ''}
  sekretaris_daerah: {{nama: "", nip: ""}}   # ISI
  kepala_bagian_hukum: {{nama: "", nip: ""}} # ISI
  asisten: []                              # mis. - {{jabatan: Asisten Pemerintahan dan Kesejahteraan Rakyat, nama: ..., nip: ...}}

# Perangkat Daerah yang terlibat. `pemrakarsa` menunjuk kode OPD pemrakarsa (bawaan: dpmd).
opd:
  - kode: dpmd
    nama: {_q(nama_dinas)}{catatan_dinas}
    singkatan: {_q(singkat_dinas)}
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

# Dasar hukum (Mengingat): bawaan dari clauses/bawaan.yaml (perbup.dasar_hukum.pilih), ditambah
# undang-undang daerah dari tabel sitasi (UU 11/2006 di Aceh, UU Otsus di Papua, UU 13/2012 di DIY,
# Perda Sumatera Barat tentang Nagari). Peraturan lokal dan nomor yang sudah dicocokkan sendiri
# dicatat di sini, dengan sumbernya, mis.:
peraturan: {{}}
#   uu-pembentukan:
#     jenis: UU
#     nomor: ...
#     tahun: ...
#     judul: Pembentukan ...
#     lembaran: {{jenis: LN, tahun: ..., nomor: ..., tambahan: ...}}
#     diperiksa: {{tanggal: ..., sumber: [peraturan.go.id]}}
# perbup:
#   mencabut:   # Peraturan {kd} lama yang diganti
#     - {{nomor: ..., tahun: ..., tentang: ..., berita_daerah: {{tahun: ..., nomor: ...}}}}
{_baris_sebutan(kab.kode)}
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
                if d.tingkat in ("desa", "desa_adat"):
                    baris.append((d.kode, d.nama, kec.nama))
    keluaran = io.BytesIO()
    tulis_templat_roster(keluaran, baris)
    return keluaran.getvalue()


# --- filling the ISI fields (the web form) -------------------------------------------------------

#: The fields `teks_kabupaten_yaml` leaves empty (marked ISI): (field path, label, kind). The web
#: app's form for a new district is made from this list.
ISIAN: list[tuple[tuple, str, str]] = [
    (("tahun",), "Tahun", "angka"),
    (("kabupaten", "ibu_kota"), "Ibu kota (tempat Peraturan Bupati/Wali Kota ditetapkan)", "teks"),
    (("kabupaten", "dasar_pembentukan"), "Undang-undang pembentukan kabupaten/kota (kunci di clauses/dasar_hukum.yaml)", "teks"),
    (("pejabat", "bupati", "nama"), "Nama Bupati/Wali Kota (tanpa gelar jabatan)", "teks"),
    (("pejabat", "sekretaris_daerah", "nama"), "Nama Sekretaris Daerah", "teks"),
    (("pejabat", "sekretaris_daerah", "nip"), "NIP Sekretaris Daerah", "teks"),
    (("pejabat", "kepala_bagian_hukum", "nama"), "Nama Kepala Bagian Hukum", "teks"),
    (("pejabat", "kepala_bagian_hukum", "nip"), "NIP Kepala Bagian Hukum", "teks"),
    (("opd", 0, "kepala", "nama"), "Nama Kepala Dinas PMD", "teks"),
    (("kpm", "insentif", "jumlah"), "Insentif KPM per bulan (rupiah)", "angka"),
]


def nilai_isian(path: Path) -> dict[tuple, str]:
    """The current values of the ISIAN fields in a config file, as text ("" when absent)."""
    from perbup_gen.konfigurasi.yaml_muat import muat_yaml

    data, _ = muat_yaml(path, path.name)
    hasil = {}
    for jalur, _, _ in ISIAN:
        v = data
        for bagian in jalur:
            try:
                v = v[bagian]
            except (KeyError, IndexError, TypeError):
                v = None
                break
        hasil[jalur] = "" if v is None or isinstance(v, (dict, list)) else str(v)
    return hasil


def teks_sunting(path: Path, perubahan: dict[tuple, object]) -> str:
    """The text of the YAML file `path` with values set by field path, its comments and layout
    kept (round trip). A missing mapping on the way is created; a list index must exist. Writes
    nothing (`perbup_gen.proses.inisialisasi.sunting_yaml` writes it)."""
    import io

    from ruamel.yaml import YAML
    from ruamel.yaml.comments import CommentedMap

    from perbup_gen.errors import ConfigError, Lokasi, Masalah
    from perbup_gen.konfigurasi.yaml_muat import baca_teks_berkas, muat_yaml, teks_jalur

    muat_yaml(path, path.name)  # the safe loader first: bounds, tags and duplicate keys
    y = YAML(typ="rt")
    y.width = 150
    y.indent(mapping=2, sequence=4, offset=2)
    y.preserve_quotes = True
    doc = y.load(baca_teks_berkas(path))
    for jalur, nilai in perubahan.items():
        tempat = doc
        for bagian in jalur[:-1]:
            if isinstance(bagian, int):
                if not isinstance(tempat, list) or bagian >= len(tempat):
                    raise ConfigError([Masalah(Lokasi(path.name, None, None, teks_jalur(jalur)), "isian tidak ada di berkas ini")])
                tempat = tempat[bagian]
            else:
                if tempat.get(bagian) is None:
                    tempat[bagian] = CommentedMap()
                tempat = tempat[bagian]
        tempat[jalur[-1]] = nilai
    keluar = io.StringIO()
    y.dump(doc, keluar)
    return keluar.getvalue()
