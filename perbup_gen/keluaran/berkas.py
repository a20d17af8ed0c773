"""Safe file names and the output writer (atomic files + manifest.json).

`nama_berkas()` turns codes and real region names into a lowercase ASCII slug that is safe on
Linux, macOS and Windows.

`tulis_semua()` writes the generated files into an output folder:

- each file atomically (a temporary file in the same folder, fsync, `os.replace`); no temporary
  file is left behind, whatever happens;
- a path that is absolute, contains "..", or resolves outside the folder raises `OutputError`;
- a file whose bytes are unchanged is not touched (its mtime stays);
- a file on disk that is still exactly what the previous run wrote (its hash equals the previous
  manifest's record) is ours and is replaced by the new content;
- a file that differs from what the previous run wrote (edited by hand in Word), or that exists
  without a record in the previous manifest, is kept unless `force=True`, and so are files kept
  by an earlier run (recorded with "dipertahankan": true);
- one file failing (disk full, permission) does not stop the others; the report lists it;
- temporary files of our own pattern (`.<name>.XXXXXXXX.tmp`) left by a run that was killed
  (SIGKILL, power loss) are removed from every folder this run writes into, before writing;
- `manifest.json` is then written atomically and always describes what is on disk. Files of the
  previous manifest that this run no longer produces (a desa dropped from the roster) stay on
  disk and stay in the manifest, flagged "usang": true; nothing is deleted.

The manifest has no timestamps: a rerun with the same input gives the same bytes.
"""
from __future__ import annotations

import contextlib
import errno
import hashlib
import json
import os
import stat
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from perbup_gen.jalur import nama_berkas  # noqa: F401  (re-exported)
from perbup_gen.errors import ConfigError, Lokasi, Masalah, OutputError, alasan_os

__all__ = [
    "NAMA_MANIFEST",
    "BerkasKeluaran",
    "LaporanTulis",
    "hash_berkas",
    "tulis_atomik",
    "tulis_berkas",
    "alasan_os",
    "nama_berkas",
    "periksa_tujuan",
    "tulis_semua",
    "versi_paket",
]

NAMA_MANIFEST = "manifest.json"

# --- the writer ----------------------------------------------------------------------------------


@dataclass
class BerkasKeluaran:
    """One generated file: its relative POSIX path in the output folder and its bytes."""

    jalur: str  # e.g. "sk-kpm/62.10.01.2002-sepang-kota.docx"
    isi: bytes
    jenis: str  # e.g. "perbup", "sk-kpm", "checklist"
    desa: str | None = None  # desa code, for per-desa files


@dataclass
class LaporanTulis:
    """What `tulis_semua` did, file by file (paths relative to the output folder)."""

    folder: str = ""
    ditulis: list[str] = field(default_factory=list)
    tidak_berubah: list[str] = field(default_factory=list)
    dipertahankan: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)
    gagal: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)
    usang: list[str] = field(default_factory=list)  # in the previous manifest, not produced now

    @property
    def berhasil(self) -> bool:
        """True when no file failed (kept files are not a failure)."""
        return not self.gagal

    def ringkasan(self) -> str:
        """One line, e.g. "12 ditulis, 100 tidak berubah, 2 dipertahankan (...)"."""
        bagian = [f"{len(self.ditulis)} ditulis", f"{len(self.tidak_berubah)} tidak berubah"]
        if self.dipertahankan:
            bagian.append(
                f"{len(self.dipertahankan)} dipertahankan (berbeda dari hasil sebelumnya; "
                "gunakan --force untuk menimpa)"
            )
        if self.gagal:
            bagian.append(f"{len(self.gagal)} gagal")
        if self.usang:
            bagian.append(f"{len(self.usang)} tidak lagi dihasilkan (dibiarkan)")
        return ", ".join(bagian)

    def rincian(self) -> list[str]:
        """One line per kept, failed or stale file, for the user."""
        baris = [f"dipertahankan: {j} ({a})" for j, a in self.dipertahankan]
        baris += [f"gagal: {j} ({a})" for j, a in self.gagal]
        baris += [f"tidak lagi dihasilkan: {j}" for j in self.usang]
        return baris


