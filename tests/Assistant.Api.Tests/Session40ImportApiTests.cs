using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Assistant.Domain.Scoring;
using Assistant.Features.Evaluations;
using Assistant.Features.Reporting;
using Assistant.Testing;

namespace Assistant.Api.Tests;

/// <summary>
/// Session 40 (outside tester): <c>POST /verify/report</c> with a workbook (a table, no report) answered 200 with one mention,
/// and an import with no file at all said the file was empty. Both are now 422s naming <c>file</c>, in Chinese and English.
/// </summary>
public class Session40ImportApiTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static byte[] Workbook()
    {
        var e = EvaluationJson.Parse(File.ReadAllText(Shared.Reference("zhongwei-2024-internship-subsidy")));
        using var ms = new MemoryStream();
        TableXlsx.Write(ms, e, Calculator.Score(e));
        return ms.ToArray();
    }

    private static async Task<string> FileError(HttpResponseMessage r)
    {
        string body = await r.Content.ReadAsStringAsync();
        Assert.True(r.StatusCode == HttpStatusCode.UnprocessableEntity, $"{(int)r.StatusCode} {body}");
        return (string)JsonNode.Parse(body)!["errors"]!["file"]![0]!;
    }

    [Theory]
    [InlineData("table.xlsx")]
    [InlineData("table.xlsm")]
    [InlineData("table.csv")]
    public async Task VerifyReport_WithASpreadsheet_Is422_SayingThereIsNoReportText(string fileName)
    {
        using HttpClient client = factory.CreateClient();
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Workbook());
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        using HttpResponseMessage r = await client.PostAsync(new Uri("/api/v1/verify/report", UriKind.Relative), form);
        string message = await FileError(r);
        Assert.Contains("没有报告正文", message, StringComparison.Ordinal);
        Assert.Contains("no report text", message, StringComparison.Ordinal);

        // The same workbook still imports as a table.
        using var again = new MultipartFormDataContent();
        var f2 = new ByteArrayContent(Workbook());
        f2.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        again.Add(f2, "file", "table.xlsx");
        using HttpResponseMessage ok = await client.PostAsync(new Uri("/api/v1/evaluations/import", UriKind.Relative), again);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
    }

    [Theory]
    [InlineData("/api/v1/evaluations/import")]
    [InlineData("/api/v1/verify/report")]
    public async Task NoFileAtAll_Is422_SayingTheFileIsMissing_NotEmpty(string path)
    {
        using HttpClient client = factory.CreateClient();
        using var empty = new ByteArrayContent([]);
        using HttpResponseMessage r = await client.PostAsync(new Uri(path, UriKind.Relative), empty);
        string message = await FileError(r);
        Assert.Contains("请求中没有文件", message, StringComparison.Ordinal);
        Assert.DoesNotContain("文件为空", message, StringComparison.Ordinal);
        Assert.Contains("carries no file", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnEmptyFileWithAName_IsStillSaidToBeEmpty()
    {
        using HttpClient client = factory.CreateClient();
        using var empty = new ByteArrayContent([]);
        using HttpResponseMessage r = await client.PostAsync(new Uri("/api/v1/evaluations/import?fileName=t.xlsx", UriKind.Relative), empty);
        Assert.Contains("文件为空", await FileError(r), StringComparison.Ordinal);
    }
}
