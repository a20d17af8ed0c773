"""The Keputusan Kepala Desa appointing the Kader Pembangunan Manusia (juknis Aksi 5), one per desa.

Built for every desa of a roster, up to the 75,252 desa of Indonesia, so the work is split:
`PembangunSKKPM(hasil)` does once everything that does not depend on the desa (clause files read
and their Jinja templates compiled, the Mengingat list, the heading lines of the kabupaten, the
foreign-term pattern) and renders once the clause files that do not use `desa` (their parsed
diktum are copied per desa); `.bangun(desa)` renders only the desa-dependent templates, assembles
the model, numbers it (`penomoran.susun`) and sets foreign terms in italics.

Wording: `clauses/sk_kpm/` (Menimbang in pembukaan.yaml, or `sk_kpm.menimbang` of the config as
plain text; one diktum per .md file). Templates see the usual clause context (naskah.konteks_dasar)
and `desa`: `desa.nama`, `desa.kode`, `desa.kecamatan` (name from the national list),
`desa.jumlah_kpm`, `desa.kepala_desa` (name or "..."); `{{ desa }}` alone prints the name.

The fast path renders compiled templates with the clause library's own sandboxed environment and
line parser (klausul._ENV_BERKAS, _Pengurai...): klausul.py has no public "compile once" API yet.
On any template error it re-renders through klausul's public path, which raises the KlausulError
with file and line.
"""
from __future__ import annotations

import functools
import re
from jinja2 import meta

from perbup_gen.naskah import klausul as _kl
from perbup_gen.dokumen import bersama as naskah
from perbup_gen.dokumen.singkatan import Pengurai, baca_singkatan
from perbup_gen.konfigurasi.model import Desa
from perbup_gen.errors import KlausulError
from perbup_gen.naskah.klausul import Klausul
from perbup_gen.naskah.model import (
    Butir, Daftar, Diktum, Dokumen, Inline, Judul, Kepala, Lampiran, Pembukaan, Penutup, Rujukan,
    Tabel, TandaTangan, Teks,
)
from perbup_gen.konfigurasi.muat import HasilMuat
from perbup_gen.naskah.penomoran import susun, tata_diktum
from perbup_gen.konfigurasi.wilayah import DaftarWilayah

__all__ = ["KonteksDesa", "PembangunSKKPM", "bangun_sk_kpm"]

SUBFOLDER = "sk_kpm"
ALASAN_KELURAHAN = "kelurahan (tidak mempunyai Kepala Desa, APBDes, maupun KPM)"
ALASAN_TANPA_KPM = "belum ada KPM di roster"
KEPALA_TABEL = ["No", "Nama", "L/P", "Pendidikan", "Alamat", "Pengalaman"]
LEBAR_TABEL = [0.8, 3.0, 0.9, 2.2, 2.4, 2.9]


class KonteksDesa(dict):
    """What a clause template knows of the desa: `desa.nama`, `desa.kode`, `desa.kecamatan`,
    `desa.jumlah_kpm`, `desa.kepala_desa`. `{{ desa }}` prints the name.

    A dict, not an object: the sandbox checks every attribute read of an object (a third of the
    per-desa render time); keys are read without that check.
    """

    def __init__(self, nama: str, kode: str, kecamatan: str, jumlah_kpm: int, kepala_desa: str,
                 nomor_berita_acara: str = "...", tanggal_berita_acara: str = "..."):
        super().__init__(nama=nama, kode=kode, kecamatan=kecamatan, jumlah_kpm=jumlah_kpm,
                         kepala_desa=kepala_desa, nomor_berita_acara=nomor_berita_acara,
                         tanggal_berita_acara=tanggal_berita_acara)

    def __str__(self) -> str:
        return self["nama"]


# --- compiled clause templates -------------------------------------------------------------------


def _induk(templat, konteks: dict) -> dict:
    """What `Template.render(konteks)` would make the context's parent: the template's globals
    (range, dict...) under the variables. Built once per template; `_render_cepat` copies it."""
    induk = dict(templat.globals)
    induk.update(konteks)
    return induk