def versi_paket() -> str:
    """The installed perbup_gen version, for the manifest."""
    try:
        from importlib.metadata import PackageNotFoundError, version
    except ImportError:  # pragma: no cover
        return "0+tidak-diketahui"
    try:
        return version("perbup_gen")
    except PackageNotFoundError:
        return "0+tidak-diketahui"


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def hash_berkas(paths: list[Path]) -> str:
    """SHA-256 over the config files (names and bytes, sorted by name), for `hash_konfigurasi`.

    Only the file name enters the hash, not its folder, so moving the project keeps the hash.
    """
    h = hashlib.sha256()
    for p in sorted((Path(p) for p in paths), key=lambda p: (p.name, str(p))):
        try:
            data = p.read_bytes()
        except OSError as e:
            raise ConfigError(
                [Masalah(Lokasi(str(p)), f"berkas tidak dapat dibaca: {alasan_os(e)}")]
            ) from e
        nama = p.name.encode("utf-8")
        h.update(b"%d:%s:%d:" % (len(nama), nama, len(data)))
        h.update(data)
    return h.hexdigest()


def _periksa_jalur(folder_nyata: Path, jalur: object, induk_nyata: dict | None = None) -> tuple[Path, str]:
    """(absolute target, normalised POSIX path) of `jalur`; OutputError when it is not safe.

    `induk_nyata` (one run's cache: folder as written -> folder resolved) spares resolving the same
    folder again for each of its thousands of files; the file itself is still checked: a symbolic
    link in its place is resolved in full, as without the cache."""
    if not isinstance(jalur, str) or not jalur or "\x00" in jalur:
        raise OutputError(f"Jalur berkas keluaran tidak sah: {jalur!r}")
    if "\\" in jalur or re.match(r"^[A-Za-z]:", jalur):
        raise OutputError(
            f"Jalur berkas keluaran {jalur!r} tidak sah: gunakan '/' dan jalur relatif."
        )
    pp = PurePosixPath(jalur)
    if pp.is_absolute():
        raise OutputError(f"Jalur berkas keluaran {jalur!r} tidak boleh absolut.")
    if ".." in pp.parts:
        raise OutputError(f"Jalur berkas keluaran {jalur!r} tidak boleh memuat '..'.")
    if pp.parts in ((), (".",)) or jalur.endswith("/"):
        raise OutputError(f"Jalur berkas keluaran {jalur!r} bukan nama berkas.")
    if str(pp) == NAMA_MANIFEST:
        raise OutputError(f"Nama {NAMA_MANIFEST} dicadangkan untuk manifest.")
    target = None
    if induk_nyata is not None and len(pp.parts) > 1:
        induk = pp.parts[:-1]
        nyata = induk_nyata.get(induk)
        if nyata is None:
            nyata = (folder_nyata / Path(*induk)).resolve()
            # only a folder that exists is remembered (one made later is resolved again then)
            if nyata.is_dir():
                induk_nyata[induk] = nyata
        calon = nyata / pp.parts[-1]
        if not calon.is_symlink():
            target = calon
    if target is None:
        target = (folder_nyata / Path(*pp.parts)).resolve()
    if target == folder_nyata or folder_nyata not in target.parents:
        raise OutputError(
            f"Jalur berkas keluaran {jalur!r} mengarah ke luar folder keluaran {folder_nyata}."
        )
    return target, str(pp)


def periksa_tujuan(path: Path, folder: bool = True) -> None:
    """Raise OutputError (exit code 2) when `path` cannot be written, before anything is built or
    created: as the output folder (`folder=True`) when it is a file, or as an output file when it
    is a folder or a device; in both cases when it lies under a file or its nearest existing
    folder is not writable. Creates nothing."""
    path = Path(path)
    jenis = "folder keluaran" if folder else "berkas keluaran"

    def gagal(alasan: str) -> OutputError:
        return OutputError(f"{jenis.capitalize()} {path} tidak dapat ditulis: {alasan}.")

    try:
        if path.is_symlink() and not path.exists():
            raise gagal("tautan simbolik yang menunjuk ke tempat yang tidak ada")
        if path.exists():
            if folder and not path.is_dir():
                raise gagal("sudah ada berkas dengan nama itu (bukan folder)")
            if not folder and path.is_dir():
                raise gagal("sudah ada folder dengan nama itu")
            if not folder and not path.is_file():
                raise gagal("bukan berkas biasa (perangkat, pipa, atau soket)")
            cek = path if folder else path.absolute().parent
        else:
            cek = path.parent
            while not cek.exists() and cek != cek.parent:
                cek = cek.parent
            if not cek.is_dir():
                raise gagal(f"{cek} adalah berkas, bukan folder")
        if not os.access(cek, os.W_OK | os.X_OK):
            raise gagal(f"tidak ada izin menulis di {cek} (atau sistem berkasnya hanya dapat dibaca)")
    except OSError as e:
        raise gagal(alasan_os(e)) from None


