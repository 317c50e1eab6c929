// The staff page's import panel (kept apart from app.js): read an .xlsx / .docx / copied text with
// POST /evaluations/import, show the table as read cell by cell (unsure cells marked with their
// warning, every cell titled with where it came from), correct cells in place (the score follows
// through POST /evaluations/score), fill in a table from scratch, then store it with POST /evaluations.
// Uses app.js's helpers ($, el, json, api, status, guard, refreshStored, openEvaluation); text nodes only.
"use strict";

const importState = { result: null, table: null, timer: null, seq: 0 };

const LEVEL2 = {
  "产出指标": ["数量指标", "质量指标", "时效指标", "成本指标"],
  "效益指标": ["经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标"],
  "满意度指标": ["服务对象满意度指标"],
  "成本指标": ["经济成本指标", "社会成本指标", "生态环境成本指标"],
};

const FUND_COLUMNS = [["name", "资金名称"], ["parent", "上级"], ["initialBudget", "年初预算数"], ["budget", "全年预算数"], ["executed", "全年执行数"], ["printedRate", "执行率"], ["printedScore", "得分"]];
const INDICATOR_COLUMNS = [["name", "三级指标"], ["unit", "单位"], ["target", "年度指标值"], ["actual", "实际完成值"], ["weight", "分值"], ["printedScore", "得分"], ["deviationNote", "偏差原因"]];

async function importDocument(form) {
  status("正在读取……");
  const response = await api("/api/v1/evaluations/import", { method: "POST", body: form });
  importState.result = await response.json();
  showImported(0);
  const n = importState.result.count;
  status("读到" + n + "张表" + (n > 1 ? "，请选择一张核对" : "") + "；请逐格核对后保存");
}

function importFile(file) {
  const form = new FormData();
  form.append("file", file, file.name);
  return importDocument(form);
}

function importPasted() {
  const text = $("import-paste").value;
  if (!text.trim()) throw new Error("请先粘贴从 PDF 或 Word 复制的表格文字");
  const form = new FormData();
  form.append("text", text);
  return importDocument(form);
}

function blankTable() {
  const year = new Date().getFullYear() - 1;
  importState.result = null;
  importState.table = {
    kind: "project", title: "", year: year,
    funds: { unit: "万元", weight: "10", lines: [
      { name: "年度资金总额" }, { name: "当年财政拨款", parent: "年度资金总额" }, { name: "其他资金", parent: "年度资金总额" }] },
    indicators: [{ level1: "产出指标", level2: "数量指标", name: "" }],
    provenance: {}, warnings: [],
  };
  renderImport();
  status("新建空白表：填写各格后保存");
}

function showImported(index) {
  importState.table = structuredClone(importState.result.tables[index]);
  renderImport();
  if (importState.table.score) renderImportScore(importState.table.score);
}

/** The value at a dotted path (funds.lines.2.budget), and setting it. */
function getPath(obj, path) { return path.split(".").reduce((o, k) => (o == null ? undefined : o[k]), obj); }
function setPath(obj, path, value) {
  const keys = path.split(".");
  const last = keys.pop();
  const target = keys.reduce((o, k) => o[k], obj);
  if (value === "" && last !== "target" && last !== "actual" && last !== "name") delete target[last]; else target[last] = value;
}

/** The contract path a warning or provenance uses (funds.lines[2].budget) for an input's dotted path. */
function contractPath(path) { return path.replace(/\.(\d+)(?=\.|$)/g, "[$1]"); }

function warningsFor(path) {
  const p = contractPath(path);
  return (importState.table.warnings || []).filter(w => w.path === p);
}

