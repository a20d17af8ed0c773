"""Data checks on a validated config: KPM eligibility (juknis Aksi 5), APB Desa figures, the
Kepala Desa and KPM of every desa, people or desa twice, desa missing from the roster, the May
deadline; the authority that sets the Tim Penyusun decree and how its outside members are named;
the citation table as the district extends it (amendment chains, fiscal-year regulations, the
Perbup being replaced); institutions listed as Lembaga Kemasyarakatan Desa that are not; the basis
of a Dana Desa share; the Berita Acara of each Musyawarah Desa. Each finding names file:line.
"""
from __future__ import annotations

import datetime as _dt
import re
from decimal import Decimal

from perbup_gen.konfigurasi.model import (
    AnggotaTim, Desa, Konfigurasi, anggota_luar, anggota_perlu_instansi, tingkat_pendidikan,
)
from perbup_gen.konfigurasi.peraturan import nama_singkat
from perbup_gen.konfigurasi.muat import HasilMuat
from perbup_gen.konfigurasi.nomor import TITIK, susun_nomor
from perbup_gen.naskah import bilangan
from perbup_gen.periksa.laporan import DOKUMEN_KONFIGURASI, Temuan, Tingkat, label_desa, tempat_lokasi

__all__ = ["golongan_anggota", "periksa_data"]

# plausibility of a roster (warnings, not rules): a desa with more KPM than this, or an APBDes or
# Dana Desa below this amount, is more likely a typing or copying slip than the truth
KPM_PER_DESA_WAJAR = 5
RUPIAH_DESA_WAJAR = Decimal(10_000_000)


# the names the documents print (konfigurasi/sebutan.py); `dinas` only prefills `init`
_SEBUTAN_DIPAKAI = ("desa", "kepala_desa", "sekretaris_desa", "bpd", "apb_desa", "kecamatan", "kepala_kecamatan",
                    "peraturan_desa", "keputusan", "pembukaan", "pembukaan_desa", "kepala_daerah")


