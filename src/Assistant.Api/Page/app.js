// The staff page: only the public API (/api/v1), only text nodes for anything that came from a
// table, a model or the corpus (never innerHTML), so markup in any of them shows as text.
"use strict";

const state = { key: "", evaluationId: null, evaluation: null, conversationId: null, sources: new Map(), draft: null };

function $(id) { return document.getElementById(id); }

/** el("p", {class: "x"}, "text", child…): strings become text nodes. */
function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name === "class") node.className = value;
    else if (name === "text") node.textContent = value;
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
  const s = $("status");
  s.textContent = text;
  s.style.color = isError ? "#ffd2cc" : "";
}

async function api(path, options = {}) {
  if (!state.key) throw new Error("请先填写 API 密钥");
  const headers = Object.assign({ "Authorization": "Bearer " + state.key }, options.headers || {});
  const response = await fetch(path, Object.assign({}, options, { headers }));
  if (!response.ok) {
    let detail = response.status + " " + response.statusText;
    try {
      const problem = await response.json();
      detail = response.status + " " + [problem.title, problem.detail].filter(Boolean).join("：");
      if (problem.errors) {
        detail += " " + Object.entries(problem.errors).map(([field, messages]) => field + "：" + messages.join("；")).join("；");
      }
    } catch (e) { /* not JSON */ }
    throw new Error(detail);
  }
  return response;
}

async function json(path, options) { return (await api(path, options)).json(); }

// ---- marks: text with spans (start, length, class, title) -------------------------------------

function marked(text, spans) {
  const parts = [];
  let at = 0;
  for (const s of [...spans].sort((a, b) => a.start - b.start)) {
    if (s.start < at || s.start + s.length > text.length) continue;
    if (s.start > at) parts.push(text.slice(at, s.start));
    parts.push(s.href
      ? el("a", { class: s.cls, href: s.href, title: s.title, onclick: e => { e.preventDefault(); downloadFrom(s.href, s.name).catch(err => status(err.message, true)); } }, text.slice(s.start, s.start + s.length))
      : el("span", { class: s.cls, title: s.title }, text.slice(s.start, s.start + s.length)));
    at = s.start + s.length;
  }
  if (at < text.length) parts.push(text.slice(at));
  return parts;
}

function heldSpans(text) {
  const spans = [];
  const marker = "【待核实】";
  let i = text.indexOf(marker);
  while (i >= 0) { spans.push({ start: i, length: marker.length, cls: "num-held", title: "未通过核验的内容已暂扣" }); i = text.indexOf(marker, i + marker.length); }
  return spans;
}

/** Download addresses of this API in an answer (the report as Word, the table as Excel): links that fetch with the key. */
function downloadSpans(text) {
  const spans = [];
  const pattern = /\/api\/v1\/evaluations\/[0-9a-fA-F-]{36}\/(report\.docx|table\.xlsx)/g;
  let m;
  while ((m = pattern.exec(text)) !== null) {
    const word = m[1] === "report.docx";
    spans.push({ start: m.index, length: m[0].length, cls: "download", href: m[0], name: word ? "绩效自评报告.docx" : "绩效自评表.xlsx", title: word ? "下载Word版报告" : "下载Excel版自评表" });
  }
  return spans;
}

function verdictClass(verdict) {
  return { verified: "num-ok", derived: "num-derived", unverified: "num-held", contradicted: "num-bad" }[verdict] || null;
}

/** A sentence or paragraph with its citation marks before its closing punctuation (…2023年）[S2]；), as Chinese documents place them. */
function withCites(text, spans, numbers) {
  const cites = citeLinks(numbers);
  if (!cites.length || !/[；。，！？：;,.!?]$/.test(text)) return [...marked(text, spans), ...cites];
  return [...marked(text.slice(0, -1), spans), ...cites, text.slice(-1)];
}

function citeLinks(numbers) {
  return numbers.map(n => el("a", { class: "cite", href: "#source-" + n, title: sourceTitle(n) }, "[S" + n + "]"));
}

function sourceTitle(n) {
  const s = state.sources.get(n);
  return s ? "《" + s.title + "》" + (s.sectionPath || "") : "";
}