def _render_cepat(templat, induk: dict, kunci_global: set) -> str:
    """`templat.render(...)` with `induk` already holding globals and variables.

    Template.render merges the globals into the variables and lists the global names again on
    every call (a ChainMap walked twice: a third of the render time of these short templates);
    this builds the same Context from what was prepared once and runs the same compiled code.
    Errors propagate raw: callers re-render through klausul for the KlausulError.
    """
    env = templat.environment
    ctx = env.context_class(env, induk, templat.name, templat.blocks)
    ctx.globals_keys = kunci_global
    return env.concat(templat.root_render_func(ctx))


@functools.lru_cache(maxsize=256)
def _kompilasi(env, isi: str):
    """A template compiled once per process, with the variables it names: a national batch
    prepares the same clause files for every kabupaten."""
    return env.from_string(isi), frozenset(meta.find_undeclared_variables(env.parse(isi)))


class _TemplatBerkas:
    """One clause file, its template compiled once; knows whether its output depends on `desa`.

    It renders with only the variables it names (Jinja copies the whole context on every render).
    """

    def __init__(self, k: Klausul, konteks: dict):
        self.klausul = k
        self.nama = k.nama  # a relpath() each time it is read
        self.isi = k.isi.translate(_kl._BUANG_PRIBADI)
        try:
            self.templat, nama_variabel = _kompilasi(_kl._ENV_BERKAS, self.isi)
        except Exception:
            _kl._render(_kl._ENV_BERKAS, k.isi, {}, k.nama)  # raises KlausulError with the line
            raise
        self.per_desa = "desa" in nama_variabel
        self.konteks = {n: v for n, v in konteks.items() if n in nama_variabel}
        self._induk = _induk(self.templat, self.konteks)
        self._kunci_global = set(self.templat.globals)
        self.tetap: list | None = None  # parsed once when not per desa
        # `tetap` with markers and punctuation (penomoran.tata_diktum), once the builder is checked
        self.tertata: list[Diktum] | None = None
        # rendered text -> parsed diktum (italics set): desa of one kecamatan often share a text
        self._hasil: dict[str, list[Diktum]] = {}

    def urai(self, teks_: str, pembangun: "PembangunSKKPM") -> list[Diktum]:
        """The diktum of a rendered text, parsed once per distinct text (callers copy them)."""
        hasil = self._hasil.get(teks_)
        if hasil is None:
            hasil = _urai([self], [teks_])
            for d in hasil:
                pembangun._miringkan_diktum(d)
            if len(self._hasil) >= 4096:
                self._hasil.clear()
            self._hasil[teks_] = hasil
        return hasil

    def render(self, desa: KonteksDesa | None) -> str:
        induk = self._induk.copy()
        if desa is not None:
            induk["desa"] = desa
        try:
            return _render_cepat(self.templat, induk, self._kunci_global)
        except Exception:
            konteks = self.konteks if desa is None else {**self.konteks, "desa": desa}
            _kl._render(_kl._ENV_BERKAS, self.klausul.isi, konteks, self.nama)
            raise


class _TemplatBaris:
    """A one-line template (a Menimbang item from YAML), compiled once."""

    def __init__(self, sumber_teks: str, sumber: str, konteks: dict):
        self.sumber_teks = sumber_teks
        self.sumber = sumber
        self.berkas, self.baris = _kl._sumber_pecah(sumber)
        isi = sumber_teks.translate(_kl._BUANG_PRIBADI)
        try:
            self.templat, nama_variabel = _kompilasi(_kl._ENV_INLINE, isi)
        except Exception:
            _kl.render_inline(sumber_teks, {}, sumber)  # raises KlausulError with the line
            raise
        self.konteks = {n: v for n, v in konteks.items() if n in nama_variabel}
        self.per_desa = "desa" in nama_variabel
        self._induk = _induk(self.templat, self.konteks)
        self._kunci_global = set(self.templat.globals)

    def inline(self, desa: KonteksDesa) -> Inline:
        induk = self._induk.copy()
        induk["desa"] = desa
        try:
            hasil = _render_cepat(self.templat, induk, self._kunci_global)
        except Exception:
            _kl.render_inline(self.sumber_teks, {**self.konteks, "desa": desa}, self.sumber)
            raise
        hasil = " ".join(x.strip() for x in hasil.split("\n") if _kl._polos(x).strip())
        return _inline_cepat(hasil, self.sumber, self.berkas, self.baris)


