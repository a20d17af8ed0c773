"""Click's own words in Indonesian: usage errors, help headings, prompts.

Click marks every text it shows with gettext (`_("...")`, `ngettext(...)`), imported into each of
its modules. `pasang()` replaces those two names in click's modules by lookups in the catalogue
below, so every message click makes (unknown option or command, missing argument, invalid
choice, "Usage:", "Options:", "[default: ...]") comes out Indonesian, with its placeholders
filled by click as before. tests/test_bahasa.py checks that every text of the installed click
has an entry here, so a click upgrade that adds one fails the tests instead of showing English.
"""
from __future__ import annotations

import sys

__all__ = ["KATALOG", "KATALOG_JAMAK", "pasang", "terjemah", "terjemah_jamak"]

KATALOG: dict[str, str] = {
    # help pages
    "Usage:": "Cara pakai:",
    "Options": "Opsi",
    "Positional arguments": "Argumen",
    "Commands": "Perintah",
    "default: {default}": "bawaan: {default}",
    "env var: {var}": "variabel lingkungan: {var}",
    "required": "wajib",
    "(dynamic)": "(dinamis)",
    "deprecated": "usang",
    "Show this message and exit.": "Tampilkan bantuan ini lalu keluar.",
    "Show the version and exit.": "Tampilkan versi lalu keluar.",
    "%(prog)s, version %(version)s": "%(prog)s, versi %(version)s",
    "file": "berkas",
    "directory": "folder",
    "path": "jalur",
    "Choice({choices})": "Pilihan({choices})",
    "d": "h",  # days, in a progress bar's remaining time
    # usage errors
    "Error: {message}": "Kesalahan: {message}",
    "Try '{command} {option}' for help.": "Lihat '{command} {option}' untuk bantuan.",
    "No such option {name!r}.": "Opsi {name!r} tidak dikenal.",
    "No such command {name!r}.": "Perintah {name!r} tidak dikenal.",
    "Missing command.": "Perintah belum ditulis.",
    "Missing argument": "Argumen belum ditulis:",
    "Missing option": "Opsi belum ditulis:",
    "Missing parameter": "Isian belum ditulis:",
    "Missing {param_type}": "Isian belum ditulis ({param_type}):",
    "Missing parameter: {param_name}": "Isian belum ditulis: {param_name}",
    "Invalid value for {param_hint}: {message}": "Nilai tidak sah untuk {param_hint}: {message}",
    "Invalid value: {message}": "Nilai tidak sah: {message}",
    "Choose from:\n\t{choices}": "Pilih salah satu:\n\t{choices}",
    "Option {name!r} does not take a value.": "Opsi {name!r} tidak menerima nilai.",
    "Argument {name!r} takes {nargs} values.": "Argumen {name!r} memerlukan {nargs} nilai.",
    "Invalid start character for option ({option})": "Awalan opsi tidak sah ({option})",
    "Value must be an iterable.": "Nilai harus berupa daftar.",
    "unknown error": "kesalahan tidak dikenal",
    "Could not open file {filename!r}: {message}": "Berkas {filename!r} tidak dapat dibuka: {message}",
    "Aborted!": "Dibatalkan.",
    # values
    "{value!r} is not a valid {number_type}.": "{value!r} bukan bilangan yang sah.",
    "{value} is not in the range {range}.": "{value} di luar rentang {range}.",
    "{value!r} is not a valid boolean. Recognized values: {states}":
        "{value!r} bukan nilai ya/tidak yang sah. Yang dikenal: {states}",
    "{value!r} is not a valid UUID.": "{value!r} bukan UUID yang sah.",
    "{name} {filename!r} does not exist.": "{name} {filename!r} tidak ada.",
    "{name} {filename!r} is a file.": "{name} {filename!r} adalah berkas.",
    "{name} {filename!r} is a directory.": "{name} {filename!r} adalah folder.",
    "{name} {filename!r} is not readable.": "{name} {filename!r} tidak dapat dibaca.",
    "{name} {filename!r} is not writable.": "{name} {filename!r} tidak dapat ditulisi.",
    "{name} {filename!r} is not executable.": "{name} {filename!r} tidak dapat dijalankan.",
    # prompts
    "Do you want to continue?": "Lanjutkan?",
    "Confirm the action without prompting.": "Setujui tanpa ditanya.",
    "Repeat for confirmation": "Ulangi untuk konfirmasi",
    "Error: The two entered values do not match.": "Kesalahan: kedua nilai yang dimasukkan tidak sama.",
    "Error: invalid input": "Kesalahan: masukan tidak sah",
    "Press any key to continue...": "Tekan tombol apa saja untuk melanjutkan...",
    "{editor}: Editing failed": "{editor}: penyuntingan gagal",
    "{editor}: Editing failed: {e}": "{editor}: penyuntingan gagal: {e}",
    # for developers (a wrongly declared command), still never English
    "Could not determine name for option with declarations {decls!r}":
        "Nama opsi tidak dapat ditentukan dari deklarasi {decls!r}",
    "No options defined but a name was passed ({name}). Did you mean to declare an argument "
    "instead? Did you mean to pass '--{name}'?":
        "Tidak ada opsi yang dideklarasikan tetapi ada nama ({name}); mungkin maksudnya argumen, "
        "atau '--{name}'?",
    "Arguments take exactly one parameter declaration, got {length}: {decls}.":
        "Argumen hanya menerima satu deklarasi, diberikan {length}: {decls}.",
    "Name '{name}' defined twice": "Nama '{name}' dideklarasikan dua kali",
    "Boolean option {decl!r} cannot use the same flag for true/false.":
        "Opsi ya/tidak {decl!r} tidak dapat memakai penanda yang sama untuk ya dan tidak.",
    "DeprecationWarning: The command {name!r} is deprecated.{extra_message}":
        "Peringatan: perintah {name!r} sudah usang.{extra_message}",
    "DeprecationWarning: The {param_type} {name!r} is deprecated.{extra_message}":
        "Peringatan: isian {name!r} sudah usang.{extra_message}",
    "Unknown color {colour!r}": "Warna {colour!r} tidak dikenal",
    "Unknown standard stream '{name}'": "Aliran standar '{name}' tidak dikenal",
    "Windows error: {error}": "Kesalahan Windows: {error}",
    "Shell completion is not supported for Bash versions older than 4.4.":
        "Pelengkapan otomatis tidak didukung untuk Bash lebih lama dari 4.4.",
    "Couldn't detect Bash version, shell completion is not supported.":
        "Versi Bash tidak dikenali; pelengkapan otomatis tidak didukung.",
}

