"""Who initials what (paraf koordinasi): the order of offices that initial the Perbup draft and
the Tim Penyusun decree, from the config or derived from juknis Aksi 4, Tahap Ketiga."""
from __future__ import annotations

from dataclasses import dataclass
from perbup_gen.konfigurasi.model import Konfigurasi, Orang
from perbup_gen.konfigurasi.status import JenisDokumenParaf, normal_jabatan

DOKUMEN_PARAF: dict[str, str] = {
    "perbup": "Rancangan Peraturan Bupati",
    "tim_penyusun": "Keputusan Pembentukan Tim Penyusun",
}


def judul_dokumen_paraf(k: Konfigurasi) -> dict[str, str]:
    """DOKUMEN_PARAF in the region's words ("Rancangan Peraturan Wali Kota" in a kota)."""
    return {**DOKUMEN_PARAF, "perbup": f"Rancangan {k.peraturan_kepala_daerah}"}



@dataclass(frozen=True)
class PejabatParaf:
    """One row of a paraf order: the office and the holder's name ("" when unknown)."""

    jabatan: str
    nama: str = ""


def _nama(o: Orang | None) -> str:
    if o is None:
        return ""
    nama = " ".join(b for b in (o.gelar_depan, o.nama) if b)
    return f"{nama}, {o.gelar_belakang}" if o.gelar_belakang else nama


def _paraf_bawaan_perbup(k: Konfigurasi) -> list[PejabatParaf]:
    opd = k.opd_pemrakarsa
    baris = [PejabatParaf("Kepala Bagian Hukum", _nama(k.pejabat.kepala_bagian_hukum)),
             PejabatParaf(opd.jabatan_kepala or f"Kepala {opd.nama}", _nama(opd.kepala))]
    baris += [PejabatParaf(a.jabatan, _nama(a)) for a in k.pejabat.asisten]
    baris.append(PejabatParaf("Sekretaris Daerah", _nama(k.pejabat.sekretaris_daerah)))
    return baris


def _kenali(k: Konfigurasi) -> dict[str, str]:
    """Office -> name for every official the config knows, to fill names left out of
    `paraf_koordinasi`."""
    peta = {normal_jabatan(p.jabatan): p.nama for p in _paraf_bawaan_perbup(k) if p.nama}
    for o in k.opd:
        if o.kepala:
            peta.setdefault(normal_jabatan(o.jabatan_kepala or f"Kepala {o.nama}"), _nama(o.kepala))
    return peta


def urutan_paraf(k: Konfigurasi, dokumen: JenisDokumenParaf) -> list[PejabatParaf]:
    """The paraf-koordinasi order of a document, lowest office first.

    "perbup": `paraf_koordinasi` of the config when given (names left out are filled from the
    officials the config knows), else Kepala Bagian Hukum, the head of the initiating OPD, each
    Asisten, Sekretaris Daerah (juknis Tahap 3: Kepala Bagian Hukum and the OPD heads; districts
    add the Asisten and the Sekda passes the draft to the Bupati).

    "tim_penyusun": a Keputusan Bupati (the usual case) is initialled by the Kepala Bagian Hukum,
    the head of the initiating OPD and the Sekretaris Daerah. When the head of the initiating OPD
    sets the decree himself (`tim_penyusun.ditetapkan_oleh: kepala_opd`) it never leaves the OPD:
    its own Kepala Bidang and Sekretaris initial it (names unknown to the config, left blank).
    """
    if dokumen == "perbup":
        if not k.paraf_koordinasi:
            return _paraf_bawaan_perbup(k)
        kenal = _kenali(k)
        return [PejabatParaf(p.jabatan, p.nama or kenal.get(normal_jabatan(p.jabatan), "")) for p in k.paraf_koordinasi]
    if dokumen == "tim_penyusun":
        opd = k.opd_pemrakarsa
        if k.tim_penyusun.ditetapkan_oleh == "kepala_opd":
            return [PejabatParaf(f"Kepala Bidang yang membidangi pemberdayaan masyarakat desa pada {opd.nama}"),
                    PejabatParaf(f"Sekretaris {opd.nama}")]
        return [PejabatParaf("Kepala Bagian Hukum", _nama(k.pejabat.kepala_bagian_hukum)),
                PejabatParaf(opd.jabatan_kepala or f"Kepala {opd.nama}", _nama(opd.kepala)),
                PejabatParaf("Sekretaris Daerah", _nama(k.pejabat.sekretaris_daerah))]
    raise ValueError(f"dokumen paraf tidak dikenal: {dokumen!r}")