def _periksa_sebutan(hasil: HasilMuat, temuan) -> None:
    """The region's names the documents print whose source is unsure (confidence sedang or rendah in
    perbup_gen/data/sebutan.csv, for the region or for single desa of the roster): a warning each,
    until the district writes the name in its config (`sebutan:`, or `sebutan.desa_khusus` for one
    desa), which confirms it."""
    from perbup_gen.konfigurasi.sebutan import LABEL, baris_desa

    k = hasil.konfigurasi
    s = k.sebutan_daerah()
    di_berkas = ("sebutan",) if hasil.lokasi("sebutan").baris and "bawaan" not in hasil.lokasi("sebutan").berkas \
        else ("kabupaten", "kode")

    def pesan(kolom: str, n, asal: str, tulis: str) -> str:
        teks = n.teks if n.teks != "-" else "(tanpa kalimat pembuka)"
        contoh = teks if kolom not in ("pembukaan", "pembukaan_desa") else "[" + ", ".join(
            f'"{b.strip()}"' for b in n.teks.split("|")) + "]"
        bukti = ""
        if kolom == "kepala_daerah" and "Ejaan kepala daerah:" in n.catatan:
            bukti = "; " + n.catatan.split("Ejaan kepala daerah:", 1)[1].strip().rstrip(".")
        return (f"{LABEL[kolom]} \"{teks}\" {asal} belum pasti (keyakinan {n.keyakinan} menurut tabel sebutan "
                f"perbup_gen/data/sebutan.csv, baris {n.kode}{bukti}): cocokkan dengan peraturan daerah setempat, lalu "
                f"tulis di konfigurasi {tulis}{kolom}: {contoh} (atau sebutan yang benar)")

    for kolom, n in s.ragu(_SEBUTAN_DIPAKAI):
        if kolom == "pembukaan_desa" and n.teks.strip() in ("", "-"):
            continue
        temuan("peringatan", di_berkas, pesan(kolom, n, f"untuk {k.nama_kabupaten}", "sebutan."))
    # single desa with names of their own (kampung adat, negeri): one warning per name and value
    per_desa: dict[tuple, list] = {}
    for i, d in enumerate(k.desa):
        b = baris_desa(d.kode)
        if b is None or d.kelurahan:
            continue
        sd = k.sebutan_daerah(d.kode)
        for kolom, n in sd.ragu(_SEBUTAN_DIPAKAI):
            if n.kode == d.kode:
                per_desa.setdefault((kolom, n.teks, n.keyakinan), []).append((i, d, b.nama, n))
    for (kolom, _, _), daftar in per_desa.items():
        i, d, _, n = daftar[0]
        nama = ", ".join(x[2] for x in daftar[:5]) + (", ..." if len(daftar) > 5 else "")
        asal = f"untuk {bilangan.bilangan(len(daftar))} desa dengan sebutan sendiri ({nama})"
        temuan("peringatan", ("desa", i), pesan(kolom, n, asal, f"sebutan.desa_khusus.\"{d.kode}\".")
               .replace("perbup_gen/data/sebutan.csv", "perbup_gen/data/sebutan_desa.csv"), d)


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

    kata_daerah = k.sebutan_daerah().pesan()  # "gampong", "Keuchik" in the messages below

    def kata_desa(d: Desa):
        """The words of one desa: its own where it has names of its own (a kampung adat)."""
        return k.kata_pesan(d.kode, kata_daerah)

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
        kata = kata_desa(d)
        if d.kepala_desa is None:
            if d.kpm:
                temuan("galat", ("desa", i), f"{kata.kepala_desa} belum diisi: {kata.keputusan_desa} tentang KPM tidak "
                       "dapat ditandatangani", d)
            else:
                temuan("peringatan", ("desa", i), f"{kata.kepala_desa} belum diisi", d)
        if not d.kpm:
            temuan("peringatan", ("desa", i), f"{kata.desa} belum mempunyai KPM: SK KPM tidak dibuat", d)
        elif len(d.kpm) < jumlah_min:
            temuan("galat", ("desa", i, "kpm"), f"{kata.desa} mempunyai {bilangan.bilangan(len(d.kpm))} KPM, kurang dari "
                   f"jumlah minimal {bilangan.bilangan(jumlah_min)} KPM per {kata.desa} (kpm.jumlah_minimal_per_desa)", d)

        if len(d.kpm) > KPM_PER_DESA_WAJAR:
            temuan("peringatan", ("desa", i, "kpm"), f"{kata.desa} mempunyai {bilangan.bilangan(len(d.kpm))} KPM; lebih dari "
                   f"{bilangan.bilangan(KPM_PER_DESA_WAJAR)} KPM dalam satu {kata.desa} tidak lazim: periksa apakah baris "
                   f"roster {kata.desa} lain tertulis dengan kode {kata.desa} ini", d)

        kades = _nama_normal(d.kepala_desa.nama) if d.kepala_desa else None
        nama_di_desa: dict[str, int] = {}
        for j, p in enumerate(d.kpm):
            jalur = ("desa", i, "kpm", j)
            # eligibility (juknis Aksi 5): from the desa itself, at least the minimum education,
            # experienced as a community cadre
            if p.asal_desa and p.asal_desa != d.kode:
                temuan("galat", jalur + ("asal_desa",), f"KPM {p.nama} berasal dari {kata.desa} {p.asal_desa}, bukan dari "
                       f"{kata.desa} ini ({d.kode}); KPM harus berasal dari {kata.desa_judul} setempat", d)
            if p.pendidikan != TITIK and tingkat_pendidikan(p.pendidikan) < tingkat_min:
                temuan("galat", jalur + ("pendidikan",), f"pendidikan KPM {p.nama} {p.pendidikan}, di bawah pendidikan "
                       f"minimal {minimal} (kpm.pendidikan_minimal)", d)
            if not [x for x in p.pengalaman if x.strip()]:
                temuan("galat", jalur + ("pengalaman",), f"KPM {p.nama} belum mempunyai pengalaman sebagai kader "
                       "masyarakat (mis. Kader Posyandu, Guru PAUD); syarat KPM menurut Petunjuk Teknis", d)
            nama = _nama_normal(p.nama)
            if kades and nama == kades:
                temuan("galat", jalur + ("nama",), f"KPM {p.nama} adalah {kata.kepala_desa} {d.nama} sendiri; {kata.kepala_desa} "
                       "tidak dapat menetapkan dirinya sebagai KPM", d)
            if nama in nama_di_desa:
                temuan("galat", jalur + ("nama",), f"KPM {p.nama} tertulis dua kali di {kata.desa} ini (juga kpm[{nama_di_desa[nama]}])", d)
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
                       f"Desa ({bilangan.rupiah_angka(harus)}), batas yang diatur Peraturan {k.kepala_daerah} "
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
        temuan("peringatan", jalur_roster, f"{kata_daerah.kecamatan_judul} {kecamatan.get(kode_kec, kode_kec)}: "
               f"{bilangan.bilangan(len(daftar))} {kata_daerah.desa} belum ada di roster: {', '.join(daftar)}")

    _periksa_sebutan(hasil, temuan)
    _periksa_tim_penyusun(hasil, out)
    _periksa_tabel_sitasi(hasil, out)
    _periksa_isi(hasil, out)

    # the KPM incentive: every criterion with its deadline rule, every quarter with a target, the
    # contracts signed after the decrees they rest on
    from perbup_gen.kinerja.aturan import rencana

    r = rencana(k)
    if r.jumlah is None:
        temuan("peringatan", ("kpm", "insentif", "kinerja"), "besaran insentif kinerja tidak ada di konfigurasi "
               f"(kpm.insentif.kinerja.jumlah): Peraturan {k.kepala_daerah} menyebut besarannya ditetapkan dengan "
               f"Keputusan {k.kepala_daerah}; kontrak tugas KPM dan buku kerja evaluasi dibuat setelah besaran itu "
               "dicatat")
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
                   f"{bilangan.tanggal(tanggal_kontrak)}, sebelum {kata_desa(d).keputusan_desa} tentang KPM "
                   f"({bilangan.tanggal(tanggal_sk)}) yang menjadi dasarnya (kpm.kontrak.tanggal)", d)

    # the Perbup's target date: by May of the year (juknis)
    mei = _dt.date(k.tahun, 5, 31)
    if k.batas_penetapan > mei:
        temuan("peringatan", ("perbup", "batas_penetapan"), f"batas penetapan Peraturan {k.kepala_daerah} "
               f"{bilangan.tanggal(k.batas_penetapan)} melewati bulan Mei {k.tahun}; Petunjuk Teknis meminta "
               f"{k.peraturan_kepala_daerah} ditetapkan paling lambat bulan Mei agar dapat dipakai dalam perencanaan Desa")
    if k.perbup.tanggal_penetapan and k.perbup.tanggal_penetapan > mei:
        temuan("peringatan", ("perbup", "tanggal_penetapan"), f"tanggal penetapan Peraturan {k.kepala_daerah} "
               f"{bilangan.tanggal(k.perbup.tanggal_penetapan)} melewati bulan Mei {k.tahun} (Petunjuk Teknis)")
    _periksa_nomor(hasil, temuan)
    _catat_rapikan(hasil, temuan)
    return out


