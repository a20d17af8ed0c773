"""What every document builder shares: the clause context, the Mengingat list from the citation
table, the closing konsiderans, the heading and the signature blocks.

These are drafting rules of Lampiran II (the forms), so they live in code; the words a district may
want to change live in `clauses/`.
"""
from __future__ import annotations

import datetime as _dt
from pathlib import Path
from typing import Any, Iterable

from perbup_gen.naskah import bilangan
from perbup_gen.konfigurasi.model import Konfigurasi, Orang
from perbup_gen.konfigurasi.peraturan import Peraturan, kunci_urut, nama_singkat, sitasi
from perbup_gen.errors import ConfigError, Masalah
from perbup_gen.naskah.model import Inline, Kepala, TandaTangan, teks
from perbup_gen.errors import KlausulError
from perbup_gen.jalur import KLAUSUL
from perbup_gen.naskah.klausul import PustakaKlausul
from perbup_gen.konfigurasi.muat import HasilMuat
from perbup_gen.konfigurasi.yaml_muat import Posisi, muat_yaml

TITIK = "..."


def nama_orang(o: Orang | None, gelar: bool = True) -> str:
    """A person's name with degrees, or dots when unknown."""
    if o is None:
        return TITIK
    bagian = [o.gelar_depan, o.nama, None]
    nama = " ".join(b for b in bagian if b)
    if gelar and o.gelar_belakang:
        nama += ", " + o.gelar_belakang
    return nama


def nama_penanda_tangan(o: Orang | None) -> str:
    """The name under a regional head's signature: capitals, no degree, rank or NIP (Lampiran II)."""
    return o.nama.upper() if o else TITIK


def tanggal_atau_titik(d: _dt.date | None) -> str:
    return bilangan.tanggal(d) if d else TITIK


def nomor_judul(nomor: str | None, tahun: int | None) -> str:
    """"NOMOR 12 TAHUN 2025", or "NOMOR ... TAHUN ..." until numbered."""
    return f"NOMOR {nomor or TITIK} TAHUN {tahun if (nomor and tahun) else (tahun or TITIK)}"


def konteks_dasar(hasil: HasilMuat) -> dict[str, Any]:
    """The variables every clause template may use. Values are inserted as text, never evaluated."""
    k = hasil.konfigurasi
    pemrakarsa = k.opd_pemrakarsa
    return {
        "konfigurasi": k,
        "tahun": k.tahun,
        "kabupaten": k.nama_kabupaten,  # "Kabupaten Gunung Mas"
        "nama_kabupaten": k.kabupaten.nama,  # "Gunung Mas"
        "provinsi": k.kabupaten.provinsi,
        "ibu_kota": k.kabupaten.ibu_kota,
        "bupati": f"Bupati {k.kabupaten.nama}",
        "opd": k.opd,
        "pemrakarsa": pemrakarsa,
        "kepala_pemrakarsa": pemrakarsa.jabatan_kepala or f"Kepala {pemrakarsa.nama}",
        "kewenangan": k.kewenangan_desa,
        "apbdes": k.apbdes,
        "kecamatan": k.kecamatan,
        "peran_kecamatan": list(k.kecamatan.peran) + list(k.kecamatan.peran_tambahan),
        "koordinasi": k.koordinasi,
        "koordinator_data": k.opd_kode(k.koordinasi.koordinator_data) if k.koordinasi.koordinator_data else None,
        "lembaga_masyarakat": k.lembaga_masyarakat,
        "kpm": k.kpm,
        "tim": k.tim_penyusun,
        "perbup": k.perbup,
        "data_stunting": k.data_stunting,
    }


def susun_mengingat(hasil: HasilMuat, kunci: Iterable[str], jalur: tuple) -> list[str]:
    """Citations for Mengingat, ordered by hierarchy then date, each ending with ';'.

    A revoked regulation is refused (the table knows what replaced it); `jalur` names the config
    field for the message.
    """
    dipilih: list[tuple[str, Peraturan]] = []
    masalah = []
    for i, k in enumerate(dict.fromkeys(kunci)):
        if k in hasil.alias and hasil.alias[k] is None:
            continue  # no regulation of this kind for the config's year: the data check says so
        p = hasil.peraturan[k]
        if any(p is q for _, q in dipilih):
            continue  # a fiscal-year key and its regulation both chosen
        if p.status == "dicabut":
            pengganti = hasil.peraturan.get(p.dicabut_oleh or "")
            masalah.append(Masalah(hasil.lokasi(*jalur), f"'{k}' sudah dicabut oleh {nama_singkat(pengganti) if pengganti else p.dicabut_oleh}; jangan dikutip"))
            continue
        dipilih.append((k, p))
    if masalah:
        raise ConfigError(masalah)
    dipilih.sort(key=lambda kp: kunci_urut(kp[1]))
    return [sitasi(k, hasil.peraturan) + ";" for k, _ in dipilih]