function showSources(list) {
  for (const s of list) state.sources.set(s.source, s);
  const ol = $("sources");
  ol.replaceChildren(...[...state.sources.values()].sort((a, b) => a.source - b.source).map(s =>
    el("li", { id: "source-" + s.source },
      el("strong", {}, "[S" + s.source + "] 《" + s.title + "》"),
      " ", [s.region, s.year ? s.year + "年" : null, s.sectionPath].filter(Boolean).join(" · "),
      el("br"), el("span", { class: "muted" }, "往年报告原文（数字属于该报告，未与本表核对）："), s.excerpt)));
}

// ---- evaluation -------------------------------------------------------------------------------

async function refreshStored() {
  const list = await json("/api/v1/evaluations?limit=200");
  const select = $("stored");
  select.replaceChildren(el("option", { value: "" }, "（请选择）"),
    ...list.map(e => el("option", { value: e.id }, (e.year && !String(e.title).includes(e.year + "年") ? e.year + "年度" : "") + e.title + (e.total ? "（" + e.total + "分）" : ""))));
  if (state.evaluationId) select.value = state.evaluationId;
}

async function storeEvaluation(text) {
  let body;
  try { body = JSON.stringify(JSON.parse(text)); } catch (e) { throw new Error("不是有效的 JSON：" + e.message); }
  const created = await json("/api/v1/evaluations", { method: "POST", headers: { "Content-Type": "application/json" }, body });
  await refreshStored();
  await openEvaluation(created.id);
}

async function openEvaluation(id) {
  const envelope = await json("/api/v1/evaluations/" + encodeURIComponent(id));
  state.evaluationId = envelope.id;
  state.evaluation = envelope.evaluation;
  state.sources.clear();
  showSources([]);
  $("stored").value = envelope.id;
  renderScore(envelope.score);
  $("explanation").replaceChildren();
  $("draft").replaceChildren();
  $("draft-edit").hidden = true;
  $("messages").replaceChildren();
  state.conversationId = null;
  await listConversations();
  for (const b of ["chat-input", "chat-send", "draft-button", "new-conversation", "conversations"]) $(b).disabled = false;
  const latest = envelope.drafts.filter(d => d.section === $("draft-section").value).pop();
  if (latest) renderDraft((await json("/api/v1/drafts/" + latest.id)).draft, latest.version);
  status("已载入：" + envelope.score.title);
  document.dispatchEvent(new CustomEvent("assistant:evaluation-opened", { detail: envelope.id }));
}

// A reverse (越低越好) row's 完成值 ÷ 指标值 is no 完成率 (3.6 against ≤2 would read as 180 %): how far it is over or under its cap.
function completionShown(x) {
  if (x.rule !== "reverse") return x.completionText || "";
  const gap = x.gap && Number(x.gap) !== 0 ? x.gap + (x.gapUnit === "%" ? "个百分点" : (x.gapUnit || "")) : "";
  return gap ? (x.status === "short" ? "超出上限" : "低于上限") + gap : "";
}

function renderScore(score) {
  const funds = el("table", {}, el("tr", {}, el("th", {}, "资金"), el("th", {}, "执行率"), el("th", {}, "得分")),
    ...score.funds.map(f => el("tr", {}, el("td", {}, (f.parent ? "　" : "") + f.name), el("td", {}, f.rateText || "—"), el("td", {}, f.score || "—"))));
  const rows = score.indicators.map(i => {
    const fell = i.status === "short" || (i.weight && i.score && Number(i.score) < Number(i.weight));
    return el("tr", { class: fell ? "short" : null, "data-index": i.index },
      el("td", {}, String(i.index + 1)), el("td", {}, i.name), el("td", {}, i.target || ""), el("td", {}, i.actual || ""),
      el("td", {}, completionShown(i)), el("td", {}, i.score ? i.score + "/" + (i.weight || "") : ""),
      el("td", {}, fell ? el("button", { type: "button", class: "why", onclick: () => explain(i.index) }, "为什么？") : ""));
  });
  const indicators = el("table", { id: "indicators" },
    el("tr", {}, ...["#", "指标", "指标值", "完成值", "完成率", "得分", ""].map(h => el("th", {}, h))), ...rows);
  const findings = score.findings.filter(f => f.severity !== "info");
  $("score").replaceChildren(
    el("h3", {}, score.title),
    el("p", {}, score.total ? el("span", { class: "total", id: "total" }, "总分 " + score.total + " · " + score.grade) : "转移支付表，不计总分"),
    funds, el("h3", {}, "绩效指标"), indicators,
    el("h3", {}, "检查结果（" + findings.length + "）"),
    el("ul", { id: "findings" }, ...findings.map(f => el("li", { class: "finding-" + f.severity }, f.message))));
}

