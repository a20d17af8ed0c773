"""KPM performance and incentive (juknis Aksi 5, Tahap Ketiga angka 2): the evaluation rules and
the evaluation workbook's data, shared by the contract builder, the workbook writer and the reader.

- `aturan`: the year's plan computed from the config (contract period, quarters and their
  incentive ceilings, every target with its dated deadline), the scoring of a quarter and the
  incentive it earns, and the same rules as Excel formulas. ONE place: the contract's wording,
  the workbook's formulas and the reader's recomputation all come from here.
- `buku`: what the workbook holds (kabupaten, plan, one row per KPM grouped by kecamatan), its
  sheet names and column keys, and the data stored inside it for reading back.
- `baca`: reading a filled workbook back, every cell checked (errors name sheet and cell).

Sits above `konfigurasi`/`naskah` and below `dokumen`/`keluaran`/`proses`; knows no DOCX.
"""
