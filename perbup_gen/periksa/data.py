"""Data checks on a validated config: KPM eligibility (juknis Aksi 5), APB Desa figures, the
Kepala Desa and KPM of every desa, people or desa twice, desa missing from the roster, the May
deadline. Each finding names file:line of the field.
"""
from __future__ import annotations

import datetime as _dt
import re
from decimal import Decimal

from perbup_gen.konfigurasi.model import Desa, tingkat_pendidikan
from perbup_gen.konfigurasi.muat import HasilMuat
from perbup_gen.naskah import bilangan
from perbup_gen.periksa.laporan import DOKUMEN_KONFIGURASI, Temuan, Tingkat, label_desa, tempat_lokasi

__all__ = ["periksa_data"]

# plausibility of a roster (warnings, not rules): a desa with more KPM than this, or an APBDes or
# Dana Desa below this amount, is more likely a typing or copying slip than the truth
KPM_PER_DESA_WAJAR = 5
RUPIAH_DESA_WAJAR = Decimal(10_000_000)


def _nama_normal(s: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", s.lower()).split())


def periksa_data(hasil: HasilMuat, hari_ini: _dt.date | None = None) -> list[Temuan]:
    """Data checks on the validated config; each finding names file:line of the field."""
    from perbup_gen.konfigurasi.wilayah import DaftarWilayah

    k = hasil.konfigurasi
    out: list[Temuan] = []

    def temuan(tingkat: Tingkat, jalur: tuple, pesan: str, desa: Desa | None = None) -> None:
        out.append(Temuan(tingkat, DOKUMEN_KONFIGURASI, tempat_lokasi(hasil.lokasi(*jalur)), pesan,
                          label_desa(desa) if desa else None))

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
                   f"{tempat_lokasi(hasil.lokasi('desa', kode_dilihat[d.kode], 'kode'))})", d)
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

        if len(d.kpm) > KPM_PER_DESA_WAJAR:
            temuan("peringatan", ("desa", i, "kpm"), f"desa mempunyai {bilangan.bilangan(len(d.kpm))} KPM; lebih dari "
                   f"{bilangan.bilangan(KPM_PER_DESA_WAJAR)} KPM dalam satu desa tidak lazim: periksa apakah baris "
                   "roster desa lain tertulis dengan kode desa ini", d)

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
                           f"{label_desa(d2)} ({tempat_lokasi(hasil.lokasi('desa', i2, 'kpm', j2, 'nik'))}); "
                           "satu orang hanya dapat menjadi KPM di satu desa", d)
                else:
                    nik_dilihat[nik] = (i, j, d)
            if nama in kpm_dilihat:
                i2, j2, d2 = kpm_dilihat[nama]
                temuan("peringatan", jalur + ("nama",), f"KPM {p.nama} juga tercatat sebagai KPM desa {label_desa(d2)} "
                       f"({tempat_lokasi(hasil.lokasi('desa', i2, 'kpm', j2, 'nama'))}); periksa apakah orang "
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
            if a.anggaran_stunting is not None and a.pagu is not None and a.anggaran_stunting > a.pagu:
                temuan("peringatan", jalur + ("anggaran_stunting",), f"anggaran stunting "
                       f"{bilangan.rupiah_angka(a.anggaran_stunting)} lebih besar daripada seluruh APBDes desa (pagu "
                       f"{bilangan.rupiah_angka(a.pagu)}): periksa kedua angka itu", d)
            for kolom, nama in (("pagu", "pagu APBDes"), ("dana_desa", "Dana Desa")):
                nilai = getattr(a, kolom)
                if nilai is not None and 0 < nilai < RUPIAH_DESA_WAJAR:
                    temuan("peringatan", jalur + (kolom,), f"{nama} {bilangan.rupiah_angka(nilai)} sangat kecil untuk "
                           f"sebuah desa (kurang dari {bilangan.rupiah_angka(RUPIAH_DESA_WAJAR)}): periksa penulisan "
                           "angkanya (di YAML 1.500 tanpa tanda kutip dibaca sebagai satu koma lima; tulis "
                           "1500000000 atau \"1.500.000.000\")", d)
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

    # the KPM incentive: every criterion with its deadline rule, every quarter with a target, the
    # contracts signed after the decrees they rest on
    from perbup_gen.kinerja.aturan import rencana

    r = rencana(k)
    for i, kr in enumerate(k.kpm.insentif.kriteria):
        if not kr.jadwal:
            temuan("peringatan", ("kpm", "insentif", "kriteria", i), f"kriteria insentif '{kr.ringkas}' tanpa jadwal: "
                   "dinilai setiap triwulan; tulis kriteria dengan uraian dan jadwal (mis. jadwal: setiap 3 bulan)")
    for tw in r.triwulan:
        if not tw.target:
            temuan("peringatan", ("kpm", "insentif", "kriteria"), f"triwulan {bilangan.romawi(tw.nomor)} tidak memuat "
                   "target kinerja: insentifnya dibayar penuh tanpa penilaian")
    tanggal_kontrak = k.kpm.kontrak.tanggal or r.mulai
    for i, d in enumerate(k.desa):
        tanggal_sk = d.tanggal_sk or k.sk_kpm.tanggal
        if d.kpm and not d.kelurahan and tanggal_sk and tanggal_sk > tanggal_kontrak:
            temuan("peringatan", ("desa", i, "tanggal_sk"), f"kontrak tugas KPM bertanggal "
                   f"{bilangan.tanggal(tanggal_kontrak)}, sebelum Keputusan Kepala Desa tentang KPM "
                   f"({bilangan.tanggal(tanggal_sk)}) yang menjadi dasarnya (kpm.kontrak.tanggal)", d)

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