def _kunci_nomor(nomor: str) -> str:
    return re.sub(r"\s+", "", nomor).upper()


def _periksa_nomor(hasil: HasilMuat, temuan) -> None:
    """Decree numbers in each desa's Buku Keputusan Kepala Desa: the KPM decree and the decrees
    already in the book (`buku_keputusan` of the config) never share a number; a number's year is the decree's."""
    k = hasil.konfigurasi
    pola = k.sk_kpm.pola_nomor
    for i, d in enumerate(k.desa):
        if d.kelurahan:
            continue
        dipakai: dict[str, tuple[tuple, str]] = {}  # number -> (path, what)
        daftar = []
        if d.nomor_sk and d.nomor_sk != TITIK:
            tanggal = d.tanggal_sk or k.sk_kpm.tanggal
            daftar.append((("desa", i, "nomor_sk"), susun_nomor(pola, d.nomor_sk, k.tahun, d.kode, tanggal),
                           "Keputusan tentang penetapan KPM", k.tahun))
        for j, e in enumerate(k.buku_keputusan.get(d.kode, [])):
            tahun = e.tanggal.year if e.tanggal else k.tahun
            daftar.append((("buku_keputusan", d.kode, j, "nomor"), susun_nomor(pola, e.nomor, tahun, d.kode, e.tanggal),
                           f"Keputusan tentang {e.tentang}", tahun))
        for jalur, nomor, apa, tahun in daftar:
            if not nomor:
                continue
            kunci = _kunci_nomor(nomor)
            if kunci in dipakai:
                jalur_lain, apa_lain = dipakai[kunci]
                temuan("galat", jalur, f"nomor {nomor} dipakai dua kali di Buku {k.kata_pesan(d.kode).keputusan_desa} {d.nama}: "
                       f"untuk {apa} dan untuk {apa_lain} ({tempat_lokasi(hasil.lokasi(*jalur_lain))}); satu nomor "
                       "hanya untuk satu keputusan", d)
                continue
            dipakai[kunci] = (jalur, apa)
            tahun_nomor = [int(t) for t in re.findall(r"(?<!\d)(?:19|20)\d{2}(?!\d)", nomor)]
            if tahun_nomor and tahun not in tahun_nomor:
                temuan("peringatan", jalur, f"nomor {nomor} memuat tahun {tahun_nomor[-1]}, bukan tahun "
                       f"keputusannya ({tahun})", d)