def _umask() -> int:
    m = os.umask(0o022)
    os.umask(m)
    return m


def tulis_atomik(path: Path, data: bytes, mode: int | None = None, sinkron: bool = True) -> None:
    """One file written atomically (a temporary file beside it, then a rename): what every single
    write of the project (a report, an archive, status.yaml, a web upload or session state) goes
    through. `mode`: the file's permissions (default: as a plain open would give them under the
    umask); `sinkron`: fsync the file and its folder (False for state rewritten often and safe to
    lose, like a web job's progress). Raises OSError; the folder must exist."""
    umask = mode is None
    _tulis_atomik(Path(path), data, 0o666 & ~_umask() if umask else mode, None if sinkron else set(), ada=True,
                  mode_umask=umask)


def tulis_berkas(path: Path, data: bytes, apa: str = "Berkas keluaran", mode: int | None = 0o644) -> None:
    """`tulis_atomik` for a command's output file, its folder made when missing; an OS failure
    becomes OutputError naming `apa` and the file ("Laporan x.md tidak dapat ditulis: tidak ada izin
    (EACCES).")."""
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tulis_atomik(path, data, mode)
    except OSError as e:
        raise OutputError(f"{apa} {path} tidak dapat ditulis: {alasan_os(e)}.") from None


def _buka_tmp(target: Path, mode: int) -> tuple[int, str]:
    """A new temporary file beside `target`, ".<name>.<8 random characters>.tmp", created with its
    final permissions (`mode` after the umask, as a plain open would give) so that no chmod follows."""
    for _ in range(100):
        tmp = os.path.join(target.parent, f".{target.name}.{os.urandom(4).hex()}.tmp")
        try:
            return os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), mode), tmp
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, "tidak ada nama berkas sementara yang bebas", str(target.parent))


def _tulis_atomik(target: Path, data: bytes, mode: int, folder_kotor: set[Path] | None = None,
                  ada: bool = False, mode_umask: bool = False) -> None:
    """Write `data` to `target` via a temporary file in the same folder; remove it on any failure.

    Alone, the file and its folder are fsynced at once. In a batch (`folder_kotor` given) nothing
    is fsynced here: the rename is already atomic for the running system (a killed process leaves
    the old file or the new one, never half of one); the caller makes the whole batch durable once
    with os.sync() and one fsync per folder before it writes its manifest. On a slow disk a per-file
    fsync costs more than building and rendering the document. `ada`: the folder is known to exist
    (a batch wrote into it already). `mode_umask`: `mode` is already what the umask leaves of it, so
    creating the file with it is enough (no chmod afterwards)."""
    if not ada:
        target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = _buka_tmp(target, mode)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            if not mode_umask:  # the exact mode asked for, whatever the umask
                os.fchmod(f.fileno(), mode)
            if folder_kotor is None:
                f.flush()
                os.fsync(f.fileno())
        os.replace(tmp, target)
    except BaseException:  # after a successful rename there is no temporary file left to remove
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
    if folder_kotor is None:
        _fsync_folder(target.parent)
    else:
        folder_kotor.add(target.parent)


# _buka_tmp names (and tempfile.mkstemp's, of older runs): ".<name>.<8 random characters>.tmp"
_TMP_SISA = re.compile(r"^\..+\.[a-z0-9_]{8}\.tmp$")


def _bersihkan_tmp(folder: Path, dibersihkan: set[Path]) -> None:
    """Remove temporary files a killed run left in `folder` (once per folder and run).

    Only regular files (or links) matching our own name pattern are touched; a folder that
    cannot be listed is left alone (the write itself will report the problem)."""
    if folder in dibersihkan:
        return
    dibersihkan.add(folder)
    try:
        with os.scandir(folder) as isi:
            for e in isi:
                if _TMP_SISA.match(e.name) and not e.is_dir(follow_symlinks=False):
                    with contextlib.suppress(OSError):
                        os.unlink(e.path)
    except OSError:
        pass


