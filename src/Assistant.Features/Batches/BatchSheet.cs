using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Assistant.Features.Batches;

/// <summary>
/// The review sheet of a batch: sheet 审核队列 (the queue in rank order with each reason) and sheet
/// 全部问题 (every finding of every submission, by rank), header rows frozen and filterable.
/// </summary>
public static class BatchSheet
{
    public static readonly string[] QueueHeader = ["排名", "材料", "单位", "项目名称", "总分", "执行率", "风险分", "风险等级", "排名原因", "状态", "错误原因"];
    public static readonly string[] FindingsHeader = ["排名", "材料", "来源", "代码", "级别", "问题", "位置", "表"];

    public static void Write(Stream output, JobStatus job, IReadOnlyList<BatchItemDetail> items)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(items);
        using var stream = new MemoryStream();
        using (SpreadsheetDocument doc = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            WorkbookPart wb = doc.AddWorkbookPart();
            wb.Workbook = new Workbook();
            Sheets sheets = wb.Workbook.AppendChild(new Sheets());
            var queue = new List<object?[]> { QueueHeader };
            var findings = new List<object?[]> { FindingsHeader };
            for (int i = 0; i < items.Count; i++)
            {
                BatchItemDetail x = items[i];
                int rank = i + 1;
                queue.Add([rank, x.Document, x.Unit, x.Title, x.Total, x.ExecutionRate, x.RiskScore, Level(x.RiskLevel), Reasons(x), Status(x.Status), x.ErrorZh is null ? null : $"{x.ErrorZh} / {x.ErrorEn}"]);
                foreach (BatchFinding f in x.Findings)
                {
                    findings.Add([rank, x.Document, Source(f.Source), f.Code, f.Severity, f.Message, f.Where, f.Table]);
                }
            }

            Add(wb, sheets, 1, "审核队列", queue, [6, 36, 18, 36, 8, 10, 8, 8, 70, 8, 50]);
            Add(wb, sheets, 2, "全部问题", findings, [6, 36, 8, 32, 8, 90, 24, 30]);
        }

        stream.Position = 0;
        stream.CopyTo(output);
    }

    private static string Reasons(BatchItemDetail x) =>
        x.Reasons.Count == 0 ? "未发现问题" : string.Join("；", x.Reasons.Select(r => $"{r.Zh}（{r.Count}处，{r.Points}分）"));

    private static string Level(string? level) => level switch
    {
        "high" => "高",
        "medium" => "中",
        "low" => "低",
        "none" => "无",
        _ => string.Empty,
    };

    private static string Status(string status) => status switch
    {
        BatchItemStatus.Done => "已检查",
        BatchItemStatus.Failed => "失败",
        _ => "排队中",
    };

    private static string Source(string source) => source switch
    {
        "table" => "自评表",
        "review" => "评审标准",
        "report" => "报告",
        "import" => "读取",
        _ => source,
    };

    private static void Add(WorkbookPart wb, Sheets sheets, uint id, string name, List<object?[]> rows, double[] widths)
    {
        WorksheetPart part = wb.AddNewPart<WorksheetPart>();
        var data = new SheetData();
        for (int r = 0; r < rows.Count; r++)
        {
            var row = new Row { RowIndex = (uint)(r + 1) };
            for (int c = 0; c < rows[r].Length; c++)
            {
                string reference = $"{(char)('A' + c)}{r + 1}";
                object? value = rows[r][c];
                if (value is int n)
                {
                    row.Append(new Cell { CellReference = reference, DataType = CellValues.Number, CellValue = new CellValue(n.ToString(CultureInfo.InvariantCulture)) });
                }
                else if (value is string { Length: > 0 } s)
                {
                    row.Append(new Cell { CellReference = reference, DataType = CellValues.InlineString, InlineString = new InlineString(new Text(Clean(s)) { Space = SpaceProcessingModeValues.Preserve }) });
                }
            }

            data.Append(row);
        }

        var columns = new Columns();
        for (int c = 0; c < widths.Length; c++)
        {
            columns.Append(new Column { Min = (uint)(c + 1), Max = (uint)(c + 1), Width = widths[c], CustomWidth = true });
        }

        var view = new SheetViews(new SheetView(new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen }) { WorkbookViewId = 0 });
        part.Worksheet = new Worksheet(view, columns, data);
        if (rows.Count > 1)
        {
            part.Worksheet.Append(new AutoFilter { Reference = $"A1:{(char)('A' + rows[0].Length - 1)}{rows.Count}" });
        }

        sheets.Append(new Sheet { Id = wb.GetIdOfPart(part), SheetId = id, Name = name });
    }

    /// <summary>Cells hold at most 32,767 characters and no control characters.</summary>
    private static string Clean(string s)
    {
        string t = new([.. s.Where(ch => !char.IsControl(ch) || ch is '\n' or '\t')]);
        return t.Length > 32_000 ? t[..32_000] : t;
    }
}