def _catat_rapikan(hasil: HasilMuat, temuan) -> None:
    """A note of every name the documents write otherwise than typed (konfigurasi/rapikan.py),
    one per desa."""
    k = hasil.konfigurasi
    per_desa: dict[int, list] = {}
    for p in hasil.dirapikan:
        if p.jalur[0] == "desa":
            per_desa.setdefault(p.jalur[1], []).append(p)
        else:
            temuan("catatan", p.jalur, f"dirapikan untuk dokumen: '{p.sebelum}' menjadi '{p.sesudah}'")
    for i, daftar in per_desa.items():
        rincian = "; ".join(f"'{p.sebelum}' menjadi '{p.sesudah}'" for p in daftar)
        temuan("catatan", daftar[0].jalur, f"dirapikan untuk dokumen (huruf besar-kecil, spasi, gelar, "
               f"awalan nomor): {rincian}", k.desa[i])


# --- who may set the Tim Penyusun decree ------------------------------------------------------------

# offices of the local government outside any one OPD's line of command
_JABATAN_PEMDA = re.compile(
    r"^(?:(?:Pj|Plt|Plh)\.?\s+)?(?:Sekretaris Daerah|Asisten|Staf Ahli|Kepala Bagian|Kepala Badan|Kepala Dinas|"
    r"Kepala Satuan|Kepala Kantor|Kepala Pelaksana|Inspektur|Camat|Sekretaris Camat|Lurah|Direktur|"
    r"Sekretaris (?:DPRD|Dewan))\b", re.IGNORECASE)
# the chair of the district's PKK team holds the post by virtue of the regional head's office
_KETUA_PKK_DAERAH = re.compile(r"^Ketua\b.*\b(?:PKK|Pemberdayaan dan Kesejahteraan Keluarga)\b.*\b(?:Kabupaten|Kota)\b",
                               re.IGNORECASE)
_UNSUR_PEMDA = ("perangkat daerah", "opd", "bagian hukum", "sekretariat", "kecamatan", "pemerintah daerah")


def golongan_anggota(a: AnggotaTim, k: Konfigurasi) -> str:
    """Where a Tim Penyusun member stands: "staf" (staff of the initiating OPD), "pemda" (any other
    office of the local government, or the district PKK chair), "luar" (academic, community,
    programme facilitator) or "?" (cannot tell: the config should say `unsur`)."""
    opd = k.opd_pemrakarsa
    jabatan = " ".join(a.jabatan.split())
    unsur = (a.unsur or "").lower()
    milik_opd = opd.nama.lower() in jabatan.lower() or re.search(
        r"(?<!\w)" + re.escape(opd.singkatan) + r"(?!\w)", jabatan) is not None
    if "pemrakarsa" in unsur or "staf" in unsur or (milik_opd and not unsur.startswith("lembaga")):
        return "staf"
    if _KETUA_PKK_DAERAH.search(jabatan):
        return "pemda"
    if any(u in unsur for u in _UNSUR_PEMDA) or _JABATAN_PEMDA.search(jabatan):
        return "pemda"
    if anggota_luar(a):
        return "luar"
    return "?"


def _anggota(k: Konfigurasi) -> list[tuple[AnggotaTim, tuple]]:
    """The members as configured (with their field path), or the team the builder derives when
    `tim_penyusun.anggota` is empty: the Kepala Bagian Hukum as secretary, the other OPD heads."""
    if k.tim_penyusun.anggota:
        return [(a, ("tim_penyusun", "anggota", i)) for i, a in enumerate(k.tim_penyusun.anggota)]
    jalur = ("tim_penyusun",)
    hasil = [(AnggotaTim(jabatan_tim="Sekretaris", jabatan="Kepala Bagian Hukum Sekretariat Daerah",
                         unsur="Bagian Hukum"), jalur)]
    for o in k.opd:
        if o.kode != k.pemrakarsa:
            hasil.append((AnggotaTim(jabatan_tim="Anggota", jabatan=o.jabatan_kepala or f"Kepala {o.nama}",
                                     unsur="OPD"), jalur))
    return hasil


def _daftar_kata(nama: list[str]) -> str:
    if len(nama) <= 2:
        return " dan ".join(nama)
    return ", ".join(nama[:-1]) + ", dan " + nama[-1]