def _fsync_folder(folder: Path) -> None:
    """Make the rename durable (POSIX only; harmless elsewhere)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _baca_manifest(path: Path) -> dict[str, dict]:
    """Previous manifest entries by path; empty when missing or unreadable."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        entri = data["berkas"]
        return {
            e["berkas"]: e
            for e in entri
            if isinstance(e, dict) and isinstance(e.get("berkas"), str)
            and isinstance(e.get("sha256"), str)
        }
    except (OSError, ValueError, KeyError, TypeError):
        return {}


def _hash_disk(target: Path) -> tuple[str, int] | None:
    """(sha256, size) of a regular file on disk, None when absent."""
    try:
        data = target.read_bytes()
    except FileNotFoundError:
        return None
    return _sha256(data), len(data)


def _entri(jalur: str, jenis: str, desa: str | None, sha: str, ukuran: int, **flag: bool) -> dict:
    e = {"berkas": jalur, "jenis": jenis, "desa": desa, "sha256": sha, "ukuran": ukuran}
    e.update({k: True for k, v in flag.items() if v})
    return e


def _milik_kita(lama: dict | None, sha_disk: str) -> bool:
    """True when the file on disk is exactly what a previous run generated."""
    return lama is not None and lama.get("sha256") == sha_disk and not lama.get("dipertahankan")


