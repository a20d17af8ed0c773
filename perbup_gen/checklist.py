"""The paraf-koordinasi checklist and stage schedule (a working paper, Dokumen jenis "naskah").

Three parts: the paraf-koordinasi rows of the Perbup draft, those of the Tim Penyusun decree, and
the stages of juknis Aksi 4 (plus the KPM decree of Aksi 5) with their targets counted back from
the deadline. Rows are filled from `status.yaml` when given. The document holds no clock time and
no "today": the same config and status give the same document.
"""
from __future__ import annotations

from . import bilangan
from .model import Alinea, BarisParaf, Dokumen, Judul, Kepala, Tabel, teks
from .muat import HasilMuat
from .status import (
    DOKUMEN_PARAF, JenisDokumenParaf, StatusProses, jadwal, muat_status, teks_keadaan, urutan_paraf,
)

JUDUL = "DAFTAR PERIKSA PARAF KOORDINASI DAN JADWAL TAHAPAN"
KEPALA_PARAF = ["No", "Jabatan", "Nama", "Paraf", "Tanggal"]
LEBAR_PARAF = [0.5, 3.2, 2.4, 1.1, 1.6]
KEPALA_TAHAPAN = ["Tahap", "Langkah", "Penanggung jawab", "Target", "Status"]
LEBAR_TAHAPAN = [0.9, 3.7, 2.0, 1.4, 1.5]


def baris_paraf(hasil: HasilMuat, dokumen: JenisDokumenParaf, status: StatusProses | None = None) -> list[BarisParaf]:
    """The paraf rows of `dokumen` ("perbup" or "tim_penyusun") in order, with name, "sudah" and
    date filled where status.yaml records an initial. Usable for the Perbup's own paraf box."""
    k = hasil.konfigurasi
    out = []
    for p in urutan_paraf(k, dokumen):
        c = status.cari_paraf(dokumen, p.jabatan) if status else None
        out.append(BarisParaf(
            jabatan=p.jabatan,
            nama=(c.oleh if c and c.oleh else p.nama),
            paraf="sudah" if c else "",
            tanggal=bilangan.tanggal(c.tanggal) if c else "",
        ))
    return out


def _tabel_paraf(baris: list[BarisParaf]) -> Tabel:
    return Tabel(KEPALA_PARAF, [[str(i), b.jabatan, b.nama, b.paraf, b.tanggal] for i, b in enumerate(baris, 1)],
                 list(LEBAR_PARAF))


def judul_perbup(hasil: HasilMuat) -> str:
    k = hasil.konfigurasi
    return f"Peraturan Bupati {k.kabupaten.nama} tentang {k.perbup.tentang}"


def bangun_checklist(hasil: HasilMuat, status: StatusProses | None = None) -> Dokumen:
    """The checklist document. `status` None: read status.yaml from the config folder (an absent
    file is an empty status). Needs no `penomoran.susun()` (no lists, no references)."""
    k = hasil.konfigurasi
    if status is None:
        status = muat_status(hasil)
    opd = k.opd_pemrakarsa
    tentang = f"PENYUSUNAN {judul_perbup(hasil).upper()}"
    isi = []
    if k.contoh:
        isi.append(Alinea(teks("CONTOH: nama pejabat dalam daftar ini fiktif."), "tengah"))

    isi.append(Alinea(teks(f"A. Paraf Koordinasi {DOKUMEN_PARAF['perbup']}"), "subjudul"))
    isi.append(Alinea(teks(
        "Rancangan final diparaf berurutan oleh pejabat di bawah ini sebelum diajukan kepada Bupati "
        "melalui Sekretaris Daerah (Petunjuk Teknis Aksi 4, Tahap Ketiga).")))
    isi.append(_tabel_paraf(baris_paraf(hasil, "perbup", status)))

    isi.append(Alinea(teks(f"B. Paraf Koordinasi {DOKUMEN_PARAF['tim_penyusun']}"), "subjudul"))
    if k.tim_penyusun.ditetapkan_oleh == "kepala_opd":
        ket = (f"Keputusan ditetapkan oleh {opd.jabatan_kepala or 'Kepala ' + opd.nama}; "
               f"paraf koordinasi oleh pejabat {opd.nama} sendiri.")
    else:
        ket = f"Keputusan ditetapkan oleh Bupati {k.kabupaten.nama}; diajukan melalui Sekretaris Daerah."
    isi.append(Alinea(teks(ket)))
    isi.append(_tabel_paraf(baris_paraf(hasil, "tim_penyusun", status)))

    isi.append(Alinea(teks("C. Jadwal Tahapan"), "subjudul"))
    isi.append(Alinea(teks(
        f"Batas penetapan Peraturan Bupati: {bilangan.tanggal(k.batas_penetapan)} (Petunjuk Teknis "
        "Aksi 4: paling lambat bulan Mei tahun berjalan; penetapan Kader Pembangunan Manusia juga "
        "pada bulan Mei). Target setiap langkah dihitung mundur dari batas tersebut.")))
    baris = []
    for t in jadwal(hasil):
        for i, l in enumerate(t.langkah):
            c = status.tahapan.get(l.kode)
            baris.append([t.nama.split(":")[0] if i == 0 else "", l.uraian, l.penanggung_jawab, bilangan.tanggal(l.target),
                          teks_keadaan(c.selesai if c else None, c.catatan if c else None)])
    isi.append(Tabel(list(KEPALA_TAHAPAN), baris, list(LEBAR_TAHAPAN)))

    return Dokumen(
        jenis="naskah",
        kepala=Kepala([f"PEMERINTAH {k.nama_kabupaten.upper()}", opd.nama.upper()], None),
        judul=Judul(jenis=JUDUL, nomor="", tentang=tentang),
        isi=isi,
        properti={
            "title": "Daftar Periksa Paraf Koordinasi dan Jadwal Tahapan",
            "subject": judul_perbup(hasil),
            "author": opd.nama,
        },
    )