function cellInput(path, label) {
  const value = getPath(importState.table, path);
  const warnings = warningsFor(path);
  const source = (importState.table.provenance || {})[contractPath(path)];
  const title = [label, source ? "来自 " + source : null, ...warnings.map(w => "⚠ " + w.zh + " / " + w.en)].filter(Boolean).join("\n");
  return el("input", {
    class: "cell" + (warnings.length ? " unsure" : ""), "data-path": path, "aria-label": label, title,
    value: value == null ? "" : String(value),
    oninput: e => { setPath(importState.table, path, e.target.value); e.target.classList.add("edited"); scheduleImportScore(); },
  });
}

function level1Select(index) {
  const ind = importState.table.indicators[index];
  return el("select", { "aria-label": "一级指标", "data-path": "indicators." + index + ".level1",
    onchange: e => { ind.level1 = e.target.value; ind.level2 = (LEVEL2[ind.level1] || [""])[0]; renderImport(); scheduleImportScore(); } },
  ...Object.keys(LEVEL2).concat(ind.level1 && !LEVEL2[ind.level1] ? [ind.level1] : []).map(l => el("option", { value: l, selected: l === ind.level1 }, l)));
}

function level2Select(index) {
  const ind = importState.table.indicators[index];
  const options = (LEVEL2[ind.level1] || []).concat(ind.level2 && !(LEVEL2[ind.level1] || []).includes(ind.level2) ? [ind.level2] : []);
  return el("select", { "aria-label": "二级指标", "data-path": "indicators." + index + ".level2",
    onchange: e => { ind.level2 = e.target.value; scheduleImportScore(); } },
  ...options.map(l => el("option", { value: l, selected: l === ind.level2 }, l)));
}

function renderImport() {
  const t = importState.table;
  const chooser = importState.result && importState.result.count > 1
    ? el("label", {}, "第几张表：", el("select", { id: "import-table", onchange: e => showImported(Number(e.target.value)) },
      ...importState.result.tables.map((x, i) => el("option", { value: i, selected: x.title === t.title }, (i + 1) + ". " + x.title))))
    : null;
  const meta = el("div", { class: "import-meta" },
    el("label", {}, "项目名称", cellInput("title", "项目名称")),
    el("label", {}, "年度", cellInput("year", "年度")),
    el("label", {}, "类型", el("select", { "aria-label": "类型", onchange: e => { t.kind = e.target.value; scheduleImportScore(); } },
      el("option", { value: "project", selected: t.kind === "project" }, "项目支出（计分）"),
      el("option", { value: "transfer", selected: t.kind === "transfer" }, "转移支付（不计分）"))),
    el("label", {}, "主管部门", cellInput("department", "主管部门")),
    el("label", {}, "实施单位", cellInput("implementer", "实施单位")),
    el("label", {}, "资金分值", cellInput("funds.weight", "资金分值")));
  const funds = el("table", { id: "import-funds" },
    el("tr", {}, ...FUND_COLUMNS.map(([, h]) => el("th", {}, h)), el("th", {}, "")),
    ...t.funds.lines.map((line, i) => el("tr", {},
      ...FUND_COLUMNS.map(([k, h]) => el("td", {}, cellInput("funds.lines." + i + "." + k, h))),
      el("td", {}, el("button", { type: "button", title: "删除这一行", onclick: () => { t.funds.lines.splice(i, 1); renderImport(); scheduleImportScore(); } }, "×")))));
  const indicators = el("table", { id: "import-indicators" },
    el("tr", {}, el("th", {}, "一级指标"), el("th", {}, "二级指标"), ...INDICATOR_COLUMNS.map(([, h]) => el("th", {}, h)), el("th", {}, "")),
    ...t.indicators.map((ind, i) => el("tr", { "data-row": i },
      el("td", {}, level1Select(i)), el("td", {}, level2Select(i)),
      ...INDICATOR_COLUMNS.map(([k, h]) => el("td", {}, cellInput("indicators." + i + "." + k, h))),
      el("td", {}, el("button", { type: "button", title: "删除这一行", onclick: () => { t.indicators.splice(i, 1); renderImport(); scheduleImportScore(); } }, "×")))));
  const warnings = t.warnings || [];
  $("import-result").replaceChildren(
    chooser || "",
    meta,
    el("h3", {}, "项目资金（" + (t.funds.unit || "万元") + "）"), funds,
    el("button", { type: "button", id: "import-add-line", onclick: () => { t.funds.lines.push({ name: "", parent: t.funds.lines.length ? t.funds.lines[0].name : undefined }); renderImport(); } }, "添加资金行"),
    el("h3", {}, "绩效指标"), indicators,
    el("button", { type: "button", id: "import-add-row", onclick: () => { const last = t.indicators[t.indicators.length - 1] || {}; t.indicators.push({ level1: last.level1 || "产出指标", level2: last.level2 || "数量指标", name: "", target: "", actual: "" }); renderImport(); } }, "添加指标"),
    el("div", { class: "import-meta" },
      el("label", {}, "分值合计", cellInput("printedWeightTotal", "分值合计")),
      el("label", {}, "总分（表上打印的）", cellInput("printedTotal", "总分"))),
    warnings.length ? el("div", { id: "import-warnings" }, el("h3", {}, "读取时不确定的地方（" + warnings.length + "）"),
      el("ul", {}, ...warnings.map(w => el("li", {}, w.path + "（" + w.source + "）：" + w.zh + " / " + w.en)))) : "",
    el("div", { id: "import-score" }),
    el("button", { type: "button", id: "import-store", onclick: guard(storeImported) }, "保存这张表"));
  for (const sel of $("import-result").querySelectorAll("select")) {
    for (const o of sel.options) if (o.hasAttribute("selected")) sel.value = o.value;
  }
}

