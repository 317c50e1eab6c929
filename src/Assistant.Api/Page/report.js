// The whole report on the staff page (its own file, so the other panels' code stays apart): draft all five
// parts, see each part's text beside its review notes, edit a part (verified again and stored as a new
// version), reload keeps the latest version, export .docx / .xlsx. Uses el/json/api/status/guard/state
// from app.js; everything from the server goes in as text nodes.
"use strict";

const report = { version: null, data: null };

function reportUrl(suffix) { return "/api/v1/evaluations/" + encodeURIComponent(state.evaluationId) + suffix; }

function renderReport(envelope) {
  report.version = envelope ? envelope.version : null;
  report.data = envelope ? envelope.report : null;
  const box = $("report-parts");
  box.replaceChildren();
  $("report-meta").replaceChildren();
  for (const b of ["report-docx", "report-xlsx"]) $(b).disabled = !state.evaluationId;
  $("report-docx").disabled = !envelope;
  if (!envelope) {
    $("report-meta").append(el("span", { class: "muted" }, "尚未起草整篇报告。"));
    return;
  }
  const r = envelope.report;
  const change = envelope.change === "edited" ? "修改" : envelope.change === "imported" ? "随表送审的原稿" : "起草";
  $("report-meta").append(
    el("span", { class: "badge " + r.status }, r.status === "verified" ? "全部数字已核实" : "需要复核"), " ",
    el("span", { id: "report-version" }, "第" + envelope.version + "版"),
    el("span", { class: "muted" }, " · " + change + (envelope.part ? "（" + envelope.part + "）" : "") + " · " + envelope.createdBy + " · " + new Date(envelope.createdAt).toLocaleString("zh-CN")),
    r.total ? el("span", { class: "muted" }, " · 总分 " + r.total + (r.grade ? "（" + r.grade + "）" : "")) : null);
  for (const part of r.parts) box.append(renderPart(part));
}

function renderPart(part) {
  const text = el("div", { class: "part-text" }, ...part.text.split("\n").map(line => el("p", { class: /^[一二三四五]、/.test(line) ? "part-h1" : /^（[一二三四五六七八九十]）/.test(line) ? "part-h2" : "" }, line)));
  const editor = el("textarea", { class: "part-editor", rows: 14, "aria-label": "编辑" + part.heading, hidden: true });
  editor.value = part.text;
  const save = el("button", { type: "button", class: "part-save", hidden: true }, "保存修改");
  const cancel = el("button", { type: "button", class: "part-cancel", hidden: true }, "取消");
  const edit = el("button", { type: "button", class: "part-edit" }, "编辑");
  const toggle = editing => { editor.hidden = !editing; save.hidden = !editing; cancel.hidden = !editing; text.hidden = editing; edit.hidden = editing; };
  edit.addEventListener("click", () => toggle(true));
  cancel.addEventListener("click", () => { editor.value = part.text; toggle(false); });
  save.addEventListener("click", guard(async () => {
    save.disabled = true;
    try {
      const envelope = await json(reportUrl("/report/parts/" + encodeURIComponent(part.key)), { method: "PUT", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ text: editor.value }) });
      renderReport(envelope);
      status("已保存为第" + envelope.version + "版");
    } finally { save.disabled = false; }
  }));
  const origin = part.origin === "edited" ? "已修改 · " + (part.editedBy || "") : part.origin === "imported" ? "单位原稿" : (part.model && part.model.provider === "offline" ? "离线起草" : "模型起草");
  const notes = el("ul", { class: "part-notes" }, ...part.notes.map(n => el("li", { class: "note-" + n.kind }, n.message)));
  const problems = (part.verification && part.verification.problems) || [];
  return el("article", { class: "report-part", "data-part": part.key },
    el("div", { class: "part-main" },
      el("div", { class: "part-head" }, el("span", { class: "badge " + part.status }, part.status === "verified" ? "已核实" : "需复核"), " ", el("span", { class: "muted" }, origin), " ", edit),
      text, editor, el("div", { class: "draft-actions" }, save, cancel),
      problems.length ? el("ul", { class: "part-problems" }, ...problems.map(p => el("li", { class: "num-bad" }, p))) : null),
    el("aside", { class: "part-aside" }, el("h4", {}, "审核意见（不进入正文）"), part.notes.length ? notes : el("p", { class: "muted" }, "无")));
}

async function loadReport() {
  if (!state.evaluationId) return;
  try {
    renderReport(await json(reportUrl("/report")));
  } catch (e) {
    if (String(e.message).startsWith("404")) renderReport(null); else throw e;
  }
}

function download(suffix, fallbackName) { return downloadFrom(reportUrl(suffix), fallbackName); }

/** Fetches a file of this API with the key and saves it under the name the server gave. */
async function downloadFrom(path, fallbackName) {
  const response = await api(path);
  const blob = await response.blob();
  const disposition = response.headers.get("Content-Disposition") || "";
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  const name = star ? decodeURIComponent(star[1]) : plain ? plain[1] : fallbackName;
  const a = el("a", { href: URL.createObjectURL(blob), download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10000);
}

document.addEventListener("DOMContentLoaded", () => {
  document.addEventListener("assistant:evaluation-opened", guard(loadReport));
  $("report-draft").addEventListener("click", guard(async () => {
    if (!state.evaluationId) throw new Error("请先载入自评表");
    $("report-draft").disabled = true;
    status("正在起草整篇报告……");
    try {
      const envelope = await json(reportUrl("/report"), { method: "POST", headers: { "Content-Type": "application/json" }, body: "{}" });
      renderReport(envelope);
      status("报告第" + envelope.version + "版已保存");
    } finally { $("report-draft").disabled = false; }
  }));
  $("report-docx").addEventListener("click", guard(() => download("/report.docx", "绩效自评报告.docx")));
  $("report-xlsx").addEventListener("click", guard(() => download("/table.xlsx", "绩效自评表.xlsx")));
});