def _periksa_tim_penyusun(hasil: HasilMuat, out: list[Temuan]) -> None:
    k = hasil.konfigurasi
    tim = k.tim_penyusun

    def temuan(tingkat: Tingkat, jalur: tuple, pesan: str) -> None:
        out.append(Temuan(tingkat, DOKUMEN_KONFIGURASI, tempat_lokasi(hasil.lokasi(*jalur)), pesan))

    anggota = _anggota(k)
    if tim.ditetapkan_oleh == "kepala_opd":
        opd = k.opd_pemrakarsa
        jabatan_opd = opd.jabatan_kepala or f"Kepala {opd.nama}"
        atasan = [a.jabatan for a, _ in anggota if golongan_anggota(a, k) == "pemda"]
        ragu = [(a, j) for a, j in anggota if golongan_anggota(a, k) == "?"]
        if atasan:
            temuan("galat", ("tim_penyusun", "ditetapkan_oleh"),
                   f"Keputusan {jabatan_opd} mengangkat {_daftar_kata(atasan)} sebagai anggota Tim Penyusun, padahal "
                   f"mereka bukan bawahannya: kepala perangkat daerah hanya berwenang atas pegawai di lingkungan "
                   f"{opd.singkatan}. Petunjuk Teknis Aksi 4 (Tahap Pertama angka 1) meminta Tim Penyusun "
                   "ditetapkan dengan keputusan Pemerintah Daerah: tulis tim_penyusun.ditetapkan_oleh: bupati "
                   f"(Keputusan {k.kepala_daerah}), atau batasi anggotanya pada pegawai {opd.singkatan} dan anggota dari luar "
                   "pemerintahan (akademisi, lembaga kemasyarakatan, pendamping program)")
        for a, j in ragu:
            temuan("peringatan", j, f"kedudukan anggota Tim Penyusun \"{a.jabatan}\" tidak dapat dipastikan: tulis "
                   f"unsur (pemrakarsa, perangkat daerah, akademisi, lembaga kemasyarakatan, pendamping program) "
                   f"agar dapat diperiksa apakah {jabatan_opd} berwenang mengangkatnya")
    # outside members are named with their institution; a draft may leave dots, warned
    for a, j in anggota:
        if not anggota_luar(a):
            continue
        kurang = (["nama"] if not a.nama else []) + (["instansi"] if anggota_perlu_instansi(a) and not a.instansi else [])
        if kurang:
            temuan("peringatan", j, f"anggota Tim Penyusun \"{a.jabatan}\" ({a.unsur}) belum ditulis "
                   f"{' dan '.join(kurang)}-nya: Lampiran mencetak \"...\"; lengkapi sebelum ditandatangani")


# --- the citation table as the district extends it -------------------------------------------------


def _periksa_tabel_sitasi(hasil: HasilMuat, out: list[Temuan]) -> None:
    k = hasil.konfigurasi
    tabel = hasil.peraturan

    def temuan(tingkat: Tingkat, jalur: tuple, pesan: str) -> None:
        out.append(Temuan(tingkat, DOKUMEN_KONFIGURASI, tempat_lokasi(hasil.lokasi(*jalur)), pesan))

    # an amendment the district records must stand in the chain of what it amends
    for kunci, p in tabel.items():
        if p.status == "dicabut":
            continue
        for lain in p.mengubah:
            induk = tabel.get(lain)
            if induk is not None and kunci not in induk.perubahan and any(q is p for q in tabel.values()):
                jalur = ("peraturan", kunci, "mengubah") if kunci in k.peraturan else ("peraturan", lain)
                temuan("galat", jalur, f"rantai perubahan '{lain}' sudah usang: {nama_singkat(p).split(' tentang ')[0]} "
                       f"mengubahnya tetapi tidak tercatat di perubahan-nya; tambahkan '{kunci}' ke "
                       f"peraturan.{lain}.perubahan (urut dari yang terlama)")
        if p.perubahan:
            akhir = tabel.get(p.perubahan[-1])
            if akhir is not None and akhir.status == "dicabut" and kunci in k.peraturan:
                temuan("galat", ("peraturan", kunci, "perubahan"), f"perubahan terakhir '{kunci}' sudah dicabut; "
                       "lengkapi rantainya dengan perubahan yang berlaku")

    pilihan = [("perbup", i, x) for i, x in enumerate(k.perbup.dasar_hukum.pilih)] + \
              [("sk_kpm", i, x) for i, x in enumerate(k.sk_kpm.dasar_hukum.pilih)]
    for bagian, i, kunci in pilihan:
        jalur = (bagian, "dasar_hukum", "pilih", i)
        if kunci in hasil.alias and hasil.alias[kunci] is None:
            temuan("peringatan", jalur, f"tabel sitasi belum memuat peraturan '{kunci}' untuk Tahun Anggaran "
                   f"{k.tahun}: Mengingat tidak memuatnya. Tambahkan entrinya di konfigurasi (peraturan.{kunci}: "
                   "jenis, nomor, tahun, judul, lembaran, tahun_anggaran, diperiksa)")
            continue
        p = tabel.get(kunci)
        if p is None:
            continue
        if p.tahun_anggaran is not None and p.tahun_anggaran != k.tahun:
            temuan("galat", jalur, f"{nama_singkat(p)} berlaku untuk Tahun Anggaran {p.tahun_anggaran}, bukan "
                   f"{k.tahun}")
        if p.status == "belum diketahui":
            temuan("galat", jalur, f"status {nama_singkat(p).split(' tentang ')[0]} belum diketahui "
                   f"({p.ragu or 'tidak ada sumber'}); jangan dikutip sebelum diperiksa")


