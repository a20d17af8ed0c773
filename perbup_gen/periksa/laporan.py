"""The check report: findings (error or warning, document, place, message, desa) and the
report in terminal text, Markdown and HTML.

Levels: "galat" (an error: the document would be wrong or the data contradict itself; `build`
stops unless forced), "peringatan" (to look at: unchecked citations, desa not yet in the
roster, spending below the minimum, a late target date, a term written with other capitals) and
"catatan" (a note on what the tool changed, e.g. names typed in capitals written the usual way).
"""
from __future__ import annotations

import html as _html
import re
from dataclasses import dataclass, field
from typing import Literal

from perbup_gen.errors import Lokasi
from perbup_gen.konfigurasi.model import Desa
from perbup_gen.naskah.tampil import bersih

__all__ = ["DOKUMEN_KONFIGURASI", "DOKUMEN_KONTRAK_SEMUA", "DOKUMEN_PERBUP", "DOKUMEN_SK_SEMUA", "DOKUMEN_TIM",
           "dokumen_perbup",
           "LaporanPeriksa", "Temuan", "Tingkat", "dokumen_kontrak", "dokumen_sk_kpm", "label_desa", "tempat_lokasi"]

Tingkat = Literal["galat", "peringatan", "catatan"]

DOKUMEN_PERBUP = "Peraturan Bupati"  # a kabupaten's; dokumen_perbup() names a kota's
DOKUMEN_TIM = "Keputusan Tim Penyusun"
DOKUMEN_KONFIGURASI = "Konfigurasi"
DOKUMEN_SK_SEMUA = "SK KPM (semua desa)"


def dokumen_perbup(kepala_daerah: str = "Bupati") -> str:
    """The Perbup's name in reports: "Peraturan Bupati", "Peraturan Wali Kota", "Peraturan Walikota"."""
    return f"Peraturan {kepala_daerah}"


def dokumen_sk_kpm(desa: Desa, nama_lengkap: str | None = None) -> str:
    """"SK KPM Desa Sepang Kota"; with the desa's name in its region's words
    (`Konfigurasi.nama_desa_lengkap`): "SK KPM Gampong Lam Asan", "SK KPM Kampung Adat Yoboi"."""
    return f"SK KPM {nama_lengkap or 'Desa ' + (desa.nama or desa.kode)}"


DOKUMEN_KONTRAK_SEMUA = "Kontrak tugas KPM (semua)"


def dokumen_kontrak(desa: Desa, nama_kpm: str) -> str:
    return f"Kontrak tugas KPM {nama_kpm} Desa {desa.nama or desa.kode}"


@dataclass(frozen=True)
class Temuan:
    """One finding. `tempat` is "Pasal 7 ayat (2) huruf b" for a document, "file:line [field]" for
    the config; `desa` is "62.10.01.2002 Sepang Kota" when the finding concerns one desa."""

    tingkat: Tingkat
    dokumen: str
    tempat: str
    pesan: str
    desa: str | None = None

    def __str__(self) -> str:
        return f"{self.tempat}: {self.pesan}" if self.tempat else self.pesan


def label_desa(d: Desa) -> str:
    return f"{d.kode} {d.nama}" if d.nama else d.kode


def tempat_lokasi(lok: Lokasi) -> str:
    return f"{lok}" + (f" [{lok.jalur}]" if lok.jalur else "")


# --- the report ----------------------------------------------------------------------------------


