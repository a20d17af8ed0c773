"""The KPM task contract (kontrak tugas, juknis Aksi 5 Tahap Ketiga angka 2 huruf b): an agreement
between the Kepala Desa (PIHAK KESATU) and one KPM (PIHAK KEDUA), one per KPM.

Its targets, their dated deadlines, the scoring and the quarterly incentive ceilings come from the
year's plan (`kinerja.aturan.rencana`), the same data the Perbup's incentive clauses, the SK KPM
and the evaluation workbook are made from. Like the SK KPM builder it is prepared once per
district (`PembangunKontrak(hasil)`: clause files compiled, the plan computed) and called per
KPM (`.bangun(desa, urutan)`).

Wording: `clauses/kontrak/` (title, opening, parties, agreement sentence and appendix title in
pembukaan.yaml; one or more headed Pasal per .md file, `#### Pasal: JUDUL`). Templates see the usual
clause context (with `insentif`, the plan) and `desa` (`nama`, `kode`, `kecamatan`, `kepala_desa`,
`nomor_sk`), `kader` (`nama`, `alamat`, `nik`, `jenis_kelamin`, `pendidikan`) and `kontrak`
(`tanggal`, `hari`, `tanggal_kata`, `bulan_kata`, `tahun_kata`, `dasar_perbup`).
"""
from __future__ import annotations

from typing import Any

from perbup_gen.dokumen.per_desa import PembangunPerDesa, desa_contoh
from perbup_gen.dokumen.pustaka import sumber_yaml
from perbup_gen.dokumen.singkatan import Pengurai
from perbup_gen.dokumen.tanda_tangan import TITIK, lambang, nama_orang, nama_penanda_tangan, perbup_bernomor
from perbup_gen.errors import KlausulError
from perbup_gen.kinerja.aturan import rencana
from perbup_gen.konfigurasi.model import Desa
from perbup_gen.konfigurasi.muat import HasilMuat
from perbup_gen.konfigurasi.sebutan import Sebutan
from perbup_gen.konfigurasi.wilayah import DaftarWilayah
from perbup_gen.naskah import bilangan
from perbup_gen.naskah.istilah import miringkan_inline
from perbup_gen.naskah.nama import sambung
from perbup_gen.naskah.klausul import Badan, Peta, TemplatBaris, TemplatBerkas, pecah_sumber
from perbup_gen.naskah.model import (
    Dokumen, Judul, Kepala, Lampiran, Pasal, Perjanjian, Pihak, Tabel, salin, semua_inline,
)
from perbup_gen.naskah.penomoran import susun

__all__ = ["PembangunKontrak", "bangun_kontrak", "KEPALA_TARGET", "KEPALA_PAGU"]

SUBFOLDER = "kontrak"
KEPALA_TARGET = ["No", "Target", "Periode", "Tenggat", "Triwulan", "Bobot"]  # Bobot: when weights differ
LEBAR_TARGET = [1.0, 4.4, 3.6, 2.6, 2.6, 2.0]
KEPALA_PAGU = ["Triwulan", "Periode", "Bulan", "Pagu insentif"]
LEBAR_PAGU = [2.6, 5.6, 1.6, 3.8]
_TITIK_TTD = "(" + "." * 32 + ")"


