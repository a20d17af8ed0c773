"""The Keputusan forming the Tim Penyusun of the Perbup (juknis Aksi 4, Tahap Pertama).

Set by the Bupati (`tim_penyusun.ditetapkan_oleh: bupati`, the usual form) or by the head of the
initiating OPD (`kepala_opd`). Wording: `clauses/tim_penyusun/` (Menimbang in pembukaan.yaml, the
Mengingat keys in dasar_hukum.yaml, one diktum per .md file); a district's clause folder may
override any of them. The membership table of the Lampiran comes from `tim_penyusun.anggota`, or,
when empty, is derived: Ketua the head of the initiating OPD, Sekretaris the Kepala Bagian Hukum,
Anggota the heads of the other OPD.
"""
from __future__ import annotations


from perbup_gen.dokumen.konteks import konteks_dasar
from perbup_gen.dokumen.pembukaan import menimbang_lengkap, menimbang_templat, susun_mengingat
from perbup_gen.dokumen.pustaka import PustakaKlausul, pustaka_klausul
from perbup_gen.dokumen.tanda_tangan import (
    TITIK, jabatan_kepala_daerah, judul_kapital, kepala_bupati, lambang, nama_orang, nomor_judul,
    tanda_baca_tembusan, tanda_tangan_bupati, tanggal_atau_titik,
)
from perbup_gen.dokumen.paraf import urutan_paraf
from perbup_gen.errors import KlausulError
from perbup_gen.konfigurasi.model import (
    AnggotaTim, Konfigurasi, anggota_luar as bukan_pemerintah, anggota_perlu_instansi as perlu_instansi,
)
from perbup_gen.konfigurasi.muat import HasilMuat
from perbup_gen.naskah.istilah import miringkan, pola_istilah
from perbup_gen.naskah.klausul import TemplatBaris, muat_badan
from perbup_gen.naskah.model import (
    BarisParaf, Dokumen, Judul, Kepala, Lampiran, Pembukaan, Penutup, Tabel, TandaTangan, teks,
)
from perbup_gen.naskah.penomoran import susun

__all__ = ["anggota_tim", "bangun_tim_penyusun", "bukan_pemerintah", "perlu_instansi"]

SUBFOLDER = "tim_penyusun"


# --- the Tim Penyusun decree ---------------------------------------------------------------------


def _jabatan_kepala_opd(k: Konfigurasi, kode: str) -> str:
    opd = k.opd_kode(kode)
    assert opd is not None
    return opd.jabatan_kepala or f"Kepala {opd.nama}"


def anggota_tim(k: Konfigurasi) -> list[AnggotaTim]:
    """The team as configured, or derived from the OPD list when `tim_penyusun.anggota` is empty."""
    if k.tim_penyusun.anggota:
        return list(k.tim_penyusun.anggota)
    anggota = [
        AnggotaTim(jabatan_tim="Ketua", jabatan=_jabatan_kepala_opd(k, k.pemrakarsa), unsur="OPD"),
        AnggotaTim(jabatan_tim="Sekretaris", jabatan="Kepala Bagian Hukum Sekretariat Daerah",
                   unsur="Bagian Hukum"),
    ]
    for opd in k.opd:
        if opd.kode != k.pemrakarsa:
            anggota.append(AnggotaTim(jabatan_tim="Anggota", jabatan=_jabatan_kepala_opd(k, opd.kode),
                                      unsur="OPD"))
    return anggota


def _dasar_hukum(hasil: HasilMuat, pustaka: PustakaKlausul) -> list[str]:
    isi, posisi, nama = pustaka.baca_yaml(f"{SUBFOLDER}/dasar_hukum.yaml")
    pilih = isi.get("pilih")
    if not isinstance(pilih, list) or not all(isinstance(x, str) for x in pilih):
        raise KlausulError("'pilih' harus berupa daftar kunci tabel sitasi", nama,
                           posisi.cari(("pilih",)).baris)
    for i, kunci in enumerate(pilih):
        if kunci not in hasil.peraturan and kunci not in hasil.alias:
            raise KlausulError(f"peraturan '{kunci}' tidak ada di tabel sitasi clauses/dasar_hukum.yaml"
                               " maupun di dasar_hukum.tambahan", nama, posisi.cari(("pilih", i)).baris)
    kunci = [hasil.konfigurasi.kabupaten.dasar_pembentukan] + pilih
    return susun_mengingat(hasil, kunci, ("kabupaten", "dasar_pembentukan"))


def _tembusan(pustaka: PustakaKlausul, konteks: dict, ditetapkan_oleh: str) -> list[str]:
    """The tembusan lines of `tim_penyusun/penutup.yaml` for this kind of decree, punctuated."""
    data, posisi, nama = pustaka.baca_yaml(f"{SUBFOLDER}/penutup.yaml")
    daftar = (data.get("tembusan") or {})
    if not isinstance(daftar, dict) or not isinstance(daftar.get(ditetapkan_oleh, []), list):
        raise KlausulError("'tembusan' harus berupa pemetaan bupati/kepala_opd ke daftar teks", nama,
                           posisi.cari(("tembusan",)).baris)
    baris = []
    for i, t in enumerate(daftar.get(ditetapkan_oleh, [])):
        lok = posisi.cari(("tembusan", ditetapkan_oleh, i))
        baris.append(TemplatBaris(str(t), konteks, f"{nama}:{lok.baris}" if lok.baris else nama).teks().strip())
    return tanda_baca_tembusan(baris)


