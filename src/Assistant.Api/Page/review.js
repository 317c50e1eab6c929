// The review page: the unit submits and resubmits; reviewers see the queue of the units beneath them,
// open a submission (table, findings, report), comment on paragraphs, findings or indicators, give
// 抽评 scores and decide 通过 / 退回. Only the public API; only text nodes for anything stored.
"use strict";

const state = { key: "", open: null, detail: null, batch: null };
const STATUS = { pending: "待审", returned: "已退回", approved: "已通过" };
const DECISION = { returned: "退回", approved: "通过" };
const RISK = { high: "高", medium: "中", low: "低", none: "无" };
const PARTS = { targets: "一", performance: "二", deviation: "三", application: "四", other: "五" };

function $(id) { return document.getElementById(id); }

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name === "class") node.className = value;
    else if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

function status(text, isError) {
  $("status").textContent = text;
  $("status").style.color = isError ? "#ffd2cc" : "";
}

async function json(path, options = {}) {
  if (!state.key) throw new Error("请先填写 API 密钥");
  const headers = Object.assign({ "Authorization": "Bearer " + state.key, "X-Assistant-Source": "page" }, options.headers || {});
  const response = await fetch(path, Object.assign({}, options, { headers }));
  if (!response.ok) {
    let detail = response.status + " " + response.statusText;
    try {
      const p = await response.json();
      detail = response.status + " " + [p.title, p.detail].filter(Boolean).join("：");
      if (p.errors) detail += " " + Object.entries(p.errors).map(([f, m]) => f + "：" + m.join("；")).join("；");
    } catch (e) { /* not JSON */ }
    throw new Error(detail);
  }
  return response.json();
}

