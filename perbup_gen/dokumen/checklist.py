"""The paraf-koordinasi checklist and stage schedule (a working paper, Dokumen jenis "naskah").

Three parts: the paraf-koordinasi rows of the Perbup draft, those of the Tim Penyusun decree, and
the stages of juknis Aksi 4 (plus the KPM decree of Aksi 5) with their targets counted back from
the deadline, one table per stage whose heading row (repeated on every page the table runs onto)
names the stage. Rows are filled from `status.yaml` when given. With a report date `per` (the
build passes the day of the build), a step not finished by its target says "terlambat" as
`perbup-gen status` does, and the document says as of which date; without it no step is judged.
The document holds no clock time: the same config, status and date give the same document.
Wording: `clauses/checklist.yaml`.
"""
from __future__ import annotations

import datetime as _dt

from perbup_gen.naskah import bilangan
from perbup_gen.errors import KlausulError
from perbup_gen.naskah.klausul import render_teks
from perbup_gen.naskah.model import Alinea, BarisParaf, Dokumen, Inline, Judul, Kepala, Tabel, teks
from perbup_gen.konfigurasi.muat import HasilMuat
from perbup_gen.dokumen.pustaka import pustaka_klausul
from perbup_gen.dokumen.jadwal import jadwal, teks_keadaan
from perbup_gen.dokumen.paraf import JenisDokumenParaf, judul_dokumen_paraf, urutan_paraf
from perbup_gen.konfigurasi.status import StatusProses

JUDUL = "DAFTAR PERIKSA PARAF KOORDINASI DAN JADWAL TAHAPAN"
KEPALA_PARAF = ["No", "Jabatan", "Nama", "Paraf", "Tanggal"]
LEBAR_PARAF = [0.5, 4.2, 3.2, 1.3, 1.8]
# the first heading cell of a stage table is the stage's name (it stands over the steps)
KEPALA_TAHAPAN = ["Penanggung jawab", "Target", "Status"]
LEBAR_TAHAPAN = [4.6, 2.6, 1.5, 2.6]  # the renderer widens a column to its longest date


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
    return f"{k.peraturan_kepala_daerah} {k.kabupaten.nama} tentang {k.perbup.tentang}"


def bangun_checklist(hasil: HasilMuat, status: StatusProses, per: _dt.date | None = None) -> Dokumen:
    """The checklist document with the initials and finished steps of `status` (checked by
    proses.status.muat_status) and, with `per`, the steps overdue on that date. Needs no
    `penomoran.susun()` (no lists, no references)."""
    k = hasil.konfigurasi
    opd = k.opd_pemrakarsa
    tentang = f"PENYUSUNAN {judul_perbup(hasil).upper()}"
    data, posisi, nama = pustaka_klausul(hasil).baca_yaml("checklist.yaml")
    judul_paraf = judul_dokumen_paraf(k)
    konteks = {
        "nama_kabupaten": k.kabupaten.nama,
        "kepala_daerah": k.kepala_daerah,
        "peraturan_kepala_daerah": k.peraturan_kepala_daerah,
        "keputusan_desa": k.sebutan_daerah().konteks()["keputusan_desa"],
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
    isi.append(Alinea(bunyi("paraf_perbup_judul", dokumen=judul_paraf["perbup"]), "subjudul"))
    isi.append(Alinea(bunyi("paraf_perbup_keterangan")))
    isi.append(_tabel_paraf(baris_paraf(hasil, "perbup", status)))
    isi.append(Alinea(bunyi("paraf_tim_judul", dokumen=judul_paraf["tim_penyusun"]), "subjudul"))
    opd_sendiri = k.tim_penyusun.ditetapkan_oleh == "kepala_opd"
    isi.append(Alinea(bunyi("paraf_tim_keterangan_opd" if opd_sendiri else "paraf_tim_keterangan_bupati")))
    isi.append(_tabel_paraf(baris_paraf(hasil, "tim_penyusun", status)))
    isi.append(Alinea(bunyi("tahapan_judul"), "subjudul"))
    isi.append(Alinea(bunyi("tahapan_keterangan")))
    if per is not None:
        isi.append(Alinea(bunyi("keadaan_per", tanggal=bilangan.tanggal(per))))
    for t in jadwal(hasil):
        baris = []
        for l in t.langkah:
            c = status.tahapan.get(l.kode)
            selesai = c.selesai if c else None
            if selesai is None and per is not None and l.target < per:
                keadaan = bunyi("terlambat", hari=str((per - l.target).days))[0].teks
            else:
                keadaan = teks_keadaan(selesai, c.catatan if c else None)
            baris.append([l.uraian, l.penanggung_jawab, bilangan.tanggal(l.target), keadaan])
        isi.append(Tabel([t.nama] + KEPALA_TAHAPAN, baris, list(LEBAR_TAHAPAN)))

    return Dokumen(
        jenis="naskah",
        kepala=Kepala([f"PEMERINTAH {k.nama_kabupaten.upper()}", opd.nama.upper()], None),
        judul=Judul(jenis=JUDUL, nomor="", tentang=tentang),
        isi=isi,
        mendatar=True,  # landscape: wide step, office and status columns, dates on one line
        properti={
            "title": "Daftar Periksa Paraf Koordinasi dan Jadwal Tahapan",
            "subject": judul_perbup(hasil),
            "author": opd.nama,
        },
    )