def konsiderans_penutup(jumlah_sebelumnya: int, jenis: str, tentang: str) -> str:
    """The last Menimbang item in its required form (Lampiran II):
    "bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a dan huruf b, perlu menetapkan
    Peraturan Bupati tentang ...;"."""
    huruf = [f"huruf {bilangan.huruf(i)}" for i in range(1, jumlah_sebelumnya + 1)]
    if len(huruf) == 1:
        rujukan = huruf[0]
    elif len(huruf) == 2:
        rujukan = f"{huruf[0]} dan {huruf[1]}"
    else:
        rujukan = ", ".join(huruf[:-1]) + ", dan " + huruf[-1]
    return f"bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam {rujukan}, perlu menetapkan {jenis} tentang {tentang};"


def akhiri_konsiderans(isi: Inline) -> Inline:
    """A Menimbang item ends with ';' exactly once."""
    from perbup_gen.naskah.model import Teks

    if isi and isinstance(isi[-1], Teks):
        isi[-1].teks = isi[-1].teks.rstrip().rstrip(";.,:").rstrip() + ";"
    else:
        isi.append(Teks(";"))
    return isi


def kepala_bupati(k: Konfigurasi, lambang: str | None) -> Kepala:
    return Kepala([f"BUPATI {k.kabupaten.nama.upper()}", f"PROVINSI {k.kabupaten.provinsi.upper()}"], lambang)


def tanda_tangan_bupati(k: Konfigurasi, tanggal: _dt.date | None) -> TandaTangan:
    return TandaTangan(
        tempat=k.kabupaten.ibu_kota,
        tanggal=tanggal_atau_titik(tanggal),
        jabatan=f"BUPATI {k.kabupaten.nama.upper()},",
        nama=nama_penanda_tangan(k.pejabat.bupati),
    )


def tanda_baca_tembusan(baris: list[str]) -> list[str]:
    """Tembusan lines as a list: each ends with ';', the last with '.'."""
    baris = [b.strip().rstrip(";.,") for b in baris if b.strip()]
    return [b + ("." if i == len(baris) - 1 else ";") for i, b in enumerate(baris)]


def judul_kapital(s: str) -> str:
    """A title in capitals with no final punctuation (Lampiran II)."""
    return s.strip().rstrip(".;:,").upper()


# --- the clause library of a district --------------------------------------------------------------------------


def pustaka_klausul(hasil: HasilMuat) -> PustakaKlausul:
    """The package's clause library with the district's clause folder (if any) on top."""
    folder = [KLAUSUL]
    if hasil.konfigurasi.folder_klausul:
        folder.append(hasil.folder / hasil.konfigurasi.folder_klausul)
    return PustakaKlausul(folder)


def baca_yaml_klausul(pustaka: PustakaKlausul, relatif: str) -> tuple[Any, Posisi, str]:
    """A YAML wording file of the clause library (the district's copy wins): data, positions, name."""
    jalur = pustaka.cari(relatif)
    nama = _nama_tampil(jalur)
    try:
        data, posisi = muat_yaml(jalur, nama)
    except ConfigError as e:  # a clause file, not the district config: report it as such
        m = e.masalah[0]
        raise KlausulError(m.pesan, m.lokasi.berkas or nama, m.lokasi.baris) from None
    if not isinstance(data, dict):
        raise KlausulError("isi berkas harus berupa pemetaan (kunci: nilai)", nama, 1)
    return data, posisi, nama


def _nama_tampil(p: Path) -> str:
    import os

    try:
        rel = os.path.relpath(p)
    except ValueError:
        return str(p)
    return str(p) if rel.startswith("..") else rel


def daftar_teks_yaml(data: dict, posisi: Posisi, nama: str, kunci: str) -> list[tuple[str, str]]:
    """`kunci` of a clause YAML as a list of (text, "file:line") pairs; refuses anything else."""
    nilai = data.get(kunci)
    if not isinstance(nilai, list) or not nilai:
        lok = posisi.cari((kunci,))
        raise KlausulError(f"'{kunci}' harus berupa daftar teks yang tidak kosong", nama, lok.baris)
    hasil = []
    for i, butir in enumerate(nilai):
        lok = posisi.cari((kunci, i))
        if not isinstance(butir, str) or not butir.strip():
            raise KlausulError(f"butir {kunci} ke-{i + 1} harus berupa teks", nama, lok.baris)
        hasil.append((butir, f"{nama}:{lok.baris}" if lok.baris else nama))
    return hasil