const post = (path, body) => json(path, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
const when = t => new Date(t).toLocaleString("zh-CN", { hour12: false });

// ---- the queue -----------------------------------------------------------------------------------

/** The latest queue request: an older answer arriving after a newer filter's is dropped, never shown over it. */
let queueRequest = 0;

async function refreshQueue() {
  const request = ++queueRequest;
  const q = new URLSearchParams();
  for (const [param, id] of [["status", "f-status"], ["risk", "f-risk"], ["unit", "f-unit"]]) {
    if ($(id).value.trim()) q.set(param, $(id).value.trim());
  }
  if (state.batch) q.set("batch", state.batch.id);
  const list = await json("/api/v1/submissions?" + q.toString());
  if (request !== queueRequest) return;
  const body = $("queue").tBodies[0];
  body.replaceChildren(...list.map(s => el("tr", { "data-id": s.id, class: s.id === state.open ? "open" : null, onclick: () => guard(() => openSubmission(s.id))() },
    el("td", {}, s.unitName), el("td", {}, s.title), el("td", { class: "nowrap" }, "第" + s.version + "版"),
    el("td", { class: "nowrap" }, el("span", { class: "state " + s.status }, STATUS[s.status])),
    el("td", { class: "risk-" + s.risk.level, title: s.risk.reasons.join("\n") }, riskBadge(s.risk),
      s.risk.reasons.length ? el("span", { class: "risk-reason" }, reasonHead(s.risk.reasons[0]) + (s.risk.reasons.length > 1 ? " 等" + s.risk.reasons.length + "项" : "")) : null),
    el("td", {}, when(s.submittedAt)))));
  $("queue-empty").hidden = list.length > 0;
}

/** The queue's risk cell: 高/中/低 with the points; 无 (0 points) alone. */
function riskBadge(risk) {
  return risk.level === "none" ? RISK.none : (RISK[risk.level] || risk.level) + " " + risk.score;
}

/** The Chinese half of a risk reason (a batch's reasons read "中文（n处）/ English"). */
/** A table's year and title, the year said once: “2025年新邵县…资金” already carries it, “就业补助资金” gets “2024年度”. */
function yearTitle(year, title) {
  const t = String(title || "").trim();
  if (!year || /^\s*(19|20)\d{2}\s*年/.test(t) || t.includes(year + "年")) return t;
  return year + "年度" + t;
}

function reasonHead(reason) { return String(reason).split(/\s*\/\s+/)[0]; }

/** The batch the queue is narrowed to (from the batch page's link), with a way to drop it. */
async function showBatch(id) {
  state.batch = id ? { id, name: "" } : null;
  const chip = $("f-batch");
  chip.hidden = !id;
  if (!id) return;
  try { state.batch.name = (await json("/api/v1/jobs/" + encodeURIComponent(id))).name; } catch (e) { state.batch.name = id; }
  $("f-batch-name").textContent = state.batch.name;
}

async function refreshEvaluations() {
  const list = await json("/api/v1/evaluations?limit=100");
  $("submit-evaluation").replaceChildren(el("option", { value: "" }, "（请选择）"),
    ...list.map(e => el("option", { value: e.id }, yearTitle(e.year, e.title) + " · " + e.unit)));
}

// ---- one submission ----------------------------------------------------------------------------

function anchorText(c, d) {
  if (c.part !== null && c.part !== undefined) return "报告第" + (PARTS[c.part] || c.part) + "部分第" + (c.paragraph + 1) + "段「" + (c.quote || "") + "」";
  if (c.finding) return "审核发现 " + c.finding;
  if (c.indicator !== null && c.indicator !== undefined) return "指标「" + (c.quote || c.indicator) + "」";
  return "总体";
}

async function openSubmission(id, version) {
  const d = await json("/api/v1/submissions/" + id + (version ? "?version=" + version : ""));
  if (state.open !== id) state.revised = null;
  state.open = id;
  state.detail = d;
  const s = d.submission;
  $("detail-empty").hidden = true;
  $("detail-body").hidden = false;
  $("d-unit").textContent = s.unitName;
  $("d-title").textContent = yearTitle(s.year, s.title);
  $("d-version").textContent = "第" + d.shownVersion + "版（共" + d.versions.length + "版）";
  $("d-status").textContent = STATUS[s.status];
  $("d-status").className = "state " + s.status;
  $("d-risk").replaceChildren(el("span", { class: "risk-" + s.risk.level }, "风险 " + RISK[s.risk.level] + "（" + s.risk.score + "分）"),
    s.risk.reasons.length ? el("ul", { id: "d-risk-reasons" }, s.risk.reasons.map(r => el("li", {}, reasonHead(r)))) : " 无风险提示");

  const history = [];
  for (const v of d.versions) {
    history.push(el("li", {}, "第" + v.version + "版 " + when(v.submittedAt) + " 由 " + v.submittedBy + (v.source === "batch" ? " 批量上传" : " 提交") + (v.reportVersion ? "（报告第" + v.reportVersion + "版）" : "（无报告）")));
    const decision = d.decisions.find(x => x.version === v.version);
    if (decision) {
      history.push(el("li", { class: "decision " + decision.decision },
        el("strong", {}, DECISION[decision.decision]), " " + when(decision.decidedAt) + " 由 " + decision.decidedBy + "（" + decision.decidedByUnit + "）" + (decision.comment ? "：" + decision.comment : ""),
        decision.comments.length ? el("ul", {}, decision.comments.map(c => el("li", { class: "review-comment-item" }, el("span", { class: "anchor" }, anchorText(c) + "："), c.text))) : null,
        decision.scores.length ? el("ul", {}, decision.scores.map(x => el("li", {}, "抽评「" + x.name + "」" + x.score + " 分（自评 " + (x.selfScore ?? "—") + "，分值 " + x.weight + "）"))) : null));
    }
  }
  $("d-history").replaceChildren(...history);

  const shownDecision = d.decisions.find(x => x.version === d.shownVersion);
  const comments = shownDecision ? shownDecision.comments : [];
  const scores = new Map((shownDecision ? shownDecision.scores : []).map(x => [x.indicator, x.score]));
  // What this key may do: the server says (a reviewer decides a pending latest version; the unit's own key revises and resubmits after 退回).
  const actions = d.actions || { decide: s.status === "pending" && d.shownVersion === s.version, revise: false, resubmit: s.status === "returned" };
  const pending = actions.decide;
  $("d-total").textContent = d.score.total ? "总分 " + d.score.total + " · " + d.score.grade : "";
  // The fund lines first, as the 自评表 prints them: budget, spending and 执行率 in the table's unit (only the total is scored).
  const fundsIn = (d.evaluation && d.evaluation.funds) || {};
  $("d-funds-unit").textContent = fundsIn.unit ? "（" + fundsIn.unit + "）" : "";
  $("d-funds").tBodies[0].replaceChildren(...d.score.funds.map(f => {
    const line = (fundsIn.lines || [])[f.index] || {};
    return el("tr", {}, el("td", {}, (f.parent ? "　" : "") + f.name), el("td", {}, line.budget ?? "—"), el("td", {}, line.executed ?? "—"),
      el("td", {}, f.rateText || "—"), el("td", {}, f.score ?? (f.parent ? "不单独计分" : "—")));
  }));
  $("d-table").tBodies[0].replaceChildren(...d.score.indicators.map(i => el("tr", { class: i.status === "short" ? "short" : null },
    el("td", {}, i.index + 1), el("td", {}, i.name), el("td", {}, i.target ?? ""), el("td", {}, i.actual ?? ""), el("td", {}, i.weight ?? ""), el("td", {}, i.score ?? ""),
    el("td", {}, pending && i.weight ? el("input", { class: "spot-score", "data-index": i.index, inputmode: "decimal", "aria-label": "抽评得分 " + i.name }) : (scores.get(i.index) ?? "")))));

  // The table's findings, the report's contradictions and the risk's reasons (the server's list): never "无" beside a risk badge.
  const found = d.findings || d.score.findings.map(f => ({ source: "table", code: f.code, severity: f.severity, message: f.message }));
  $("d-findings").replaceChildren(...found.map(f => {
    const li = el("li", { class: "finding-" + f.severity + " finding-" + f.source, title: f.code }, f.message);  // the rule's code on hover, not in the reviewer's text
    if (f.source !== "table") return li;
    for (const c of comments.filter(c => c.finding === f.code)) li.append(el("span", { class: "review-comment" }, "审核意见：" + c.text));
    if (pending) li.append(commentButton(li, { finding: f.code }));
    return li;
  }));
  if (!found.length) $("d-findings").append(el("li", { class: "muted" }, "无"));

  const report = $("d-report");
  report.replaceChildren();
  $("d-report-version").textContent = d.report ? "（第" + d.versions.find(v => v.version === d.shownVersion).reportVersion + "版）" : "（未随附报告）";
  let part = null;
  for (const p of d.paragraphs) {
    if (p.part !== part) {
      if (part !== null && actions.revise) report.append(partEditor(d, part));
      part = p.part;
      const heading = d.report.parts.find(x => x.key === part);
      const printed = d.paragraphs.some(x => x.part === part && heading && x.text === heading.heading);
      if (!heading || !printed) report.append(el("div", { class: "part-title" }, heading ? heading.heading : part));
    }
    const mine = comments.filter(c => c.part === p.part && c.paragraph === p.index);
    const wrong = p.contradictions || [];
    const para = el("p", { class: "rp" + (mine.length ? " commented" : "") + (wrong.length ? " contradicts" : ""), "data-part": p.part, "data-index": p.index },
      el("span", { class: "pidx" }, "¶" + (p.index + 1)), p.text);
    report.append(para);
    for (const w of wrong) report.append(el("span", { class: "contradiction" }, w));
    for (const c of mine) report.append(el("span", { class: "review-comment" }, "审核意见：" + c.text));
    if (pending) para.append(commentButton(para, { part: p.part, paragraph: p.index }));
  }
  if (part !== null && actions.revise) report.append(partEditor(d, part));
  if (actions.revise && !d.report) report.append(el("p", { class: "muted" }, "这一版没有随附报告：请在", el("a", { href: "/" }, "自评表与报告"), "页面起草或修改报告，再回来重新提交。"));

  $("decide").hidden = !pending;
  $("d-comment").value = "";
  $("resubmit-box").hidden = !actions.resubmit;
  for (const row of $("queue").tBodies[0].rows) row.classList.toggle("open", row.dataset.id === id);
}

/**
 * The unit's own key, after 退回: edit one part of the report beside the comments, stored as a new report
 * version (not yet submitted; 修改后重新提交 submits it as the next version, the returned one stays as it was).
 */
function partEditor(d, key) {
  const part = d.report.parts.find(x => x.key === key);
  if (!part) return el("span");
  const box = el("div", { class: "revise", "data-part": key });
  const editor = el("textarea", { class: "revise-text", rows: 8, "aria-label": "修改" + part.heading, hidden: true });
  const save = el("button", { type: "button", class: "revise-save", hidden: true }, "保存修改");
  const open = el("button", { type: "button", class: "revise-open" }, "修改本部分（" + (PARTS[key] || key) + "）");
  const saved = el("div", { class: "revised", hidden: true });
  open.addEventListener("click", () => {
    editor.value = state.revised && state.revised[key] !== undefined ? state.revised[key] : part.text;
    editor.hidden = false; save.hidden = false; open.hidden = true; editor.focus();
  });
  save.addEventListener("click", guard(async () => {
    save.disabled = true;
    try {
      const envelope = await json("/api/v1/evaluations/" + encodeURIComponent(d.submission.evaluationId) + "/report/parts/" + encodeURIComponent(key),
        { method: "PUT", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ text: editor.value }) });
      const text = envelope.report.parts.find(x => x.key === key).text;
      state.revised = Object.assign(state.revised || {}, { [key]: text });
      saved.replaceChildren(el("strong", {}, "修改稿（报告第" + envelope.version + "版，尚未提交）："), ...text.split("\n").map(line => el("p", {}, line)));
      saved.hidden = false; editor.hidden = true; save.hidden = true; open.hidden = false;
      status("已保存为报告第" + envelope.version + "版；改完后点“修改后重新提交”");
    } finally { save.disabled = false; }
  }));
  if (state.revised && state.revised[key] !== undefined) {
    saved.replaceChildren(el("strong", {}, "修改稿（尚未提交）："), ...state.revised[key].split("\n").map(line => el("p", {}, line)));
    saved.hidden = false;
  }
  box.append(open, editor, save, saved);
  return box;
}

