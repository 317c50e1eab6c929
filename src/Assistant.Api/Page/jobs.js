// Importing many 自评表 files as one background job on the staff page (its own file): upload, watch the
// job's progress, then each file's outcome with links to the evaluations it stored. Uses $/el/json/status
// from app.js; everything from the server goes in as text nodes.
"use strict";

const importJob = { id: null, timer: null };

async function uploadImport(event) {
  event.preventDefault();
  const files = $("import-job-files").files;
  if (!files || files.length === 0) { status("请选择自评表文件（可多选）", true); return; }
  const form = new FormData();
  for (const f of files) form.append("files", f, f.name);
  try {
    status("上传中…");
    const job = await json("/api/v1/imports", { method: "POST", body: form });
    importJob.id = job.id;
    $("import-job-files-result").replaceChildren();
    renderImportProgress(job);
    pollImport();
  } catch (e) { status(e.message, true); }
}

function renderImportProgress(job) {
  const finished = job.done + job.failed;
  const bar = $("import-job-progress");
  bar.max = Math.max(job.total, 1);
  bar.value = finished;
  const states = { queued: "排队中", running: "导入中", succeeded: "已完成", failed: "失败" };
  $("import-job-state").textContent = (states[job.state] || job.state) + "：" + finished + " / " + job.total
    + (job.failed ? "（" + job.failed + " 个文件无法导入）" : "")
    + (job.error ? "：" + job.error.zh + " / " + job.error.en : "");
}

async function pollImport() {
  clearTimeout(importJob.timer);
  if (!importJob.id) return;
  try {
    const job = await json("/api/v1/jobs/" + encodeURIComponent(importJob.id));
    renderImportProgress(job);
    if (job.state === "succeeded" || job.state === "failed") {
      status("批量导入完成");
      await loadImportFiles();
      return;
    }
    importJob.timer = setTimeout(pollImport, 1000);
  } catch (e) { status(e.message, true); }
}

async function loadImportFiles() {
  const files = await json("/api/v1/jobs/" + encodeURIComponent(importJob.id) + "/files?pageSize=500");
  const rows = files.map(f => {
    const tables = f.result && f.result.results ? f.result.results : [];
    const what = f.status === "done"
      ? tables.map(t => t.title + (t.total ? "（" + t.total + "分）" : "") + (t.evaluationId ? "" : "：未保存")).join("；")
      : (f.errorZh || "") + " / " + (f.errorEn || "");
    return el("tr", { class: f.status === "failed" ? "risk-high" : "" },
      el("td", {}, f.name),
      el("td", {}, f.status === "done" ? "已导入" : "失败"),
      el("td", {}, what));
  });
  $("import-job-files-result").replaceChildren(el("table", { id: "import-job-table" },
    el("thead", {}, el("tr", {}, ["文件", "结果", "自评表"].map(h => el("th", {}, h)))),
    el("tbody", {}, rows)));
}

document.addEventListener("DOMContentLoaded", () => {
  $("import-job-form").addEventListener("submit", uploadImport);
});
