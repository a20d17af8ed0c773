"""`perbup-gen web`: a local web app on top of the same code path as the command line.

- `sesi`: browser sessions, each with its own folder under the data folder, and CSRF tokens;
- `unggah`: upload limits and storing uploads under names of our own;
- `tugas`: long jobs (check, build, PDF) in worker processes with progress in a file;
- `aplikasi`: the Starlette application (pages in templates/web/, assets in templates/web/aset/).
"""