def tulis_semua(
    folder: Path,
    berkas: Iterable[BerkasKeluaran],
    hash_konfigurasi: str,
    force: bool = False,
    sebagian: bool = False,
) -> LaporanTulis:
    """Write every file into `folder` and then `folder/manifest.json`; see the module docstring.

    `berkas` may be a generator: files are written one by one and only their hashes are kept.
    A bad path raises OutputError (for a list or tuple before anything is written; for a generator
    when it is reached, after writing the manifest for what is on disk). A KeyboardInterrupt is
    handled the same way: temporary files removed, manifest written, then re-raised.
    `sebagian=True` (one document or one desa): files of the previous manifest not produced now are
    kept as recorded, not flagged "usang".
    """
    folder = Path(folder)
    periksa_tujuan(folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        folder_nyata = folder.resolve()
    except OSError as e:
        raise OutputError(
            f"Folder keluaran {folder} tidak dapat dibuat: {alasan_os(e)}."
        ) from e
    if not folder_nyata.is_dir():
        raise OutputError(f"Folder keluaran {folder} tidak dapat ditulis: bukan folder.")

    if isinstance(berkas, Sequence):  # check every path before touching the disk
        for b in berkas:
            _periksa_jalur(folder_nyata, b.jalur)

    path_manifest = folder_nyata / NAMA_MANIFEST
    lama_semua = _baca_manifest(path_manifest)
    mode = 0o666 & ~_umask()
    laporan = LaporanTulis(folder=str(folder))
    entri: dict[str, dict] = {}
    folder_kotor: set[Path] = set()  # folders with renames not yet fsynced
    dibersihkan: set[Path] = set()  # folders already cleared of a killed run's temporary files
    induk_nyata: dict = {}  # folders of this run resolved once (see _periksa_jalur)
    _bersihkan_tmp(folder_nyata, dibersihkan)
    for jalur_lama in lama_semua:
        with contextlib.suppress(OutputError):
            _bersihkan_tmp(_periksa_jalur(folder_nyata, jalur_lama)[0].parent, dibersihkan)
    selesai = False
    sedang = None  # the file being handled, for an interrupt that lands between rename and record

    try:
        for b in berkas:
            target, jalur = _periksa_jalur(folder_nyata, b.jalur, induk_nyata)
            if jalur in entri:
                laporan.gagal.append((jalur, "jalur ganda dalam satu kali pembuatan"))
                continue
            _bersihkan_tmp(target.parent, dibersihkan)
            isi = bytes(b.isi)
            sha_baru = _sha256(isi)
            lama = lama_semua.get(jalur)
            sedang = (target, jalur, b, sha_baru, lama)
            try:
                try:
                    st = os.stat(target)
                except FileNotFoundError:
                    st = None
                if st is not None and not stat.S_ISREG(st.st_mode):
                    raise IsADirectoryError(errno.EISDIR, "bukan berkas biasa", str(target))
                di_disk = _hash_disk(target) if st is not None else None
                if di_disk is not None and di_disk[0] == sha_baru:
                    laporan.tidak_berubah.append(jalur)
                    entri[jalur] = _entri(jalur, b.jenis, b.desa, sha_baru, len(isi))
                    continue
                if di_disk is not None and not force and not _milik_kita(lama, di_disk[0]):
                    alasan = (
                        "diubah setelah dibuat"
                        if lama is not None
                        else "sudah ada dan bukan hasil perbup-gen"
                    )
                    laporan.dipertahankan.append((jalur, alasan))
                    entri[jalur] = _entri(
                        jalur, b.jenis, b.desa, di_disk[0], di_disk[1], dipertahankan=True
                    )
                    continue
                _tulis_atomik(target, isi, mode, folder_kotor, ada=target.parent in folder_kotor, mode_umask=True)
                laporan.ditulis.append(jalur)
                entri[jalur] = _entri(jalur, b.jenis, b.desa, sha_baru, len(isi))
            except OSError as e:
                laporan.gagal.append((jalur, alasan_os(e)))
                _catat_dari_disk(entri, target, jalur, b.jenis, b.desa, lama)
        selesai = True
    finally:
        # Runs on success, on OutputError and on KeyboardInterrupt alike: the manifest must
        # describe what is on disk. Files of the previous manifest not handled in this run stay.
        if sedang is not None and sedang[1] not in entri:
            target, jalur, b, sha_baru, lama = sedang
            di_disk = _hash_disk(target) if target.is_file() else None
            if di_disk is not None and di_disk[0] == sha_baru:  # renamed just before the interrupt
                entri[jalur] = _entri(jalur, b.jenis, b.desa, sha_baru, di_disk[1])
            else:
                _catat_dari_disk(entri, target, jalur, b.jenis, b.desa, lama)
        for jalur, lama in lama_semua.items():
            if jalur in entri:
                continue
            try:
                target, _ = _periksa_jalur(folder_nyata, jalur)
            except OutputError:
                continue
            usang = selesai and not sebagian
            if _catat_dari_disk(
                entri, target, jalur, lama.get("jenis", ""), lama.get("desa"), lama,
                usang=usang or bool(lama.get("usang")),
            ) and usang:
                laporan.usang.append(jalur)
        laporan.usang.sort()
        if folder_kotor:
            os.sync()
        for f in sorted(folder_kotor):
            _fsync_folder(f)
        manifest = {
            "berkas": [entri[k] for k in sorted(entri)],
            "hash_konfigurasi": hash_konfigurasi,
            "versi": versi_paket(),
        }
        teks = json.dumps(manifest, sort_keys=True, indent=2, ensure_ascii=False) + "\n"
        # nothing built and no earlier manifest: leave no manifest of an empty run behind
        kosong = not entri and not lama_semua and not path_manifest.exists()
        try:
            if not kosong and _hash_disk(path_manifest) != (_sha256(teks.encode()), len(teks.encode())):
                _tulis_atomik(path_manifest, teks.encode("utf-8"), mode)
        except OSError as e:
            if selesai:  # otherwise an exception is already on its way; do not mask it
                raise OutputError(
                    f"{path_manifest} tidak dapat ditulis: {alasan_os(e)}."
                ) from e
    if laporan.gagal and not (laporan.ditulis or laporan.tidak_berubah or laporan.dipertahankan):
        raise OutputError("\n".join([f"Tidak ada berkas yang dapat ditulis ke {folder}:"]
                                     + [f"  gagal: {j} ({a})" for j, a in laporan.gagal]))
    return laporan


def _catat_dari_disk(
    entri: dict[str, dict],
    target: Path,
    jalur: str,
    jenis: str,
    desa: str | None,
    lama: dict | None,
    usang: bool = False,
) -> bool:
    """Record the file as it is on disk (if it is there); True when recorded."""
    try:
        if not target.is_file():
            return False
        di_disk = _hash_disk(target)
    except OSError:
        return False
    if di_disk is None:
        return False
    entri[jalur] = _entri(
        jalur, jenis, desa, di_disk[0], di_disk[1],
        dipertahankan=not _milik_kita(lama, di_disk[0]), usang=usang,
    )
    return True
