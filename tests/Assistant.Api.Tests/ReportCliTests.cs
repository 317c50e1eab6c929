using System.Text.Json;
using Assistant.Domain.Reporting;
using Assistant.Testing;
using DocumentFormat.OpenXml.Packaging;

namespace Assistant.Api.Tests;

/// <summary><c>assistant report</c> through the real executable: with a database (the corpus), and with none reachable (offline).</summary>
public sealed class ReportCliTests : IAsyncLifetime
{
    private readonly TestDatabase database = new("cli_report");

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Fact]
    public async Task Report_WritesWordExcelTextAndJson_OfflineWithoutADatabase()
    {
        string dir = Directory.CreateTempSubdirectory("report-cli-").FullName;
        string table = Shared.Reference("zhongwei-2024-entrepreneurship-fund");
        string docx = Path.Combine(dir, "r.docx");
        (int exit, _, string stderr) = await CliProcess.RunAsync(database.ConnectionString, "report", "--evaluation", table, "--output", docx);
        Assert.True(exit == 0, stderr);
        using (WordprocessingDocument doc = WordprocessingDocument.Open(docx, false))
        {
            string body = doc.MainDocumentPart!.Document!.Body!.InnerText;
            Assert.All(ReportParts.All, p => Assert.Contains(p.Heading, body, StringComparison.Ordinal));
            Assert.Contains("89.47", body, StringComparison.Ordinal);
            Assert.True(ReportText.IsSubmittable(body));
        }

        string xlsx = Path.Combine(dir, "t.xlsx");
        Assert.Equal(0, (await CliProcess.RunAsync(database.ConnectionString, "report", "--evaluation", table, "--format", "xlsx", "--output", xlsx)).Exit);
        using (SpreadsheetDocument book = SpreadsheetDocument.Open(xlsx, false))
        {
            Assert.Equal(2, book.WorkbookPart!.WorksheetParts.Count());
        }

        // No database reachable: still a whole report, offline, and a note on stderr.
        const string Nowhere = "Host=127.0.0.1;Port=1;Username=postgres;Database=none;Timeout=2";
        (exit, string text, stderr) = await CliProcess.RunAsync(Nowhere, "report", "--evaluation", table, "--format", "text");
        Assert.True(exit == 0, stderr);
        Assert.StartsWith("一、绩效目标分解下达情况", text, StringComparison.Ordinal);
        Assert.Contains("offline", stderr, StringComparison.Ordinal);

        (exit, string json, _) = await CliProcess.RunAsync(database.ConnectionString, "report", "--evaluation", table, "--format", "json");
        Assert.Equal(0, exit);
        using JsonDocument parsed = JsonDocument.Parse(json);
        Assert.Equal(5, parsed.RootElement.GetProperty("parts").GetArrayLength());
        Assert.Equal("89.47", parsed.RootElement.GetProperty("total").GetString());

        (exit, _, stderr) = await CliProcess.RunAsync(database.ConnectionString, "report", "--evaluation", table, "--format", "pdf", "--output", docx);
        Assert.Equal(2, exit);
        Assert.Contains("format", stderr, StringComparison.Ordinal);
        (exit, _, stderr) = await CliProcess.RunAsync(database.ConnectionString, "report", "--evaluation", table);
        Assert.Equal(2, exit);
        Assert.Contains("output", stderr, StringComparison.Ordinal);
        Directory.Delete(dir, recursive: true);
    }
}