/** A 批注 button that opens a comment box under the paragraph or finding, anchored to it. */
function commentButton(after, anchor) {
  return el("button", { type: "button", class: "comment", onclick: e => {
    e.stopPropagation();
    const box = el("textarea", { class: "pcomment", rows: 2, "data-anchor": JSON.stringify(anchor), placeholder: "批注意见" });
    after.after(box);
    box.focus();
  } }, "批注");
}

async function decide(decision) {
  const comments = [...document.querySelectorAll("textarea.pcomment")].filter(t => t.value.trim())
    .map(t => Object.assign({ text: t.value.trim() }, JSON.parse(t.dataset.anchor)));
  const scores = [...document.querySelectorAll("input.spot-score")].filter(i => i.value.trim())
    .map(i => ({ indicator: Number(i.dataset.index), score: i.value.trim() }));
  await post("/api/v1/submissions/" + state.open + "/decisions", { decision, comment: $("d-comment").value.trim() || null, comments, scores });
  status(DECISION[decision] === "通过" ? "已通过" : "已退回");
  await openSubmission(state.open);
  await refreshQueue();
}

// ---- wiring ------------------------------------------------------------------------------------

// ---- asking the assistant (a read-only conversation on the open submission's table; cross-unit questions over the key's scope) ----

async function ask(e) {
  e.preventDefault();
  const question = $("ask-text").value.trim();
  if (!question) throw new Error("请先输入问题");
  // On the open submission's table; with none open, a conversation about the units the key reads.
  const evaluationId = state.detail && state.open ? state.detail.submission.evaluationId : "";
  state.conversations = state.conversations || {};
  if (!state.conversations[evaluationId]) {
    state.conversations[evaluationId] = (await post("/api/v1/conversations", evaluationId ? { evaluationId } : {})).id;
  }
  status("助手正在回答…");
  const r = await json("/api/v1/conversations/" + state.conversations[evaluationId] + "/messages",
    { method: "POST", headers: { "Content-Type": "application/json", "Accept": "application/json" }, body: JSON.stringify({ content: question }) });
  $("ask-answer").hidden = false;
  $("ask-answer").textContent = r.turn.text;
  status("已回答" + (r.turn.held ? "（" + r.turn.held + "处待核实）" : ""));
}

