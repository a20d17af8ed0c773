"""The paraf-koordinasi checklist and stage schedule (a working paper, Dokumen jenis "naskah").

Three parts: the paraf-koordinasi rows of the Perbup draft, those of the Tim Penyusun decree, and
the stages of juknis Aksi 4 (plus the KPM decree of Aksi 5) with their targets counted back from
the deadline. Rows are filled from `status.yaml` when given. The document holds no clock time and
no "today": the same config and status give the same document. Wording: `clauses/checklist.yaml`.
"""
from __future__ import annotations

from perbup_gen.naskah import bilangan
from perbup_gen.errors import KlausulError
from perbup_gen.naskah.klausul import render_teks
from perbup_gen.naskah.model import Alinea, BarisParaf, Dokumen, Inline, Judul, Kepala, Tabel, teks
from perbup_gen.konfigurasi.muat import HasilMuat
from perbup_gen.dokumen.pustaka import pustaka_klausul
from perbup_gen.dokumen.jadwal import jadwal, teks_keadaan
from perbup_gen.dokumen.paraf import DOKUMEN_PARAF, JenisDokumenParaf, urutan_paraf
from perbup_gen.konfigurasi.status import StatusProses

JUDUL = "DAFTAR PERIKSA PARAF KOORDINASI DAN JADWAL TAHAPAN"
KEPALA_PARAF = ["No", "Jabatan", "Nama", "Paraf", "Tanggal"]
LEBAR_PARAF = [0.5, 3.2, 2.4, 1.1, 1.6]
KEPALA_TAHAPAN = ["Tahap", "Langkah", "Penanggung jawab", "Target", "Status"]
LEBAR_TAHAPAN = [1.2, 3.1, 2.35, 1.4, 1.45]


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


def bangun_checklist(hasil: HasilMuat, status: StatusProses) -> Dokumen:
    """The checklist document with the initials and finished steps of `status` (checked by
    proses.status.muat_status). Needs no `penomoran.susun()` (no lists, no references)."""
    k = hasil.konfigurasi
    opd = k.opd_pemrakarsa
    tentang = f"PENYUSUNAN {judul_perbup(hasil).upper()}"
    data, posisi, nama = pustaka_klausul(hasil).baca_yaml("checklist.yaml")
    konteks = {
        "nama_kabupaten": k.kabupaten.nama,
        "kepala_pemrakarsa": opd.jabatan_kepala or f"Kepala {opd.nama}",
        "pemrakarsa": opd.nama,
        "batas": bilangan.tanggal(k.batas_penetapan),
    }

    def bunyi(kunci: str, **lain: str) -> Inline:
        if not isinstance(data.get(kunci), str):
            raise KlausulError(f"'{kunci}' harus berupa teks", nama, posisi.cari((kunci,)).baris)
        lok = posisi.cari((kunci,))
        return teks(render_teks(data[kunci], {**konteks, **lain}, f"{nama}:{lok.baris}"))

    isi = []
    if k.contoh:
        isi.append(Alinea(bunyi("contoh"), "tengah"))
    isi.append(Alinea(bunyi("paraf_perbup_judul", dokumen=DOKUMEN_PARAF["perbup"]), "subjudul"))
    isi.append(Alinea(bunyi("paraf_perbup_keterangan")))
    isi.append(_tabel_paraf(baris_paraf(hasil, "perbup", status)))
    isi.append(Alinea(bunyi("paraf_tim_judul", dokumen=DOKUMEN_PARAF["tim_penyusun"]), "subjudul"))
    opd_sendiri = k.tim_penyusun.ditetapkan_oleh == "kepala_opd"
    isi.append(Alinea(bunyi("paraf_tim_keterangan_opd" if opd_sendiri else "paraf_tim_keterangan_bupati")))
    isi.append(_tabel_paraf(baris_paraf(hasil, "tim_penyusun", status)))
    isi.append(Alinea(bunyi("tahapan_judul"), "subjudul"))
    isi.append(Alinea(bunyi("tahapan_keterangan")))
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