/** The table as the contract carries it: the editor's values without the import's extra fields. */
function importedEvaluation() {
  const t = structuredClone(importState.table);
  for (const k of ["source", "provenance", "warnings", "score", "problems"]) delete t[k];
  if (t.year === "" || t.year == null) delete t.year; else if (/^\d{4}$/.test(String(t.year))) t.year = Number(t.year);
  return t;
}

function scheduleImportScore() {
  clearTimeout(importState.timer);
  importState.timer = setTimeout(() => guard(scoreImported)(), 300);
}

async function scoreImported() {
  const seq = ++importState.seq;
  let response;
  try {
    response = await api("/api/v1/evaluations/score", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(importedEvaluation()) });
  } catch (e) {
    if (seq === importState.seq) $("import-score").replaceChildren(el("p", { class: "finding-error" }, "还不能计分：" + e.message));
    return;
  }
  const score = await response.json();
  if (seq === importState.seq) renderImportScore(score);
}

function renderImportScore(score) {
  const findings = score.findings.filter(f => f.severity !== "info");
  $("import-score").replaceChildren(
    el("p", {}, score.total ? el("span", { class: "total", id: "import-total" }, "总分 " + score.total + " · " + score.grade) : "转移支付表，不计总分"),
    el("ul", { id: "import-findings" }, ...findings.map(f => el("li", { class: "finding-" + f.severity }, f.message))));
}

async function storeImported() {
  const created = await json("/api/v1/evaluations", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(importedEvaluation()) });
  await refreshStored();
  await openEvaluation(created.id);
  status("已保存：" + (created.score && created.score.title || importState.table.title));
}

document.addEventListener("DOMContentLoaded", () => {
  $("import-file").addEventListener("change", guard(async () => { const f = $("import-file").files[0]; if (f) await importFile(f); }));
  $("import-read-paste").addEventListener("click", guard(importPasted));
  $("import-blank").addEventListener("click", guard(async () => blankTable()));
  const drop = $("import-drop");
  drop.addEventListener("dragover", e => { e.preventDefault(); drop.classList.add("over"); });
  drop.addEventListener("dragleave", () => drop.classList.remove("over"));
  drop.addEventListener("drop", guard(async e => {
    e.preventDefault();
    drop.classList.remove("over");
    const f = e.dataTransfer.files[0];
    if (f) await importFile(f);
  }));
});
