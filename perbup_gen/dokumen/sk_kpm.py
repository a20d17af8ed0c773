"""The Keputusan Kepala Desa appointing the Kader Pembangunan Manusia (juknis Aksi 5), one per desa.

Built for every desa of a roster, up to the 75,252 desa of Indonesia, so the builder is prepared
once per district and then called per desa: `PembangunSKKPM(hasil)` compiles the clause files
(`naskah.klausul.TemplatBerkas`, which also keeps each file's parse per distinct rendered text),
builds the Mengingat list and the heading lines, and gives the diktum that do not depend on the
desa their markers and punctuation once; `.bangun(desa)` renders only what depends on the desa,
assembles the model and numbers it (`penomoran.susun`).

Wording: `clauses/sk_kpm/` (Menimbang in pembukaan.yaml, or `sk_kpm.menimbang` of the config as
plain text; one diktum per .md file). Templates see the usual clause context
(`dokumen.konteks.konteks_dasar`) and `desa`: `desa.nama`, `desa.kode`, `desa.kecamatan` (name
from the national list), `desa.jumlah_kpm`, `desa.kepala_desa` (name or "..."),
`desa.nomor_berita_acara` and `desa.tanggal_berita_acara` (of the Musyawarah Desa; "..." when
unknown). Title and the Lampiran's list title: `sk_kpm/judul.yaml`; tembusan lines:
`sk_kpm/penutup.yaml`; abbreviations spelled out at their first use (this decree has no Pasal 1):
`sk_kpm/singkatan.yaml`.
"""
from __future__ import annotations

import datetime as _dt

from perbup_gen.dokumen.pembukaan import menimbang_lengkap, menimbang_templat, mengingat_wilayah, susun_mengingat
from perbup_gen.dokumen.per_desa import PembangunPerDesa, desa_contoh
from perbup_gen.dokumen.pustaka import daftar_teks_yaml, teks_yaml
from perbup_gen.dokumen.singkatan import Pengurai
from perbup_gen.dokumen.tanda_tangan import (
    TITIK, lambang, nama_orang, nama_penanda_tangan, nomor_judul_register, perbup_bernomor,
    tanda_baca_tembusan, tanggal_atau_titik,
)
from perbup_gen.errors import KlausulError
from perbup_gen.konfigurasi.model import KPM, Desa
from perbup_gen.konfigurasi.muat import HasilMuat
from perbup_gen.konfigurasi.sebutan import Sebutan
from perbup_gen.konfigurasi.nomor import susun_nomor
from perbup_gen.konfigurasi.wilayah import DaftarWilayah
from perbup_gen.naskah.istilah import miringkan_diktum, miringkan_inline
from perbup_gen.naskah.nama import sambung
from perbup_gen.naskah.klausul import Badan, Peta, TemplatBaris, TemplatBerkas
from perbup_gen.naskah.model import (
    Diktum, Dokumen, Judul, Kepala, Lampiran, Pembukaan, Penutup, Tabel, TandaTangan, Teks, salin,
    salin_inline,
)
from perbup_gen.naskah.penomoran import susun, tata_diktum

__all__ = ["PembangunSKKPM", "bangun_sk_kpm"]

SUBFOLDER = "sk_kpm"
ALASAN_KELURAHAN = "kelurahan (tidak mempunyai Kepala Desa, APBDes, maupun KPM)"
ALASAN_TANPA_KPM = "belum ada KPM di roster"
KEPALA_TABEL = ["No", "Nama", "L/P", "Pendidikan", "Alamat", "Pengalaman"]
LEBAR_TABEL = [0.8, 3.0, 0.9, 2.2, 2.4, 2.9]


