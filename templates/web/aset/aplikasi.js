// perbup-gen web: follows a running job (progress bar) and moves on when it is done.
(function () {
  "use strict";
  var kotak = document.getElementById("tugas");
  if (!kotak || kotak.dataset.keadaan === "selesai" || kotak.dataset.keadaan === "gagal") { return; }
  var bilah = document.getElementById("kemajuan");
  var tahap = document.getElementById("tahap");
  var angka = document.getElementById("angka");
  var pesan = document.getElementById("pesan");
  function tanya() {
    fetch(kotak.dataset.url, { credentials: "same-origin", cache: "no-store" })
      .then(function (r) { return r.json(); })
      .then(function (d) {
        tahap.textContent = d.tahap || "";
        if (d.jumlah) {
          bilah.max = d.jumlah; bilah.value = d.selesai || 0;
          angka.textContent = (d.selesai || 0) + " dari " + d.jumlah;
        } else { bilah.removeAttribute("value"); angka.textContent = ""; }
        if (d.keadaan === "selesai") { window.location.assign(kotak.dataset.lanjut); return; }
        if (d.keadaan === "gagal") {
          pesan.textContent = d.pesan || "Gagal."; pesan.hidden = false;
          var a = document.createElement("a"); a.href = "/"; a.id = "lanjut"; a.textContent = "Kembali ke beranda";
          kotak.appendChild(a); return;
        }
        window.setTimeout(tanya, 500);
      })
      .catch(function () { window.setTimeout(tanya, 1500); });
  }
  window.setTimeout(tanya, 300);
}());