@dataclass
class LaporanPeriksa:
    temuan: list[Temuan] = field(default_factory=list)
    judul: str = "Hasil pemeriksaan"
    diperiksa: list[str] = field(default_factory=list)  # what was checked, for the summary
    # the region's word heading each desa's group ("Gampong 11.06.01.2004 ..."), and the word of a desa
    # that has its own (a kampung adat), by desa code
    sebutan_desa: str = "Desa"
    sebutan_desa_khusus: dict[str, str] = field(default_factory=dict)

    def judul_desa(self, desa: str) -> str:
        """The heading of a desa's group: its word, then "kode nama"."""
        return f"{self.sebutan_desa_khusus.get(desa.split(' ', 1)[0], self.sebutan_desa)} {desa}"

    @property
    def galat(self) -> list[Temuan]:
        return [t for t in self.temuan if t.tingkat == "galat"]

    @property
    def peringatan(self) -> list[Temuan]:
        return [t for t in self.temuan if t.tingkat == "peringatan"]

    @property
    def catatan(self) -> list[Temuan]:
        return [t for t in self.temuan if t.tingkat == "catatan"]

    @property
    def ada_galat(self) -> bool:
        return any(t.tingkat == "galat" for t in self.temuan)

    def ringkasan(self) -> str:
        g, p, c = len(self.galat), len(self.peringatan), len(self.catatan)
        tambahan = f" {c} catatan." if c else ""
        if not g and not p:
            return "Tidak ada galat maupun peringatan." + tambahan
        return f"{g} galat, {p} peringatan." + tambahan + (" Perbaiki galat sebelum membuat dokumen." if g else "")

    def _kelompok(self, tingkat: str) -> list[tuple[str, list[tuple[str | None, list[Temuan]]]]]:
        """Findings of one level grouped by document (in order of first appearance), then desa."""
        per_dok: dict[str, dict[str | None, list[Temuan]]] = {}
        for t in self.temuan:
            if t.tingkat != tingkat:
                continue
            per_dok.setdefault(t.dokumen, {}).setdefault(t.desa, []).append(t)
        return [(dok, list(per_desa.items())) for dok, per_desa in per_dok.items()]

    def teks(self) -> str:
        out = [self.judul]
        if self.diperiksa:
            out.append("Diperiksa: " + "; ".join(self.diperiksa) + ".")
        for tingkat, nama in (("galat", "GALAT"), ("peringatan", "PERINGATAN"), ("catatan", "CATATAN")):
            kelompok = self._kelompok(tingkat)
            if not kelompok:
                continue
            jumlah = sum(len(ts) for _, per_desa in kelompok for _, ts in per_desa)
            out.append("")
            out.append(f"{nama} ({jumlah})")
            for dok, per_desa in kelompok:
                out.append(f"  {dok}")
                for desa, ts in per_desa:
                    inden = "    "
                    if desa and not dok.startswith("SK KPM Desa"):
                        out.append(f"    {self.judul_desa(desa)}")
                        inden = "      "
                    for t in ts:
                        out.append(f"{inden}- {t}")
        out.append("")
        out.append(self.ringkasan())
        # values from the config may carry control characters
        return "\n".join(bersih(b) for b in out) + "\n"

    def markdown(self) -> str:
        def md(s: str) -> str:
            s = re.sub(r"[\r\n\t]+", " ", s)
            return re.sub(r"([\\`*_\[\]<>#|{}!])", r"\\\1", s).replace("&", "&amp;")

        out = [f"# {md(self.judul)}", ""]
        if self.diperiksa:
            out += ["Diperiksa: " + md("; ".join(self.diperiksa)) + ".", ""]
        for tingkat, nama in (("galat", "Galat"), ("peringatan", "Peringatan"), ("catatan", "Catatan")):
            kelompok = self._kelompok(tingkat)
            if not kelompok:
                continue
            jumlah = sum(len(ts) for _, per_desa in kelompok for _, ts in per_desa)
            out += [f"## {nama} ({jumlah})", ""]
            for dok, per_desa in kelompok:
                out += [f"### {md(dok)}", ""]
                for desa, ts in per_desa:
                    if desa and not dok.startswith("SK KPM Desa"):
                        out += [f"**{md(self.judul_desa(desa))}**", ""]
                    for t in ts:
                        tempat = f"**{md(t.tempat)}**: " if t.tempat else ""
                        out.append(f"- {tempat}{md(t.pesan)}")
                    out.append("")
        out += [f"**{md(self.ringkasan())}**", ""]
        return "\n".join(out)

    def html(self) -> str:
        e = _html.escape
        out = ["<!DOCTYPE html>", "<html lang=\"id\">", "<head>", "<meta charset=\"utf-8\">",
               f"<title>{e(self.judul)}</title>",
               "<style>body{font-family:sans-serif;max-width:60em;margin:2em auto;line-height:1.4}"
               ".galat h2{color:#a00}.peringatan h2{color:#a60}"
               "code{background:#f3f3f3;padding:0 .2em}</style>",
               "</head>", "<body>", f"<h1>{e(self.judul)}</h1>"]
        if self.diperiksa:
            out.append(f"<p>Diperiksa: {e('; '.join(self.diperiksa))}.</p>")
        for tingkat, nama in (("galat", "Galat"), ("peringatan", "Peringatan"), ("catatan", "Catatan")):
            kelompok = self._kelompok(tingkat)
            if not kelompok:
                continue
            jumlah = sum(len(ts) for _, per_desa in kelompok for _, ts in per_desa)
            out.append(f"<section class=\"{tingkat}\"><h2>{nama} ({jumlah})</h2>")
            for dok, per_desa in kelompok:
                out.append(f"<h3>{e(dok)}</h3>")
                for desa, ts in per_desa:
                    if desa and not dok.startswith("SK KPM Desa"):
                        out.append(f"<h4>{e(self.judul_desa(desa))}</h4>")
                    out.append("<ul>")
                    for t in ts:
                        tempat = f"<code>{e(t.tempat)}</code>: " if t.tempat else ""
                        out.append(f"<li>{tempat}{e(t.pesan)}</li>")
                    out.append("</ul>")
            out.append("</section>")
        out += [f"<p><strong>{e(self.ringkasan())}</strong></p>", "</body>", "</html>", ""]
        return "\n".join(out)