async function explain(index) {
  const e = await json("/api/v1/evaluations/" + state.evaluationId + "/indicators/" + index + "/explanation");
  const t = e.trace;
  const rows = [
    ["指标", t.name + "（" + t.statusText + "）"], ["指标值", t.target], ["完成值", t.actual],
    ["差距", t.gap ? t.gap + (t.gapUnit || "") : "—"], [t.rule === "reverse" ? "与上限" : "完成率", completionShown(t) || "—"],
    ["得分", t.score ? t.score + " / " + t.weight + (t.lost ? "，扣 " + t.lost : "") : "—"],
    ["计分规则", t.ruleText], ["计算", t.computation],
    ["填报的原因", e.statedReason || e.reasonFinding || "—"],
  ];
  const similar = e.similarCases.map(c => el("li", {}, "《" + c.title + "》" + [c.region, c.year].filter(Boolean).join(" ") + "：", c.excerpt));
  $("explanation").replaceChildren(el("h3", {}, "为什么：" + t.name),
    el("dl", { class: "explain" }, ...rows.flatMap(([k, v]) => [el("dt", {}, k), el("dd", {}, v)])),
    e.contradictions.length ? el("div", {}, el("h3", {}, "矛盾"), el("ul", {}, ...e.contradictions.map(c => el("li", { class: "finding-error" }, c.source + "：“" + c.text + "”——" + c.note)))) : "",
    similar.length ? el("div", {}, el("h3", {}, "相似的往年情况"), el("ul", {}, ...similar)) : "");
  $("explanation").scrollIntoView({ behavior: "smooth", block: "start" });
}

// ---- chat ---------------------------------------------------------------------------------------

async function send(text) {
  if (!state.conversationId) await startConversation(text);
  const messages = $("messages");
  messages.append(el("li", { class: "user" }, text));
  const answer = el("li", { class: "assistant", "aria-busy": "true" });
  messages.append(answer);
  const response = await api("/api/v1/conversations/" + state.conversationId + "/messages", {
    method: "POST", headers: { "Content-Type": "application/json", "Accept": "text/event-stream" }, body: JSON.stringify({ content: text }),
  });
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    let cut;
    while ((cut = buffer.indexOf("\n\n")) >= 0) {
      const block = buffer.slice(0, cut);
      buffer = buffer.slice(cut + 2);
      let type = "message", data = "";
      for (const line of block.split("\n")) {
        if (line.startsWith("event: ")) type = line.slice(7);
        else if (line.startsWith("data: ")) data += line.slice(6);
      }
      onEvent(type, data ? JSON.parse(data) : null, answer);
    }
    messages.scrollTop = messages.scrollHeight;
  }
  answer.removeAttribute("aria-busy");
  await listConversations();
}

