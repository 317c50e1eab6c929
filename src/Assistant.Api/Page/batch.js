// Batch checking on the staff page (its own file): upload many tables and reports (or a .zip), watch the
// job's progress, read the risk queue and one submission's findings, download the review sheet. Uses
// el/json/api/status/state from app.js; everything from the server goes in as text nodes.
"use strict";

const batch = { job: null, timer: null, units: null };

async function uploadBatch(event) {
  event.preventDefault();
  const files = $("batch-files").files;
  if (!files || files.length === 0) { status("请选择文件（可多选，或一个 .zip）", true); return; }
  const form = new FormData();
  for (const f of files) form.append("files", f, f.name);
  if ($("batch-name").value.trim()) form.append("name", $("batch-name").value.trim());
  try {
    status("上传中…");
    const job = await json("/api/v1/batches", { method: "POST", body: form });
    batch.job = job.id;
    status("已上传“" + job.name + "”，共 " + job.total + " 份，正在检查…");
    renderProgress(job);
    $("batch-queue").replaceChildren();
    $("batch-item").replaceChildren();
    pollBatch();
  } catch (e) { status(e.message, true); }
}

function renderProgress(job) {
  const finished = job.done + job.failed;
  const bar = $("batch-progress");
  bar.max = job.total;
  bar.value = finished;
  const states = { queued: "排队中", running: "检查中", succeeded: "已完成", failed: "全部失败" };
  const percent = job.total ? Math.floor(finished * 100 / job.total) : 0;
  $("batch-state").textContent = (states[job.state] || job.state) + "：已检查 " + finished + " / " + job.total + " 份（" + percent + "%）" + (job.failed ? "，其中 " + job.failed + " 份未能检查" : "");
  bar.title = finished + " / " + job.total;
  const failures = $("batch-failures");
  failures.replaceChildren(...job.failures.map(f => el("li", {}, f.document + "：" + f.zh + " / " + f.en)));
  $("batch-sheet").disabled = !(job.state === "succeeded" || job.state === "failed");
}

async function pollBatch() {
  clearTimeout(batch.timer);
  if (!batch.job) return;
  try {
    const job = await json("/api/v1/jobs/" + encodeURIComponent(batch.job));
    renderProgress(job);
    if (job.state === "succeeded" || job.state === "failed") {
      status("批量检查完成");
      await loadQueue();
      return;
    }
    batch.timer = setTimeout(pollBatch, 1000);
  } catch (e) { status(e.message, true); }
}

/** The names of the units this key sees, by code (once; the queue names each submission's unit). */
async function unitNames() {
  if (!batch.units) {
    try { batch.units = new Map((await json("/api/v1/units")).map(u => [u.code, u.name])); } catch (e) { batch.units = new Map(); }
  }
  return batch.units;
}

async function loadQueue() {
  const page = await json("/api/v1/batches/" + encodeURIComponent(batch.job) + "/queue?pageSize=100");
  const names = await unitNames();
  const levels = { high: "高", medium: "中", low: "低", none: "无" };
  const rows = page.items.map(i => el("tr", { class: "risk-" + (i.riskLevel || "none") },
    el("td", {}, String(i.rank)),
    el("td", {}, el("button", { type: "button", class: "link", onclick: () => openItem(i.id) }, i.document)),
    el("td", { "data-unit": i.unit }, names.get(i.unit) || i.unit, names.has(i.unit) ? el("span", { class: "muted unit-code" }, i.unit) : null),
    el("td", {}, i.total || ""),
    el("td", {}, i.executionRate || ""),
    el("td", {}, String(i.riskScore) + "（" + (levels[i.riskLevel] || "") + "）"),
    el("td", {}, i.riskSummary || ""),
    el("td", {}, i.submissionId ? el("a", { class: "review-link", href: "/review.html#submission=" + encodeURIComponent(i.submissionId) }, "打开送审") : "")));
  const table = el("table", { id: "batch-table" },
    el("thead", {}, el("tr", {}, ["排名", "材料", "单位", "总分", "执行率", "风险", "原因", "审核"].map(h => el("th", {}, h)))),
    el("tbody", {}, rows));
  const toReview = page.items.some(i => i.submissionId)
    ? el("p", {}, el("a", { id: "batch-review-link", href: "/review.html#batch=" + encodeURIComponent(batch.job) }, "在审核页查看本批次的送审 →"))
    : null;
  $("batch-queue").replaceChildren(...[toReview, table].filter(Boolean));
}

async function openItem(id) {
  try {
    const d = await json("/api/v1/batches/" + encodeURIComponent(batch.job) + "/items/" + encodeURIComponent(id));
    const box = $("batch-item");
    box.replaceChildren(
      el("h3", {}, d.document + (d.title ? " · " + d.title : "")),
      el("p", { class: "muted" }, "单位：" + d.unit + " · 风险分 " + d.riskScore + (d.errorZh ? " · " + d.errorZh + " / " + d.errorEn : "")),
      el("ul", {}, d.reasons.map(r => el("li", {}, r.zh + "（" + r.count + "处，" + r.points + "分）" + (r.subjects.length ? "：" + r.subjects.join("、") : "")))),
      el("ol", { id: "batch-findings" }, d.findings.map(f => el("li", { class: "finding " + f.severity }, "［" + f.source + "］" + f.message))));
  } catch (e) { status(e.message, true); }
}

async function downloadSheet() {
  try {
    const response = await api("/api/v1/batches/" + encodeURIComponent(batch.job) + "/sheet.xlsx");
    const url = URL.createObjectURL(await response.blob());
    const a = el("a", { href: url, download: "审核表.xlsx" });
    document.body.append(a);
    a.click();
    a.remove();
    URL.revokeObjectURL(url);
  } catch (e) { status(e.message, true); }
}

document.addEventListener("DOMContentLoaded", () => {
  $("batch-form").addEventListener("submit", uploadBatch);
  $("batch-sheet").addEventListener("click", downloadSheet);
});