def bangun_tim_penyusun(hasil: HasilMuat) -> Dokumen:
    """The Keputusan forming the Tim Penyusun (Keputusan Bupati, Keputusan Wali Kota, or of the head
    of the initiating OPD), numbered, foreign terms in italics."""
    k = hasil.konfigurasi
    tim = k.tim_penyusun
    pustaka = pustaka_klausul(hasil)
    pemrakarsa = k.opd_pemrakarsa
    gambar = lambang(hasil)
    peraturan = k.peraturan_kepala_daerah  # "Peraturan Bupati", "Peraturan Wali Kota"

    if tim.ditetapkan_oleh == "bupati":  # the regional head: Bupati or Wali Kota
        keputusan = f"Keputusan {k.kepala_daerah}"
        judul_dok = f"{keputusan} {k.kabupaten.nama}"
        kepala = kepala_bupati(k, gambar)
        jenis = f"KEPUTUSAN {jabatan_kepala_daerah(k)}"
        pejabat = f"{jabatan_kepala_daerah(k)},"
        ttd = tanda_tangan_bupati(k, tim.tanggal)
    else:
        jabatan = _jabatan_kepala_opd(k, k.pemrakarsa)  # "Kepala Dinas Pemberdayaan ..."
        keputusan = f"Keputusan {jabatan}"
        judul_dok = f"{keputusan} {k.nama_kabupaten}"
        jabatan_lengkap = jabatan.upper()
        if k.nama_kabupaten.upper() not in jabatan_lengkap:
            jabatan_lengkap += f" {k.nama_kabupaten.upper()}"
        kepala = Kepala([f"PEMERINTAH {k.nama_kabupaten.upper()}", pemrakarsa.nama.upper()], gambar)
        jenis = f"KEPUTUSAN {jabatan_lengkap}"
        pejabat = f"{jabatan_lengkap},"
        ttd = TandaTangan(tempat=k.kabupaten.ibu_kota, tanggal=tanggal_atau_titik(tim.tanggal),
                          jabatan=pejabat, nama=nama_orang(pemrakarsa.kepala),
                          nip=pemrakarsa.kepala.nip if pemrakarsa.kepala else None)

    tentang = f"Pembentukan Tim Penyusun Rancangan {peraturan} tentang {k.perbup.tentang}"
    tentang_kapital = judul_kapital(tentang)
    nomor = nomor_judul(tim.nomor, tim.tanggal.year if tim.tanggal else k.tahun)

    konteks = konteks_dasar(hasil)
    konteks["keputusan"] = keputusan
    menimbang = menimbang_lengkap([t.inline() for t in menimbang_templat(pustaka, SUBFOLDER, konteks)],
                                  keputusan, tentang)
    mengingat = [teks(s) for s in _dasar_hukum(hasil, pustaka)]
    tembusan = _tembusan(pustaka, konteks, tim.ditetapkan_oleh)

    anggota = anggota_tim(k)
    # a non-government member is named with the institution; "..." marks what is still missing
    luar = [bukan_pemerintah(a) for a in anggota]
    ada_nama = any(a.nama for a in anggota) or any(luar)
    kepala_tabel = ["No", "Kedudukan dalam Tim", "Jabatan"] + (["Nama"] if ada_nama else [])
    baris = [[str(i), a.jabatan_tim,
              a.jabatan + (f" pada {a.instansi}" if a.instansi else
                           (f" pada {TITIK}" if perlu_instansi(a) else ""))]
             + ([a.nama or (TITIK if x else "-")] if ada_nama else [])
             for i, (a, x) in enumerate(zip(anggota, luar), 1)]
    tabel = Tabel(kepala=kepala_tabel, baris=baris,
                  lebar=[0.6, 2.4, 5.0] + ([2.6] if ada_nama else []))
    ttd_lampiran = TandaTangan(tempat="", tanggal="", jabatan=ttd.jabatan, nama=ttd.nama, nip=ttd.nip)

    dok = Dokumen(
        jenis="keputusan",
        kepala=kepala,
        judul=Judul(jenis=jenis, nomor=nomor, tentang=tentang_kapital),
        pembukaan=Pembukaan(
            pejabat=pejabat,
            menimbang=menimbang,
            mengingat=mengingat,
            # Lampiran II: the kind of decree without the region's name, then the title
            menetapkan=f"{keputusan.upper()} TENTANG {tentang_kapital}.",
            dengan_rahmat=False,
        ),
        batang_tubuh=muat_badan(pustaka.klausul(SUBFOLDER), konteks),
        penutup=Penutup(ditetapkan=ttd, tembusan=tembusan),
        lampiran=[Lampiran(
            kepala=["LAMPIRAN", jenis, nomor, "TENTANG", tentang_kapital],
            judul=f"SUSUNAN KEANGGOTAAN TIM PENYUSUN RANCANGAN {peraturan.upper()} TENTANG "
                  f"{judul_kapital(k.perbup.tentang)}",
            isi=[tabel],
            tanda_tangan=ttd_lampiran,
        )],
        # the paraf-koordinasi box, as on the Perbup: the order the checklist tracks
        paraf=([BarisParaf(p.jabatan, p.nama) for p in urutan_paraf(k, "tim_penyusun")]
               if k.perbup.kotak_paraf else []),
        properti={
            "title": f"{judul_dok} tentang {tentang}",
            "subject": tentang,
            "author": pemrakarsa.nama,
        },
    )
    susun(dok)
    miringkan(dok, pola_istilah(pustaka.istilah_asing()))
    return dok