function onEvent(type, data, answer) {
  switch (type) {
    case "tool":
      answer.append(el("span", { class: "tool" }, "⚙ " + data.name + "：" + data.summary));
      break;
    case "sentence": {
      const spans = data.numbers.filter(n => verdictClass(n.verdict)).map(n => ({ start: n.start, length: n.length, cls: verdictClass(n.verdict), title: n.factId ? "已核实：" + n.factId : "已核实" }));
      for (const h of data.held) if (h.start >= 0) spans.push({ start: h.start, length: h.length, cls: "num-held", title: h.reason });
      for (const d of downloadSpans(data.text)) {
        for (let i = spans.length - 1; i >= 0; i--) if (spans[i].start < d.start + d.length && d.start < spans[i].start + spans[i].length) spans.splice(i, 1);
        spans.push(d);
      }
      answer.append(el("span", { class: "sentence" }, ...withCites(data.text, spans, data.sources)));
      if (data.paragraphEnd) answer.append("\n");
      break;
    }
    case "sources": showSources(data.sources); break;
    case "explanation": showSources(data.similarCases); break;
    case "draft": renderDraft(data.draft, data.version); break;
    case "report": if (typeof loadReport === "function") loadReport().catch(err => status(err.message, true)); break;
    case "verification": answer.append(el("div", { class: "checked" }, el("span", { class: "muted" }, "核对的原文："), ...marked(data.text, mentionSpans(data.verification)))); break;
    case "score": renderScore(data); break;
    case "error": answer.append(el("div", { class: "finding-error" }, data.title + "：" + data.detail)); break;
    case "done": if (data.fallback) answer.append(el("span", { class: "tool" }, "（大模型不可用，由离线助手回答）")); break;
    default: break;
  }
}

// ---- conversations: earlier ones listed and reopened; Enter sends ----------------------------------

/** Enter sends; Shift+Enter is a new line; Enter while an input method is composing is left alone. */
function enterSends(e) {
  if (e.key !== "Enter" || e.shiftKey || e.isComposing || e.keyCode === 229) return;
  e.preventDefault();
  if (!$("chat-send").disabled) $("chat-form").requestSubmit();
}

async function startConversation(firstQuestion) {
  const title = firstQuestion.replace(/\s+/g, " ").slice(0, 40);
  const created = await json("/api/v1/conversations", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ evaluationId: state.evaluationId, title }) });
  state.conversationId = created.id;
}

async function listConversations() {
  if (!state.evaluationId) return;
  const list = await json("/api/v1/conversations?evaluationId=" + encodeURIComponent(state.evaluationId) + "&limit=50");
  const select = $("conversations");
  select.replaceChildren(el("option", { value: "" }, list.length ? "（新对话）" : "（还没有对话）"),
    ...list.map(c => el("option", { value: c.id }, new Date(c.createdAt).toLocaleString("zh-CN", { hour12: false }) + " · " + c.title + "（" + c.messages + "条）")));
  select.value = state.conversationId || "";
}

function newConversation() {
  state.conversationId = null;
  state.sources.clear();
  showSources([]);
  $("messages").replaceChildren();
  $("conversations").value = "";
  $("chat-input").focus();
}

/** Shows a stored conversation as it was said: each answer's released sentences, with their marks and sources. */
async function reopenConversation(id) {
  const c = await json("/api/v1/conversations/" + encodeURIComponent(id));
  state.conversationId = c.id;
  state.sources.clear();
  const messages = $("messages");
  messages.replaceChildren();
  for (const m of c.messages) {
    if (m.role === "user") { messages.append(el("li", { class: "user" }, m.content)); continue; }
    const answer = el("li", { class: "assistant" });
    const p = m.payload || {};
    if (p.sources) showSources(p.sources);
    if (Array.isArray(p.sentences) && p.sentences.length) for (const sentence of p.sentences) onEvent("sentence", sentence, answer);
    else answer.append(m.content);
    messages.append(answer);
  }
  showSources([]);
  messages.scrollTop = messages.scrollHeight;
  status("已打开对话：" + c.title);
}

function mentionSpans(verification) {
  const spans = verification.mentions.filter(m => verdictClass(m.verdict)).map(m => ({ start: m.start, length: m.length, cls: verdictClass(m.verdict), title: m.verdict + (m.factId ? "：" + m.factId : "") + (m.note ? "（" + m.note + "）" : "") }));
  for (const c of verification.claims.filter(c => c.verdict === "contradicted")) spans.push({ start: c.start, length: c.length, cls: "num-bad", title: c.note || "与表中情况不符" });
  return spans;
}

// ---- draft -------------------------------------------------------------------------------------