def menimbang_klausul(pustaka: PustakaKlausul, subfolder: str) -> list[tuple[str, str]]:
    """The Menimbang templates of `<subfolder>/pembukaan.yaml`: (template, "file:line") pairs."""
    data, posisi, nama = baca_yaml_klausul(pustaka, f"{subfolder}/pembukaan.yaml")
    return daftar_teks_yaml(data, posisi, nama, "menimbang")


def menimbang_lengkap(butir: list, jenis: str, tentang: str) -> list:
    """Menimbang items each ending with ';', then the closing konsiderans of Lampiran II."""
    isi = [akhiri_konsiderans(b) for b in butir]
    isi.append(teks(konsiderans_penutup(len(isi), jenis, tentang)))
    return isi


# --- foreign terms in italics ----------------------------------------------------------------------


def istilah_asing() -> list[str]:
    """Foreign terms printed in italics wherever they occur (Lampiran II), from clauses/istilah_asing.txt."""
    from perbup_gen.jalur import KLAUSUL

    baris = (KLAUSUL / "istilah_asing.txt").read_text(encoding="utf-8").splitlines()
    return [b.strip() for b in baris if b.strip() and not b.lstrip().startswith("#")]


def semua_inline(dok) -> Iterable[Inline]:
    """Every Inline of a document (preamble, body, diktum, attachments), as mutable lists."""
    from perbup_gen.naskah.model import Alinea, Bab, Bagian, Daftar, Diktum, Paragraf, Pasal

    def daftar(d: Daftar):
        for b in d.butir:
            yield b.isi
            if b.daftar:
                yield from daftar(b.daftar)

    def pasal(p: Pasal):
        for a in p.ayat:
            yield a.isi
            if a.daftar:
                yield from daftar(a.daftar)

    def unsur(u):
        if isinstance(u, (Bab, Bagian)):
            for x in u.isi:
                yield from unsur(x)
        elif isinstance(u, Paragraf):
            for p in u.pasal:
                yield from pasal(p)
        elif isinstance(u, Pasal):
            yield from pasal(u)
        elif isinstance(u, Diktum):
            yield u.isi
            if u.daftar:
                yield from daftar(u.daftar)

    def blok(bs):
        for b in bs:
            if isinstance(b, Alinea):
                yield b.isi
            elif isinstance(b, Daftar):
                yield from daftar(b)

    if dok.pembukaan:
        yield from dok.pembukaan.menimbang
        yield from dok.pembukaan.mengingat
        yield from dok.pembukaan.memperhatikan
    for u in dok.batang_tubuh:
        yield from unsur(u)
    yield from blok(dok.isi)
    for lamp in dok.lampiran:
        yield from blok(lamp.isi)


def pola_istilah_asing(istilah: list[str] | None = None):
    """One regex matching any foreign term as a whole word (None when there are none)."""
    import re

    istilah = istilah if istilah is not None else istilah_asing()
    if not istilah:
        return None
    return re.compile(r"(?<![\w*])(" + "|".join(re.escape(i) for i in sorted(istilah, key=len, reverse=True)) + r")(?!\w)", re.IGNORECASE)


def miringkan_inline(isi: Inline, pola) -> None:
    """Split the plain Teks runs of `isi` so every match of `pola` is its own italic run."""
    from perbup_gen.naskah.model import Teks

    baru = []
    for bagian in isi:
        if not isinstance(bagian, Teks) or bagian.miring:
            baru.append(bagian)
            continue
        awal = 0
        for m in pola.finditer(bagian.teks):
            if m.start() > awal:
                baru.append(Teks(bagian.teks[awal:m.start()], tebal=bagian.tebal))
            baru.append(Teks(m.group(0), miring=True, tebal=bagian.tebal))
            awal = m.end()
        if awal < len(bagian.teks):
            baru.append(Teks(bagian.teks[awal:], tebal=bagian.tebal))
    isi[:] = baru


def miringkan_istilah_asing(dok, istilah: list[str] | None = None) -> None:
    """Print every foreign term of the document in italics (Lampiran II)."""
    pola = pola_istilah_asing(istilah)
    if pola is None:
        return
    for isi in semua_inline(dok):
        miringkan_inline(isi, pola)