class PembangunSKKPM(PembangunPerDesa):
    """Builds the KPM decree of any desa of `hasil`; prepare once, call `bangun(desa)` per desa.

    The region's names (`konfigurasi.sebutan`) are resolved once here: the heading, title and
    signature name the office that signs ("KEPALA DESA", "KEUCHIK GAMPONG", "WALI NAGARI", "LURAH",
    "KEPALA KAMPUNG") and the kecamatan by its local name ("DISTRIK", "KAPANEWON"). A desa with
    names of its own (a kampung adat of Kabupaten Jayapura, a negeri of Kota Ambon) is built by a
    second builder prepared for those names, once per distinct set of names (`untuk`)."""

    SUBFOLDER = SUBFOLDER

    def __init__(self, hasil: HasilMuat, wilayah: DaftarWilayah | None = None, sebutan: Sebutan | None = None):
        pustaka, s = self._siapkan(hasil, wilayah, sebutan)
        k = self.k
        self.jabatan_keputusan = s["jabatan_keputusan"]
        self.keputusan_desa = s["keputusan_desa"]
        self.rahmat = self.sebutan.pembukaan_desa()

        # diktum: every clause file compiled once; each parse gets its italics once (_olah)
        self.templat = [TemplatBerkas(x, self.konteks, olah=self._olah) for x in pustaka.klausul(SUBFOLDER)]
        if not self.templat:
            raise KlausulError(f"tidak ada berkas klausul di {SUBFOLDER}/")
        # the diktum that do not depend on the desa, with markers and punctuation (set below)
        self._tertata: dict[int, list[Diktum]] = {}

        # Menimbang: the config's plain text, or the templates of pembukaan.yaml
        if k.sk_kpm.menimbang:
            self.menimbang_polos: list[str] | None = list(k.sk_kpm.menimbang)
            self.menimbang_templat = []
        else:
            self.menimbang_polos = None
            self.menimbang_templat = menimbang_templat(pustaka, SUBFOLDER, self.konteks)

        self.mengingat: list[str] = susun_mengingat(
            hasil, list(k.sk_kpm.dasar_hukum.pilih) + mengingat_wilayah(hasil), ("sk_kpm", "dasar_hukum", "pilih"))
        perbup = self.perbup_sebagai_dasar()
        if perbup:
            self.mengingat.append(perbup)
        self.mengingat_inline = [[Teks(s)] for s in self.mengingat]
        for isi in self.mengingat_inline:
            miringkan_inline(isi, self.pola_asing)

        self.kabupaten_kapital = k.nama_kabupaten.upper()
        self.lambang = lambang(hasil)
        self.tanggal_bawaan = k.sk_kpm.tanggal
        self.draf = hasil.draf is not None
        data, posisi, nama_berkas = pustaka.baca_yaml(f"{SUBFOLDER}/penutup.yaml")
        self.tembusan_templat = [TemplatBaris(t, self.konteks, s_) for t, s_ in
                                 daftar_teks_yaml(data, posisi, nama_berkas, "tembusan")]
        # the title and the Lampiran's list title (capitals made here)
        data, posisi, nama_berkas = pustaka.baca_yaml(f"{SUBFOLDER}/judul.yaml")
        self.t_tentang, self.t_judul_lampiran = (
            TemplatBaris(t, self.konteks, sumber) for t, sumber in
            (teks_yaml(data, posisi, nama_berkas, kunci) for kunci in ("tentang", "judul_lampiran")))
        # lines that do not name the desa are rendered once
        self.tembusan_tetap = [None if t.bergantung("desa") else t.teks() for t in self.tembusan_templat]
        self.singkatan, self._singkatan_tetap = self._siapkan_singkatan(self._peta_singkatan(pustaka))

        # check the templates and references now, not at the first desa (errors of list depth
        # name their diktum number)
        self._rakit(desa_contoh(hasil))
        # then give the desa-invariant diktum their markers and punctuation once: susun() skips
        # them and its pass 2 depends on the diktum alone, so the result is the same
        tetap = {id(t): t.urai() for t in self.templat if not t.bergantung("desa")}
        if self._singkatan_tetap is not None:  # spelled out once in the invariant diktum, in order
            self._singkatan_tetap.terapkan_diktum([d for t in self.templat for d in tetap.get(id(t), ())])
        self._tertata = {i: [tata_diktum(d) for d in ds] for i, ds in tetap.items()}

    def _siapkan_singkatan(self, peta: dict[str, str]) -> tuple[Pengurai | None, Pengurai | None]:
        """Abbreviations whose first use falls in a desa-invariant diktum are spelled out there
        once; the others per desa. Returns (per desa, once), each None when empty."""
        if not peta:
            return None, None
        contoh = self._konteks_desa(desa_contoh(self.hasil), "Contoh", "Contoh")
        pertama: dict[str, TemplatBerkas] = {}
        for t in self.templat:
            diktum = t.urai(desa=contoh) if t.bergantung("desa") else t.urai()
            for isi in _inline_diktum(diktum):
                for x in isi:
                    if isinstance(x, Teks):
                        for s in peta:
                            if s in x.teks:
                                pertama.setdefault(s, t)
        per_desa = {s: v for s, v in peta.items() if s in pertama and pertama[s].bergantung("desa")}
        tetap = {s: v for s, v in peta.items() if s in pertama and not pertama[s].bergantung("desa")}
        return (Pengurai(per_desa) if per_desa else None), (Pengurai(tetap) if tetap else None)

    def _konteks_desa(self, desa: Desa, nama: str, kecamatan: str) -> Peta:
        """What a clause template knows of the desa (read-only plain data): `nama_lengkap` is the
        name after its term ("Desa Sumberejo", "Gampong Baro", "Kampung Adat Yoboi"),
        `kecamatan_lengkap` likewise ("Kecamatan Batu", "Distrik Sentani")."""
        return Peta({"nama": nama, "kode": desa.kode, "kecamatan": kecamatan, "jumlah_kpm": len(desa.kpm) or 1,
                     "nama_lengkap": sambung(self.istilah_desa, nama),
                     "kecamatan_lengkap": sambung(self.istilah_kecamatan, kecamatan),
                     "kepala_desa": nama_orang(desa.kepala_desa),
                     "nomor_berita_acara": desa.nomor_berita_acara or TITIK,
                     "tanggal_berita_acara": tanggal_atau_titik(desa.tanggal_berita_acara)})

    def _olah(self, badan: list[Badan]) -> None:
        """Once per parsed clause text: only diktum allowed; foreign terms in italics."""
        for d in badan:
            if not isinstance(d, Diktum):
                raise KlausulError("Keputusan hanya berisi DIKTUM: (bukan BAB atau Pasal)")
            miringkan_diktum(d, self.pola_asing)

    # -- what does not depend on the desa --

    def perbup_sebagai_dasar(self) -> str | None:
        """The Perbup on peran desa as a Mengingat item, once it has a number (k.perbup.nomor)."""
        bernomor = perbup_bernomor(self.k)
        if bernomor is None:
            return None
        judul, tahun = bernomor
        return (f"{judul} (Berita Daerah {self.k.nama_kabupaten} Tahun {tahun} Nomor "
                f"{self.k.perbup.nomor_berita_daerah or TITIK});")

    # -- per desa --

    def bisa_dibuat(self, desa: Desa) -> str | None:
        """Why no decree can be made for this desa ("kelurahan", "belum ada KPM di roster"), or None.
        A draft (`build --draf`) makes it for a desa without KPM too, with "..." in the list."""
        if desa.kelurahan:
            return ALASAN_KELURAHAN
        if not desa.kpm and not self.draf:
            return ALASAN_TANPA_KPM
        return None

    def nomor(self, desa: Desa) -> str:
        """The title's number line: the district's numbering pattern (sk_kpm.pola_nomor) filled
        with the desa's register number, or its full register number as written."""
        tanggal = desa.tanggal_sk or self.tanggal_bawaan
        return nomor_judul_register(susun_nomor(self.k.sk_kpm.pola_nomor, desa.nomor_sk, self.k.tahun, desa.kode,
                                       tanggal if isinstance(tanggal, _dt.date) else None), self.k.tahun)

    def bangun(self, desa: Desa) -> Dokumen:
        """The decree of one desa, numbered. ValueError for a kelurahan or a desa without KPM."""
        alasan = self.bisa_dibuat(desa)
        if alasan:
            raise ValueError(f"{desa.kode} {desa.nama or ''}: {self.keputusan_desa} tentang KPM "
                             f"tidak dapat dibuat: {alasan}")
        return self.untuk(desa)._rakit(desa)

    def _rakit(self, desa: Desa) -> Dokumen:
        nama = self.nama_desa(desa)
        kecamatan = self.nama_kecamatan(desa.kode_kecamatan)
        desa_kapital = nama.upper()
        nama_lengkap = sambung(self.istilah_desa, nama)  # "Desa Sumberejo", "Kampung Adat Yoboi"
        jabatan_kapital = sambung(self.jabatan_keputusan, nama).upper()  # "KEPALA DESA SUMBEREJO"
        kepala_desa = nama_penanda_tangan(desa.kepala_desa)
        kpm = desa.kpm or [_KPM_TITIK]  # a draft without KPM yet: one row of dots
        kd = self._konteks_desa(desa, nama, kecamatan)

        # diktum in file order: fresh copies of the invariant ones, the others rendered now
        batang: list = []
        tertata: set[int] = set()  # ids of the diktum copied already punctuated
        invarian: list = []  # invariant diktum not prepared once yet (the check while constructing)
        for t in self.templat:
            siap = self._tertata.get(id(t))
            if siap is not None:
                salinan = [salin(d) for d in siap]
                tertata.update(map(id, salinan))
                batang += salinan
            elif t.bergantung("desa"):
                batang += t.urai(desa=kd)
            else:
                diktum = t.urai()
                invarian += diktum
                batang += diktum
        if invarian and self._singkatan_tetap is not None:  # as the prepared ones have it
            self._singkatan_tetap.terapkan_diktum(invarian)
        if self.singkatan is not None:
            self.singkatan.terapkan_diktum(batang)

        tentang = self.t_tentang.teks(desa=kd)
        tentang_kapital = tentang.upper()
        if self.menimbang_polos is not None:
            butir = [[Teks(s)] for s in self.menimbang_polos]
        else:
            butir = [t.inline(desa=kd) if t.bergantung("desa") else t.inline() for t in self.menimbang_templat]
        menimbang = menimbang_lengkap(butir, self.keputusan_desa, tentang)
        for isi in menimbang:
            miringkan_inline(isi, self.pola_asing)

        jenis = f"KEPUTUSAN {jabatan_kapital}"
        nomor = self.nomor(desa)
        jabatan = f"{jabatan_kapital},"
        tanggal = desa.tanggal_sk or self.tanggal_bawaan
        baris = [[str(i), p.nama, p.jenis_kelamin, p.pendidikan, p.alamat,
                  ", ".join(p.pengalaman) or "-"] for i, p in enumerate(kpm, 1)]
        dok = Dokumen(
            jenis="keputusan",
            kepala=Kepala([jabatan_kapital, sambung(self.istilah_kecamatan, kecamatan).upper(),
                           self.kabupaten_kapital], self.lambang),
            judul=Judul(jenis=jenis, nomor=nomor, tentang=tentang_kapital),
            pembukaan=Pembukaan(
                pejabat=jabatan,
                menimbang=menimbang,
                mengingat=[salin_inline(x) for x in self.mengingat_inline],
                menetapkan=f"{self.keputusan_desa.upper()} TENTANG {tentang_kapital}.",
                dengan_rahmat=bool(self.rahmat),
                rahmat=self.rahmat or None,
            ),
            batang_tubuh=batang,
            penutup=Penutup(
                ditetapkan=TandaTangan(tempat=nama, tanggal=tanggal_atau_titik(tanggal),
                                       jabatan=jabatan, nama=kepala_desa),
                tembusan=tanda_baca_tembusan([tetap if tetap is not None else t.teks(desa=kd)
                                              for t, tetap in zip(self.tembusan_templat, self.tembusan_tetap)]),
            ),
            lampiran=[Lampiran(
                # the desa name never breaks across lines of the Lampiran heading (no-break spaces)
                kepala=["LAMPIRAN", jenis.replace(desa_kapital, desa_kapital.replace(" ", "\u00a0")), nomor,
                        "TENTANG", tentang_kapital.replace(desa_kapital, desa_kapital.replace(" ", "\u00a0"))],
                judul=self.t_judul_lampiran.teks(desa=kd).upper(),
                isi=[Tabel(kepala=list(KEPALA_TABEL), baris=baris, lebar=list(LEBAR_TABEL))],
                tanda_tangan=TandaTangan(tempat="", tanggal="", jabatan=jabatan, nama=kepala_desa),
            )],
            properti={
                "title": f"{sambung(self.keputusan_desa, nama)} tentang {tentang}",
                "subject": tentang,
                "author": f"Pemerintah {nama_lengkap}",
            },
        )
        return susun(dok, tertata)


_KPM_TITIK = KPM.model_construct(nama=TITIK, jenis_kelamin=TITIK, pendidikan=TITIK, alamat=TITIK,
                                 pengalaman=[TITIK])


def _inline_diktum(diktum: list[Diktum]):
    for d in diktum:
        yield d.isi
        daftar = [d.daftar] if d.daftar else []
        while daftar:
            for b in daftar.pop().butir:
                yield b.isi
                if b.daftar:
                    daftar.append(b.daftar)


def bangun_sk_kpm(hasil: HasilMuat, desa: Desa) -> Dokumen:
    """One decree (prepares the builder each time: for many desa use PembangunSKKPM)."""
    return PembangunSKKPM(hasil).bangun(desa)