_NILAI = re.compile(f"{_kl.NILAI_BUKA}[^{_kl.NILAI_TUTUP}]*{_kl.NILAI_TUTUP}")
_RUJUKAN = re.compile(r"\[\[([^\[\]]*)\]\]")


def _inline_cepat(s: str, sumber: str, berkas: str, baris: int | None) -> Inline:
    """klausul._urai_inline, faster for the usual line: no `*` or backslash anywhere, `[` only in
    `[[label]]` of the template text (never in a value). Anything else takes klausul's own
    character-by-character parse, which is most of the per-desa time when used for every line."""
    if "*" in s or "\\" in s:
        return _kl._urai_inline(s, sumber, berkas, baris)
    if "[" not in s:
        return [Teks(_kl._polos(s))]
    if any("[" in v for v in _NILAI.findall(s)):
        return _kl._urai_inline(s, sumber, berkas, baris)
    potong = _RUJUKAN.split(_kl._polos(s))
    hasil: Inline = []
    for i, bagian in enumerate(potong):
        if i % 2 == 0:
            if "[[" in bagian:
                return _kl._urai_inline(s, sumber, berkas, baris)
            if bagian:
                hasil.append(Teks(bagian))
        else:
            label = bagian.strip()
            if not _kl._LABEL.match(label):
                return _kl._urai_inline(s, sumber, berkas, baris)
            hasil.append(Rujukan(label=label, sumber=sumber))
    return hasil


def _polos_inline(isi: Inline) -> str:
    return "".join(x.teks for x in isi if isinstance(x, Teks))


def _inline_diktum_semua(diktum: list[Diktum]):
    for d in diktum:
        yield d.isi
        stack = [d.daftar] if d.daftar else []
        while stack:
            daftar = stack.pop()
            for b in daftar.butir:
                yield b.isi
                if b.daftar:
                    stack.append(b.daftar)


class _Pengurai(_kl._Pengurai):
    """klausul's line parser with the faster inline parse."""

    def _inline(self, teks: str) -> Inline:
        isi = _inline_cepat(teks.strip(), f"{self.berkas}:{self.nomor}", self.berkas, self.nomor)
        if not any(isinstance(t, Rujukan) or t.teks.strip() for t in isi):
            raise self._galat("teks kosong")
        return isi


def _urai(templat: list[_TemplatBerkas], hasil_render: list[str]) -> list[Diktum]:
    pengurai = _Pengurai()
    for t, teks_ in zip(templat, hasil_render):
        pengurai.urai(_kl._baris_render(teks_), t.nama)
        if any(not isinstance(x, Diktum) for x in pengurai.hasil):
            raise KlausulError("Keputusan hanya berisi DIKTUM: (bukan BAB atau Pasal)", t.nama)
    return pengurai.hasil


# --- copying parsed diktum (susun() numbers and punctuates in place) ------------------------------
# List markers (`tanda`) are copied too: the desa-invariant diktum are copied already punctuated.


def _salin_inline(isi: Inline) -> Inline:
    return [Teks(x.teks, x.miring, x.tebal) if isinstance(x, Teks)
            else Rujukan(x.label, x.sumber) for x in isi]


def _salin_daftar(d: Daftar | None) -> Daftar | None:
    if d is None:
        return None
    return Daftar([Butir(_salin_inline(b.isi), _salin_daftar(b.daftar), b.label, b.tanda)
                   for b in d.butir], d.sambung, d.jenis)


def _salin_diktum(d: Diktum) -> Diktum:
    return Diktum(_salin_inline(d.isi), _salin_daftar(d.daftar), d.label)


# --- the builder ---------------------------------------------------------------------------------