# --- content the documents rest on -----------------------------------------------------------------


def _periksa_isi(hasil: HasilMuat, out: list[Temuan]) -> None:
    from perbup_gen.periksa.naskah import BUKAN_LKD

    k = hasil.konfigurasi

    def temuan(tingkat: Tingkat, jalur: tuple, pesan: str) -> None:
        out.append(Temuan(tingkat, DOKUMEN_KONFIGURASI, tempat_lokasi(hasil.lokasi(*jalur)), pesan))

    if k.apbdes.persen_dana_desa_minimal is not None and not k.apbdes.dasar_persen_dana_desa:
        temuan("galat", ("apbdes", "persen_dana_desa_minimal"), "persentase minimal Dana Desa untuk Percepatan "
               "Penurunan Stunting ditulis tanpa dasarnya: isi apbdes.dasar_persen_dana_desa (mis. kesepakatan rembuk "
               "stunting atau prioritas penggunaan Dana Desa yang menjadi dasarnya), atau hapus persentasenya")

    for i, l in enumerate(k.lembaga_masyarakat):
        m = BUKAN_LKD.search(l.nama)
        if l.lkd and m:
            temuan("galat", ("lembaga_masyarakat", i, "nama"), f"\"{l.nama}\" bukan Lembaga Kemasyarakatan Desa "
                   "(Permendagri 18/2018 Pasal 6: RT, RW, PKK, Karang Taruna, Posyandu, LPM): tulis lkd: false agar "
                   "perannya diatur sebagai satuan layanan di Desa")

    for i, m in enumerate(k.perbup.mencabut):
        if not m.berita_daerah.nomor:
            temuan("peringatan", ("perbup", "mencabut", i), f"nomor Berita Daerah Peraturan {k.kepala_daerah} Nomor {m.nomor} "
                   f"Tahun {m.tahun} belum diisi (berita_daerah.nomor): pencabutannya mencetak \"...\"")
        for j, kunci in enumerate(k.perbup.dasar_hukum.pilih):
            p = hasil.peraturan.get(kunci)
            if p is not None and p.jenis == "Perbup" and str(p.nomor) == str(m.nomor) and p.tahun == m.tahun:
                temuan("galat", ("perbup", "dasar_hukum", "pilih", j), f"{k.peraturan_kepala_daerah} Nomor {m.nomor} Tahun {m.tahun} "
                       f"dicabut oleh Peraturan {k.kepala_daerah} ini, sehingga tidak dicantumkan dalam Mengingat (Lampiran II "
                       "UU 12/2011 angka 42)")

    tanpa = [d for d in k.desa_saja() if d.kpm and not (d.nomor_berita_acara and d.tanggal_berita_acara)]
    if tanpa:
        jalur = ("roster",) if k.roster else ("desa",)
        contoh = ", ".join(d.nama or d.kode for d in tanpa[:5]) + (", ..." if len(tanpa) > 5 else "")
        kata = k.sebutan_daerah().pesan()
        temuan("peringatan", jalur, f"{bilangan.bilangan(len(tanpa))} {kata.desa} belum mencatat nomor dan tanggal Berita "
               f"Acara {kata.musyawarah_desa} pemilihan KPM (nomor_berita_acara, tanggal_berita_acara): Menimbang SK KPM "
               f"mencetak \"...\" ({contoh})")