function guard(fn) {
  return async (...args) => { try { await fn(...args); } catch (e) { status(e.message, true); } };
}

async function refreshAll() {
  await refreshQueue();
  await refreshEvaluations();
}

/** #key=… (kept for the tab, then taken off the address), #batch=… (the queue narrowed to a batch), #submission=… (opened). */
function readHash() {
  const hash = new URLSearchParams(location.hash.slice(1));
  if (hash.get("key")) sessionStorage.setItem("assistant.key", hash.get("key"));
  if (location.hash) history.replaceState(null, "", location.pathname);
  state.key = sessionStorage.getItem("assistant.key") || "";
  $("api-key").value = state.key;
  return hash;
}

async function followHash(hash) {
  if (!state.key) return;
  if (hash.get("batch")) await showBatch(hash.get("batch"));
  await refreshAll();
  if (hash.get("submission")) await openSubmission(hash.get("submission"));
}

window.addEventListener("hashchange", () => { if (location.hash) guard(followHash)(readHash()); });

document.addEventListener("DOMContentLoaded", () => {
  const hash = readHash();
  $("key-form").addEventListener("submit", guard(async e => {
    e.preventDefault();
    state.key = $("api-key").value.trim();
    sessionStorage.setItem("assistant.key", state.key);
    await refreshAll();
    status("密钥可用");
  }));
  $("f-apply").addEventListener("click", guard(refreshQueue));
  $("f-batch-clear").addEventListener("click", guard(async () => { await showBatch(null); await refreshQueue(); }));
  $("submit").addEventListener("click", guard(async () => {
    if (!$("submit-evaluation").value) throw new Error("请先选择自评表");
    const s = await post("/api/v1/submissions", { evaluationId: $("submit-evaluation").value });
    status("已提交送审（第" + s.version + "版）");
    await refreshQueue();
    await openSubmission(s.id);
  }));
  $("resubmit").addEventListener("click", guard(async () => {
    const s = await post("/api/v1/submissions/" + state.open + "/versions", {});
    state.revised = null;
    status("已重新提交（第" + s.version + "版）");
    await refreshQueue();
    await openSubmission(s.id);
  }));
  $("ask").addEventListener("submit", guard(ask));
  $("approve").addEventListener("click", guard(() => decide("approved")));
  $("return").addEventListener("click", guard(() => decide("returned")));
  guard(followHash)(hash);
});