class PembangunKontrak(PembangunPerDesa):
    """Builds the task contract of any KPM of `hasil`; prepare once, call `bangun(desa, i)`.
    The region's names are resolved once; a desa with names of its own gets a builder of its own
    (`untuk`)."""

    SUBFOLDER = SUBFOLDER

    def __init__(self, hasil: HasilMuat, wilayah: DaftarWilayah | None = None, sebutan: Sebutan | None = None):
        pustaka, _ = self._siapkan(hasil, wilayah, sebutan)
        k = self.k
        self.rencana = rencana(k)
        self.rencana.pastikan_besaran()
        self.singkatan = Pengurai(self._peta_singkatan(pustaka))
        self.templat = [TemplatBerkas(x, self.konteks, olah=self._olah) for x in pustaka.klausul(SUBFOLDER)]
        if not self.templat:
            raise KlausulError(f"tidak ada berkas klausul di {SUBFOLDER}/")
        data, posisi, nama = pustaka.baca_yaml(f"{SUBFOLDER}/pembukaan.yaml")
        self._nama_yaml = nama

        def baris(*jalur: Any) -> TemplatBaris:
            nilai: Any = data
            for j in jalur:
                nilai = nilai.get(j) if isinstance(nilai, dict) else (
                    nilai[j] if isinstance(nilai, list) and isinstance(j, int) and j < len(nilai) else None)
            if not isinstance(nilai, str):
                raise KlausulError(f"'{'.'.join(map(str, jalur))}' harus berupa templat teks",
                                   nama, posisi.cari(jalur).baris)
            return TemplatBaris(nilai, self.konteks, sumber_yaml(posisi, jalur, nama))

        self.t_judul, self.t_tentang = baris("judul"), baris("tentang")
        self.t_pembuka, self.t_kesepakatan = baris("pembuka"), baris("kesepakatan")
        self.t_judul_lampiran = baris("judul_lampiran")
        pihak = data.get("pihak")
        if not isinstance(pihak, list) or len(pihak) != 2 or not all(isinstance(p, dict) for p in pihak):
            raise KlausulError("'pihak' harus berupa daftar dua pihak (PIHAK KESATU dan PIHAK KEDUA)",
                               nama, posisi.cari(("pihak",)).baris)
        self.t_pihak = []
        for i, p in enumerate(pihak):
            identitas = p.get("identitas")
            if not isinstance(identitas, dict) or not identitas:
                raise KlausulError(f"pihak ke-{i + 1}: 'identitas' harus berupa pemetaan label: templat",
                                   nama, posisi.cari(("pihak", i)).baris)
            self.t_pihak.append({
                "sebutan": baris("pihak", i, "sebutan"),
                "identitas": [(str(label), baris("pihak", i, "identitas", label)) for label in identitas],
                "kedudukan": baris("pihak", i, "kedudukan"),
                "jabatan": baris("pihak", i, "jabatan"),
                "meterai": bool(p.get("meterai")),
            })
        self.kabupaten_kapital = k.nama_kabupaten.upper()
        self.lambang = lambang(hasil)
        self.tanggal = k.kpm.kontrak.tanggal or self.rencana.mulai
        self.kontrak = Peta(self._kontrak())
        self.lampiran_isi = self._lampiran_isi()
        # what does not depend on the KPM is rendered once (parsed nodes are copied per contract)
        self._tetap = {id(t): t.urai() for t in self.templat if not _per_kpm(t)}
        # check the templates and references now, not at the first KPM
        self._rakit(desa_contoh(hasil), 0)

    def _olah(self, badan: list[Badan]) -> None:
        """Once per parsed clause text: headed Pasal only; foreign terms in italics."""
        for u in badan:
            if not isinstance(u, Pasal):
                raise KlausulError("kontrak tugas hanya berisi Pasal berjudul (#### Pasal: JUDUL), tanpa BAB "
                                   "atau DIKTUM")
            if not u.judul:
                raise KlausulError("setiap Pasal kontrak tugas berjudul: tulis '#### Pasal: JUDUL'",
                                   *pecah_sumber(u.sumber))
            for a in u.ayat:
                miringkan_inline(a.isi, self.pola_asing)
                _miringkan_daftar(a.daftar, self.pola_asing)

    def _kontrak(self) -> dict:
        """The signing date in words ("Jumat", "dua", "Mei", "dua ribu dua puluh lima") and the Perbup
        as basis once it has a number."""
        d = self.tanggal
        bernomor = perbup_bernomor(self.k)
        dasar = bernomor[0] if bernomor else None
        return {"tanggal": d, "hari": bilangan.nama_hari(d), "tanggal_kata": bilangan.terbilang(d.day),
                "bulan_kata": bilangan.nama_bulan(d.month), "tahun_kata": bilangan.terbilang(d.year),
                "dasar_perbup": dasar}

    def _lampiran_isi(self) -> list:
        r = self.rencana
        bobot = len({k.bobot for k in r.kriteria}) > 1
        baris = []
        for i, t in enumerate(r.target, 1):
            kr = r.kriteria_kode(t.kriteria)
            baris.append([str(i), kr.ringkas, _masa(t.dari, t.tenggat), bilangan.tanggal(t.tenggat),
                          bilangan.romawi(t.triwulan)] + ([str(t.bobot)] if bobot else []))
        n = len(KEPALA_TARGET) - (0 if bobot else 1)
        pagu = [[bilangan.romawi(tw.nomor), _masa(tw.mulai, tw.selesai), str(tw.bulan),
                 bilangan.rupiah_angka(tw.pagu)] for tw in r.triwulan]
        pagu.append(["Jumlah", "", str(r.bulan), bilangan.rupiah_angka(r.pagu)])
        return [Tabel(KEPALA_TARGET[:n], baris, LEBAR_TARGET[:n]),
                Tabel(list(KEPALA_PAGU), pagu, list(LEBAR_PAGU))]

    def bangun(self, desa: Desa, urutan: int) -> Dokumen:
        """The contract of the `urutan`-th (0-based) KPM of `desa`, numbered."""
        if desa.kelurahan:
            raise ValueError(f"{desa.kode} {desa.nama or ''}: kelurahan tidak mempunyai KPM")
        if not 0 <= urutan < len(desa.kpm):
            raise ValueError(f"{desa.kode} {desa.nama or ''}: tidak ada KPM ke-{urutan + 1}")
        return self.untuk(desa)._rakit(desa, urutan)

    def _rakit(self, desa: Desa, urutan: int) -> Dokumen:
        k = self.k
        orang = desa.kpm[urutan]
        nama = self.nama_desa(desa)  # "Desa Adat Yoboi" of the national list is "Kampung Adat Yoboi"
        kecamatan = self.nama_kecamatan(desa.kode_kecamatan)
        nama_lengkap = sambung(self.istilah_desa, nama)
        d = Peta({"nama": nama, "kode": desa.kode, "kecamatan": kecamatan, "nama_lengkap": nama_lengkap,
                  "kecamatan_lengkap": sambung(self.istilah_kecamatan, kecamatan),
                  "kepala_desa": nama_orang(desa.kepala_desa), "nomor_sk": desa.nomor_sk or TITIK})
        kader = Peta({"nama": orang.nama, "alamat": orang.alamat, "nik": orang.nik,
                      "jenis_kelamin": orang.jenis_kelamin, "pendidikan": orang.pendidikan})
        tambahan = {"desa": d, "kader": kader, "kontrak": self.kontrak}

        def kw(t) -> dict:  # only what the template reads (each value is checked on every render)
            return {n: v for n, v in tambahan.items() if t.bergantung(n)}

        def teks(t) -> str:
            return t.teks(**kw(t)).strip()

        def inline(t):
            isi = t.inline(**kw(t))
            miringkan_inline(isi, self.pola_asing)
            return isi

        batang: list = []
        for t in self.templat:
            tetap = self._tetap.get(id(t))
            batang += [salin(x) for x in tetap] if tetap is not None else t.urai(**kw(t))
        pihak = []
        for tp in self.t_pihak:
            identitas = [(label, teks(t)) for label, t in tp["identitas"]]
            pihak.append(Pihak(
                sebutan=teks(tp["sebutan"]),
                identitas=[(label, nilai) for label, nilai in identitas if nilai],
                kedudukan=inline(tp["kedudukan"]),
                jabatan=teks(tp["jabatan"]),
                nama="",
                meterai=tp["meterai"],
            ))
        pihak[0].nama = nama_penanda_tangan(desa.kepala_desa)
        if pihak[0].jabatan and not pihak[0].jabatan.endswith(","):
            pihak[0].jabatan += ","
        pihak[1].nama = orang.nama.upper()
        saksi = [(sambung(jabatan, nama), _TITIK_TTD) for jabatan in k.kpm.kontrak.saksi]

        judul = teks(self.t_judul)
        tentang = teks(self.t_tentang)
        nomor = f"NOMOR {TITIK}"
        dok = Dokumen(
            jenis="perjanjian",
            kepala=Kepala([f"PEMERINTAH {self.kabupaten_kapital}", sambung(self.istilah_kecamatan, kecamatan).upper(),
                           nama_lengkap.upper()], self.lambang),
            judul=Judul(jenis=judul, nomor=nomor, tentang=tentang),
            perjanjian=Perjanjian(
                pembuka=inline(self.t_pembuka),
                pihak=pihak,
                kesepakatan=inline(self.t_kesepakatan),
                saksi=saksi,
            ),
            batang_tubuh=batang,
            lampiran=[Lampiran(
                kepala=["LAMPIRAN", judul, nomor, "TENTANG", tentang],
                judul=teks(self.t_judul_lampiran),
                isi=list(self.lampiran_isi),
            )],
            properti={
                "title": f"Kontrak Tugas Kader Pembangunan Manusia {nama_lengkap}: {orang.nama}",
                "subject": f"Target capaian kinerja dan insentif KPM tahun {k.tahun}",
                "author": f"Pemerintah {nama_lengkap}",
            },
        )
        if self.singkatan.pola is not None:  # a contract has no Pasal 1: spelled out at first use
            self.singkatan.terapkan(semua_inline(dok))
        return susun(dok)


def _masa(dari, sampai) -> str:
    return f"{bilangan.tanggal(dari)} \u2013 {bilangan.tanggal(sampai)}"


def _miringkan_daftar(d, pola) -> None:
    for b in d.butir if d else []:
        miringkan_inline(b.isi, pola)
        _miringkan_daftar(b.daftar, pola)


def _per_kpm(t) -> bool:
    """Whether a compiled template reads what differs from one contract to the next."""
    return any(t.bergantung(n) for n in ("desa", "kader", "kontrak"))


def bangun_kontrak(hasil: HasilMuat, desa: Desa, urutan: int = 0) -> Dokumen:
    """One contract (prepares the builder each time: for many KPM use PembangunKontrak)."""
    return PembangunKontrak(hasil).bangun(desa, urutan)