class PembangunSKKPM:
    """Builds the KPM decree of any desa of `hasil`; prepare once, call `bangun(desa)` per desa."""

    def __init__(self, hasil: HasilMuat, wilayah: DaftarWilayah | None = None):
        self.hasil = hasil
        k = self.k = hasil.konfigurasi
        self.wilayah = wilayah or DaftarWilayah.muat()
        pustaka = naskah.pustaka_klausul(hasil)
        self.konteks = naskah.konteks_dasar(hasil)

        # diktum: compile every clause file; render and parse once those that ignore `desa`
        self.templat = [_TemplatBerkas(x, self.konteks) for x in pustaka.klausul(SUBFOLDER)]
        if not self.templat:
            raise KlausulError(f"tidak ada berkas klausul di {SUBFOLDER}/")
        for t in self.templat:
            if not t.per_desa:
                t.tetap = _urai([t], [t.render(None)])
        self.templat_desa = [t for t in self.templat if t.per_desa]

        # Menimbang: the config's plain text, or the templates of pembukaan.yaml
        if self.k.sk_kpm.menimbang:
            self.menimbang_polos: list[str] | None = list(self.k.sk_kpm.menimbang)
            self.menimbang_templat: list[_TemplatBaris] = []
        else:
            self.menimbang_polos = None
            self.menimbang_templat = [_TemplatBaris(s, sumber, self.konteks)
                                      for s, sumber in naskah.menimbang_klausul(pustaka, SUBFOLDER)]

        self.mengingat: list[str] = naskah.susun_mengingat(
            hasil, k.sk_kpm.dasar_hukum.pilih, ("sk_kpm", "dasar_hukum", "pilih"))
        perbup = self.perbup_sebagai_dasar()
        if perbup:
            self.mengingat.append(perbup)

        self.kabupaten_kapital = k.nama_kabupaten.upper()
        self.lambang = (str((hasil.folder / k.kabupaten.lambang).resolve()) if k.kabupaten.lambang
                        else None)
        self.tanggal_bawaan = k.sk_kpm.tanggal
        # tembusan lines (clauses/sk_kpm/penutup.yaml) and the abbreviations spelled out at
        # their first use (clauses/sk_kpm/singkatan.yaml): this decree has no Pasal 1
        data, posisi, nama_berkas = naskah.baca_yaml_klausul(pustaka, f"{SUBFOLDER}/penutup.yaml")
        self.tembusan_templat = [_TemplatBaris(t, s_, self.konteks) for t, s_ in
                                 naskah.daftar_teks_yaml(data, posisi, nama_berkas, "tembusan")]
        contoh = KonteksDesa(nama="", kode="", kecamatan="", jumlah_kpm=1, kepala_desa="")
        # lines that do not name the desa are rendered once
        self.tembusan_tetap = [None if t.per_desa else _polos_inline(t.inline(contoh)) for t in self.tembusan_templat]
        self.singkatan = self._siapkan_singkatan(baca_singkatan(pustaka, SUBFOLDER))
        self._kecamatan: dict[str, str] = {}
        self.pola_asing = naskah.pola_istilah_asing()
        # the desa-invariant parts get their italics once; per desa only new text is scanned
        self.mengingat_inline = [[Teks(s)] for s in self.mengingat]
        for isi in self.mengingat_inline:
            self._miringkan(isi)
        for t in self.templat:
            if t.tetap is not None:
                for d in t.tetap:
                    self._miringkan_diktum(d)

        # check the templates and references now, not at the first desa (through the plain path:
        # errors of list depth name their diktum number)
        self._rakit(Desa(kode=f"{k.kabupaten.kode}.01.2001", nama="Contoh", kpm=[_kpm_contoh()]))
        # then give the desa-invariant diktum their markers and punctuation once: susun() skips
        # them and its pass 2 depends on the diktum alone, so the result is the same
        for t in self.templat:
            if t.tetap is not None:
                t.tertata = [tata_diktum(_salin_diktum(d)) for d in t.tetap]

    # -- what does not depend on the desa --

    def _siapkan_singkatan(self, peta: dict[str, str]) -> Pengurai | None:
        """Spell out each abbreviation at its first use once, in the desa-invariant diktum, when
        that first use falls there (found on a sample decree); only abbreviations first used in a
        desa-dependent diktum are spelled out per desa. Returns the per-desa Pengurai, or None."""
        if not peta:
            return None
        contoh = KonteksDesa(nama="Contoh", kode="", kecamatan="Contoh", jumlah_kpm=1, kepala_desa="")
        pertama: dict[str, _TemplatBerkas] = {}
        for t in self.templat:
            diktum = t.tetap if t.tetap is not None else _urai([t], [t.render(contoh)])
            for isi in _inline_diktum_semua(diktum):
                for x in isi:
                    if isinstance(x, Teks):
                        for k in peta:
                            if k in x.teks:
                                pertama.setdefault(k, t)
        tetap = {k: v for k, v in peta.items() if k in pertama and pertama[k].tetap is not None}
        if tetap:
            Pengurai(tetap).terapkan_diktum([d for t in self.templat if t.tetap is not None for d in t.tetap])
        per_desa = {k: v for k, v in peta.items() if k in pertama and pertama[k].tetap is None}
        return Pengurai(per_desa) if per_desa else None

    def perbup_sebagai_dasar(self) -> str | None:
        """The Perbup on peran desa as a Mengingat item, once it has a number (k.perbup.nomor)."""
        p = self.k.perbup
        if not p.nomor:
            return None
        # a Perbup is numbered when it is promulgated in the Berita Daerah: same year for both
        tanggal = p.tanggal_pengundangan or p.tanggal_penetapan
        tahun = tanggal.year if tanggal else self.k.tahun
        nama = self.k.kabupaten.nama
        return (f"Peraturan Bupati {nama} Nomor {p.nomor} Tahun {tahun} tentang {p.tentang} "
                f"(Berita Daerah Kabupaten {nama} Tahun {tahun} Nomor "
                f"{p.nomor_berita_daerah or naskah.TITIK});")

    def nama_kecamatan(self, kode: str) -> str:
        nama = self._kecamatan.get(kode)
        if nama is None:
            w = self.wilayah.cari(kode)
            nama = w.nama if w is not None else naskah.TITIK
            self._kecamatan[kode] = nama
        return nama

    # -- per desa --

    def bisa_dibuat(self, desa: Desa) -> str | None:
        """Why no decree can be made for this desa ("kelurahan", "belum ada KPM di roster"), or None."""
        if desa.kelurahan:
            return ALASAN_KELURAHAN
        if not desa.kpm:
            return ALASAN_TANPA_KPM
        return None

    def bangun(self, desa: Desa) -> Dokumen:
        """The decree of one desa, numbered. ValueError for a kelurahan or a desa without KPM."""
        alasan = self.bisa_dibuat(desa)
        if alasan:
            raise ValueError(f"{desa.kode} {desa.nama or ''}: Keputusan Kepala Desa tentang KPM "
                             f"tidak dapat dibuat: {alasan}")
        return self._rakit(desa)

    def _rakit(self, desa: Desa) -> Dokumen:
        k = self.k
        nama = desa.nama
        if not nama:
            w = self.wilayah.cari(desa.kode)
            nama = w.nama if w is not None else desa.kode
        kecamatan = self.nama_kecamatan(desa.kode_kecamatan)
        desa_kapital = nama.upper()
        kepala_desa = naskah.nama_penanda_tangan(desa.kepala_desa)
        kd = KonteksDesa(nama=nama, kode=desa.kode, kecamatan=kecamatan, jumlah_kpm=len(desa.kpm),
                         kepala_desa=naskah.nama_orang(desa.kepala_desa),
                         nomor_berita_acara=desa.nomor_berita_acara or naskah.TITIK,
                         tanggal_berita_acara=naskah.tanggal_atau_titik(desa.tanggal_berita_acara))

        # diktum in file order: fresh copies of the invariant ones, the others rendered now
        batang: list = []
        tertata: set[int] = set()  # ids of the diktum copied already punctuated
        for t in self.templat:
            if t.tertata is not None:
                salinan = [_salin_diktum(d) for d in t.tertata]
                tertata.update(map(id, salinan))
                batang += salinan
            elif t.tetap is not None:
                batang += [_salin_diktum(d) for d in t.tetap]
            else:
                batang += [_salin_diktum(d) for d in t.urai(t.render(kd), self)]
        if self.singkatan is not None:
            self.singkatan.terapkan_diktum(batang)

        tentang = f"Penetapan Kader Pembangunan Manusia Desa {nama} Tahun {k.tahun}"
        tentang_kapital = tentang.upper()
        if self.menimbang_polos is not None:
            butir = [[Teks(s)] for s in self.menimbang_polos]
        else:
            butir = [t.inline(kd) for t in self.menimbang_templat]
        menimbang = naskah.menimbang_lengkap(butir, "Keputusan Kepala Desa", tentang)
        for isi in menimbang:
            self._miringkan(isi)

        jenis = f"KEPUTUSAN KEPALA DESA {desa_kapital}"
        nomor = naskah.nomor_judul(desa.nomor_sk, k.tahun)
        jabatan = f"KEPALA DESA {desa_kapital},"
        tanggal = desa.tanggal_sk or self.tanggal_bawaan
        baris = [[str(i), p.nama, p.jenis_kelamin, p.pendidikan, p.alamat,
                  ", ".join(p.pengalaman) or "-"] for i, p in enumerate(desa.kpm, 1)]
        dok = Dokumen(
            jenis="keputusan",
            kepala=Kepala([f"KEPALA DESA {desa_kapital}", f"KECAMATAN {kecamatan.upper()}",
                           self.kabupaten_kapital], self.lambang),
            judul=Judul(jenis=jenis, nomor=nomor, tentang=tentang_kapital),
            pembukaan=Pembukaan(
                pejabat=jabatan,
                menimbang=menimbang,
                mengingat=[_salin_inline(x) for x in self.mengingat_inline],
                menetapkan=f"KEPUTUSAN KEPALA DESA TENTANG {tentang_kapital}.",
                dengan_rahmat=False,
            ),
            batang_tubuh=batang,
            penutup=Penutup(
                ditetapkan=TandaTangan(tempat=nama, tanggal=naskah.tanggal_atau_titik(tanggal),
                                       jabatan=jabatan, nama=kepala_desa),
                tembusan=naskah.tanda_baca_tembusan(
                    [tetap if tetap is not None else _polos_inline(t.inline(kd))
                     for t, tetap in zip(self.tembusan_templat, self.tembusan_tetap)]),
            ),
            lampiran=[Lampiran(
                kepala=["LAMPIRAN", jenis, nomor, "TENTANG", tentang_kapital],
                judul=f"DAFTAR KADER PEMBANGUNAN MANUSIA DESA {desa_kapital} TAHUN {k.tahun}",
                isi=[Tabel(kepala=list(KEPALA_TABEL), baris=baris, lebar=list(LEBAR_TABEL))],
                tanda_tangan=TandaTangan(tempat="", tanggal="", jabatan=jabatan, nama=kepala_desa),
            )],
            properti={
                "title": f"Keputusan Kepala Desa {nama} tentang {tentang}",
                "subject": tentang,
                "author": f"Pemerintah Desa {nama}",
            },
        )
        return susun(dok, tertata)

    # -- foreign terms in italics (naskah.miringkan_istilah_asing, with the pattern compiled once) --

    def _miringkan(self, isi: Inline) -> None:
        pola = self.pola_asing
        if pola is None:
            return
        for bagian in isi:
            if isinstance(bagian, Teks) and not bagian.miring and pola.search(bagian.teks):
                break
        else:
            return
        naskah.miringkan_inline(isi, pola)

    def _miringkan_daftar(self, d: Daftar | None) -> None:
        if d is None:
            return
        for b in d.butir:
            self._miringkan(b.isi)
            self._miringkan_daftar(b.daftar)

    def _miringkan_diktum(self, d: Diktum) -> None:
        self._miringkan(d.isi)
        self._miringkan_daftar(d.daftar)


def _kpm_contoh():
    from perbup_gen.konfigurasi.model import KPM

    return KPM(nama="Contoh", jenis_kelamin="P", pendidikan="SLTA", alamat="-")


def bangun_sk_kpm(hasil: HasilMuat, desa: Desa) -> Dokumen:
    """One decree (prepares the builder each time: for many desa use PembangunSKKPM)."""
    return PembangunSKKPM(hasil).bangun(desa)
