using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Assistant.Testing;

namespace Assistant.Api.Tests;

/// <summary>
/// Probe 30 over HTTP: target and actual in one cell (xlsx, pasted text), an Acrobat copy whose empty cells
/// left no line (pasted as the tester did), 一级 as section rows (docx); each read whole and scored.
/// </summary>
public class ImportProbe30ApiTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static string Case(string file) => Path.Combine(RepoPaths.Repo, "eval", "cases", "import", file);

    private static async Task<JsonNode> PostAsync(HttpClient client, HttpContent content)
    {
        using HttpResponseMessage r = await client.PostAsync(new Uri("/api/v1/evaluations/import", UriKind.Relative), content);
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        return JsonNode.Parse(await r.Content.ReadAsStringAsync())!;
    }

    [Theory]
    [InlineData("probe30-T04-xinjiang-target-actual-one-cell.xlsx", 7, 3, "98.10")]
    [InlineData("henan-zhoukou-target-actual-one-cell.xlsx", 6, 2, "95.67")]
    [InlineData("probe30-T05-guizhou-section-rows.docx", 8, 3, "96.0")]
    [InlineData("guangxi-chongzuo-actual-first-section-rows.docx", 4, 1, "98.50")]
    public async Task Import_File_EveryIndicatorRead_NoneAsAFundLine(string file, int indicators, int fundLines, string total)
    {
        using HttpClient client = factory.CreateClient();
        var form = new MultipartFormDataContent();
        var body = new ByteArrayContent(await File.ReadAllBytesAsync(Case(file)));
        body.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(body, "file", file);
        JsonNode table = (await PostAsync(client, form))["tables"]![0]!;
        Assert.Equal(indicators, table["indicators"]!.AsArray().Count);
        Assert.Equal(fundLines, table["funds"]!["lines"]!.AsArray().Count);
        Assert.StartsWith(total, (string)table["score"]!["total"]!, StringComparison.Ordinal);
        Assert.All(table["indicators"]!.AsArray(), i => Assert.NotNull(i!["level1"]));
    }

    [Theory]
    [InlineData("probe30-T11-zhejiang-acrobat-copy.txt", 6, 3, "98.20")]
    [InlineData("anhui-luan-acrobat-copy-empty-cells-vanish.txt", 6, 4, "97.40")]
    public async Task Import_PastedText_RowsRebuilt_PrintedTotalNotAccused(string file, int indicators, int fundLines, string total)
    {
        using HttpClient client = factory.CreateClient();
        using var form = new MultipartFormDataContent { { new StringContent(await File.ReadAllTextAsync(Case(file))), "text" } };
        JsonNode json = await PostAsync(client, form);
        JsonNode table = json["tables"]![0]!;
        Assert.Equal(indicators, table["indicators"]!.AsArray().Count);
        Assert.Equal(fundLines, table["funds"]!["lines"]!.AsArray().Count);
        Assert.Equal(total, (string)table["score"]!["total"]!);
        Assert.DoesNotContain("total.printed", json.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_UnreadableIndicatorHeader_SaysWhichColumn_NoIndicatorNamesAsFundLines()
    {
        // No indicator can be read (one column holds target and actual as "≥3000→2700"): since session 31 the
        // answer is 422, naming the column it could not read, and the indicator rows are not taken as fund lines.
        string text = "项目名称\t良种补贴\n项目资金（万元）\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分\n年度资金总额\t800.00\t800.00\t720.00\t10\t90.00%\t9.00\n"
            + "一级指标\t二级指标\t三级指标\t绩效实绩\t分值\t得分\n产出指标（90分）\t数量指标\t种公羊补贴只数（只）\t≥3000→2700\t90\t81.00\n总分\t\t\t\t100\t90.00\n";
        using HttpClient client = factory.CreateClient();
        using var form = new MultipartFormDataContent { { new StringContent(text), "text" } };
        using HttpResponseMessage r = await client.PostAsync(new Uri("/api/v1/evaluations/import", UriKind.Relative), form);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, r.StatusCode);
        string body = System.Text.RegularExpressions.Regex.Unescape(await r.Content.ReadAsStringAsync());
        Assert.Contains("绩效实绩", body, StringComparison.Ordinal);
        Assert.DoesNotContain("种公羊补贴只数（只）\",\"initialBudget", body, StringComparison.Ordinal);
    }
}