# (singular, plural) -> (singular, plural)
KATALOG_JAMAK: dict[tuple[str, str], tuple[str, str]] = {
    ("Got unexpected extra argument ({args})", "Got unexpected extra arguments ({args})"):
        ("Argumen berlebih yang tidak dikenal ({args})", "Argumen berlebih yang tidak dikenal ({args})"),
    ("Did you mean {possibility}?", "(Did you mean one of: {possibilities}?)"):
        ("Maksud Anda {possibility}?", "(Maksud Anda salah satu dari: {possibilities}?)"),
    ("Option {name!r} requires an argument.", "Option {name!r} requires {nargs} arguments."):
        ("Opsi {name!r} memerlukan nilai.", "Opsi {name!r} memerlukan {nargs} nilai."),
    ("Takes {nargs} values but 1 was given.", "Takes {nargs} values but {len} were given."):
        ("Memerlukan {nargs} nilai, tetapi diberikan 1.", "Memerlukan {nargs} nilai, tetapi diberikan {len}."),
    ("{value!r} is not {choice}.", "{value!r} is not one of {choices}."):
        ("{value!r} bukan {choice}.", "{value!r} bukan salah satu dari {choices}."),
    ("{value!r} does not match the format {format}.", "{value!r} does not match the formats {formats}."):
        ("{value!r} bukan tanggal yang sah (tulis TTTT-BB-HH).",
         "{value!r} bukan tanggal yang sah (tulis TTTT-BB-HH)."),
    ("{len_type} values are required, but {len_value} was given.",
     "{len_type} values are required, but {len_value} were given."):
        ("Diperlukan {len_type} nilai, tetapi diberikan {len_value}.",
         "Diperlukan {len_type} nilai, tetapi diberikan {len_value}."),
}


def terjemah(pesan: str) -> str:
    return KATALOG.get(pesan, pesan)


def terjemah_jamak(tunggal: str, jamak: str, n: int) -> str:
    pasangan = KATALOG_JAMAK.get((tunggal, jamak), (tunggal, jamak))
    return pasangan[0] if n == 1 else pasangan[1]


def pasang() -> None:
    """Make click speak Indonesian (idempotent). Call before commands are declared: some texts
    (a path's metavar) are taken when an option is made."""
    import gettext

    import click  # noqa: F401  (loads its modules)

    for nama, modul in list(sys.modules.items()):
        if nama == "click" or nama.startswith("click."):
            if getattr(modul, "_", None) in (gettext.gettext, terjemah):
                modul._ = terjemah
            if getattr(modul, "ngettext", None) in (gettext.ngettext, terjemah_jamak):
                modul.ngettext = terjemah_jamak