function renderDraft(draft, version) {
  state.draft = draft;
  showSources(draft.sources);
  const all = mentionSpans(draft.verification);
  let offset = 0;
  const paragraphs = draft.paragraphs.map(p => {
    const end = offset + p.text.length;
    const local = all.filter(s => s.start >= offset && s.start < end).map(s => Object.assign({}, s, { start: s.start - offset }));
    local.push(...heldSpans(p.text));
    offset = end + 1;
    return el("p", { class: "para" }, ...withCites(p.text, local, p.citations.map(c => c.source)),
      p.items.length ? el("span", { class: "meta" }, "说明事项：" + p.items.join("、")) : "");
  });
  const badge = el("span", { class: "badge " + draft.status }, draft.status === "verified" ? "数字已全部核实" : "需复核");
  const masked = draft.masked.length ? el("ul", {}, ...draft.masked.map(m => el("li", { class: "finding-warning" }, "第" + (m.paragraph + 1) + "段暂扣：" + m.reason))) : "";
  $("draft").replaceChildren(el("p", {}, badge, " 第" + version + "版 · " + draft.model.provider + " · " + draft.items.length + "个事项"), masked, ...paragraphs);
  $("draft-text").value = draft.text;
  $("draft-edit").hidden = false;
  $("recheck-result").replaceChildren();
}

async function recheck() {
  const text = $("draft-text").value;
  const result = await json("/api/v1/verify", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ evaluation: state.evaluation, text }) });
  const s = result.summary;
  $("recheck-result").replaceChildren(
    el("p", {}, "数字 " + s.numbers + " 个：核实 " + s.verified + "，推算 " + s.derived + "，找不到依据 " + s.unverified + "，不符 " + s.contradicted + "；判断不符 " + s.claimsContradicted),
    el("div", { class: "para checked" }, ...marked(text, mentionSpans(result))));
}

// ---- wiring ------------------------------------------------------------------------------------

function guard(fn) {
  return async (...args) => {
    try { await fn(...args); } catch (e) { status(e.message, true); }
  };
}

document.addEventListener("DOMContentLoaded", () => {
  const fromHash = new URLSearchParams(location.hash.slice(1)).get("key");
  if (fromHash) { sessionStorage.setItem("assistant.key", fromHash); history.replaceState(null, "", location.pathname); }
  state.key = sessionStorage.getItem("assistant.key") || "";
  $("api-key").value = state.key;

  $("key-form").addEventListener("submit", guard(async e => {
    e.preventDefault();
    state.key = $("api-key").value.trim();
    sessionStorage.setItem("assistant.key", state.key);
    await refreshStored();
    status("密钥可用");
  }));
  $("refresh-stored").addEventListener("click", guard(refreshStored));
  $("stored").addEventListener("change", guard(async () => { if ($("stored").value) await openEvaluation($("stored").value); }));
  $("load-paste").addEventListener("click", guard(() => storeEvaluation($("paste").value)));
  $("file").addEventListener("change", guard(async () => { const f = $("file").files[0]; if (f) await storeEvaluation(await f.text()); }));
  $("chat-form").addEventListener("submit", guard(async e => {
    e.preventDefault();
    const text = $("chat-input").value.trim();
    if (!text) return;
    $("chat-input").value = "";
    $("chat-send").disabled = true;
    try { await send(text); } finally { $("chat-send").disabled = false; }
  }));
  $("chat-input").addEventListener("keydown", enterSends);
  $("conversations").addEventListener("change", guard(async () => { if ($("conversations").value) await reopenConversation($("conversations").value); }));
  $("new-conversation").addEventListener("click", guard(newConversation));
  $("draft-button").addEventListener("click", guard(async () => {
    $("draft-button").disabled = true;
    status("正在起草……");
    try {
      const d = await json("/api/v1/evaluations/" + state.evaluationId + "/drafts", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ section: $("draft-section").value }) });
      renderDraft(d.draft, d.version);
      status("草稿第" + d.version + "版已保存");
    } finally { $("draft-button").disabled = false; }
  }));
  $("recheck").addEventListener("click", guard(recheck));
  $("copy").addEventListener("click", guard(async () => {
    const area = $("draft-text");
    try { await navigator.clipboard.writeText(area.value); } catch (e) { area.select(); document.execCommand("copy"); }
    status("已复制");
  }));
  if (state.key) guard(refreshStored)();
});
