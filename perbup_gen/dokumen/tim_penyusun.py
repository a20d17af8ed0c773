"""The Keputusan forming the Tim Penyusun of the Perbup (juknis Aksi 4, Tahap Pertama).

Set by the Bupati (`tim_penyusun.ditetapkan_oleh: bupati`, the usual form) or by the head of the
initiating OPD (`kepala_opd`). Wording: `clauses/tim_penyusun/` (Menimbang in pembukaan.yaml, the
Mengingat keys in dasar_hukum.yaml, one diktum per .md file); a district's clause folder may
override any of them. The membership table of the Lampiran comes from `tim_penyusun.anggota`, or,
when empty, is derived: Ketua the head of the initiating OPD, Sekretaris the Kepala Bagian Hukum,
Anggota the heads of the other OPD.
"""
from __future__ import annotations


from perbup_gen.dokumen import bersama as naskah
from perbup_gen.konfigurasi.model import (
    AnggotaTim, Konfigurasi, anggota_luar as bukan_pemerintah, anggota_perlu_instansi as perlu_instansi,
)
from perbup_gen.errors import KlausulError
from perbup_gen.naskah.klausul import PustakaKlausul, muat_badan, render_inline, render_teks
from perbup_gen.naskah.model import (
    Dokumen, Judul, Kepala, Lampiran, Pembukaan, Penutup, Tabel, TandaTangan, teks,
)
from perbup_gen.konfigurasi.muat import HasilMuat
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
    data, posisi, nama = naskah.baca_yaml_klausul(pustaka, f"{SUBFOLDER}/dasar_hukum.yaml")
    pilih = data.get("pilih")
    if not isinstance(pilih, list) or not all(isinstance(x, str) for x in pilih):
        raise KlausulError("'pilih' harus berupa daftar kunci tabel sitasi", nama,
                           posisi.cari(("pilih",)).baris)
    for i, kunci in enumerate(pilih):
        if kunci not in hasil.peraturan and kunci not in hasil.alias:
            raise KlausulError(f"peraturan '{kunci}' tidak ada di tabel sitasi clauses/dasar_hukum.yaml"
                               " maupun di dasar_hukum.tambahan", nama, posisi.cari(("pilih", i)).baris)
    kunci = [hasil.konfigurasi.kabupaten.dasar_pembentukan] + pilih
    return naskah.susun_mengingat(hasil, kunci, ("kabupaten", "dasar_pembentukan"))


def _tembusan(pustaka: PustakaKlausul, konteks: dict, ditetapkan_oleh: str) -> list[str]:
    """The tembusan lines of `tim_penyusun/penutup.yaml` for this kind of decree, punctuated."""
    data, posisi, nama = naskah.baca_yaml_klausul(pustaka, f"{SUBFOLDER}/penutup.yaml")
    daftar = (data.get("tembusan") or {})
    if not isinstance(daftar, dict) or not isinstance(daftar.get(ditetapkan_oleh, []), list):
        raise KlausulError("'tembusan' harus berupa pemetaan bupati/kepala_opd ke daftar teks", nama,
                           posisi.cari(("tembusan",)).baris)
    baris = []
    for i, t in enumerate(daftar.get(ditetapkan_oleh, [])):
        lok = posisi.cari(("tembusan", ditetapkan_oleh, i))
        baris.append(render_teks(str(t), konteks, f"{nama}:{lok.baris}" if lok.baris else nama).strip())
    return naskah.tanda_baca_tembusan(baris)


def bangun_tim_penyusun(hasil: HasilMuat) -> Dokumen:
    """The Keputusan forming the Tim Penyusun, numbered, foreign terms in italics."""
    k = hasil.konfigurasi
    tim = k.tim_penyusun
    pustaka = naskah.pustaka_klausul(hasil)
    nama_kab = k.kabupaten.nama.upper()
    pemrakarsa = k.opd_pemrakarsa
    lambang = str((hasil.folder / k.kabupaten.lambang).resolve()) if k.kabupaten.lambang else None

    if tim.ditetapkan_oleh == "bupati":
        keputusan = "Keputusan Bupati"
        judul_dok = f"Keputusan Bupati {k.kabupaten.nama}"
        kepala = naskah.kepala_bupati(k, lambang)
        jenis = f"KEPUTUSAN BUPATI {nama_kab}"
        pejabat = f"BUPATI {nama_kab},"
        ttd = naskah.tanda_tangan_bupati(k, tim.tanggal)
    else:
        jabatan = _jabatan_kepala_opd(k, k.pemrakarsa)  # "Kepala Dinas Pemberdayaan ..."
        keputusan = f"Keputusan {jabatan}"
        judul_dok = f"{keputusan} {k.nama_kabupaten}"
        jabatan_lengkap = jabatan.upper()
        if k.nama_kabupaten.upper() not in jabatan_lengkap:
            jabatan_lengkap += f" {k.nama_kabupaten.upper()}"
        kepala = Kepala([f"PEMERINTAH {k.nama_kabupaten.upper()}", pemrakarsa.nama.upper()], lambang)
        jenis = f"KEPUTUSAN {jabatan_lengkap}"
        pejabat = f"{jabatan_lengkap},"
        ttd = TandaTangan(tempat=k.kabupaten.ibu_kota, tanggal=naskah.tanggal_atau_titik(tim.tanggal),
                          jabatan=pejabat, nama=naskah.nama_orang(pemrakarsa.kepala),
                          nip=pemrakarsa.kepala.nip if pemrakarsa.kepala else None)

    tentang = f"Pembentukan Tim Penyusun Rancangan Peraturan Bupati tentang {k.perbup.tentang}"
    tentang_kapital = naskah.judul_kapital(tentang)
    nomor = naskah.nomor_judul(tim.nomor, tim.tanggal.year if tim.tanggal else k.tahun)

    konteks = naskah.konteks_dasar(hasil)
    konteks["keputusan"] = keputusan
    menimbang = naskah.menimbang_lengkap(
        [render_inline(s, konteks, sumber) for s, sumber in naskah.menimbang_klausul(pustaka, SUBFOLDER)],
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
                           (f" pada {naskah.TITIK}" if perlu_instansi(a) else ""))]
             + ([a.nama or (naskah.TITIK if x else "-")] if ada_nama else [])
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
        batang_tubuh=list(muat_badan(pustaka, SUBFOLDER, konteks)),
        penutup=Penutup(ditetapkan=ttd, tembusan=tembusan),
        lampiran=[Lampiran(
            kepala=["LAMPIRAN", jenis, nomor, "TENTANG", tentang_kapital],
            judul=f"SUSUNAN KEANGGOTAAN TIM PENYUSUN RANCANGAN PERATURAN BUPATI TENTANG "
                  f"{naskah.judul_kapital(k.perbup.tentang)}",
            isi=[tabel],
            tanda_tangan=ttd_lampiran,
        )],
        properti={
            "title": f"{judul_dok} tentang {tentang}",
            "subject": tentang,
            "author": pemrakarsa.nama,
        },
    )
    susun(dok)
    naskah.miringkan_istilah_asing(dok)
    return dok
