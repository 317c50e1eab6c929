using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Assistant.Features.Records;
using DocumentFormat.OpenXml.Packaging;

namespace Assistant.Api.Tests;

/// <summary>
/// Session 35's leftover (i35-chatedit): the reasons and measures a unit gives in chat are part 三's wherever 三 is drafted —
/// <c>POST /evaluations/{id}/drafts</c>, the report (<c>POST …/report</c>, as a job too, hence the Word export) and the command
/// line's <c>draft</c>/<c>report</c> of a stored table — from one source (<c>ChatEdits.TableForDraftingAsync</c>). One table
/// (the reference internship table), a measure named by its row in two phrasings.
/// </summary>
public sealed class Session36ReportEditsTests(CorpusApiFactory factory) : IClassFixture<CorpusApiFactory>
{
    public static TheoryData<string, string, string> Edits => new()
    {
        // table, message, the words that must be in 三
        { "zhongwei-2024-internship-subsidy", "把机关事业单位实习生数量的措施换成：拓展国有企业和科研院所实习岗位，按月通报上岗人数", "拓展国有企业和科研院所实习岗位，按月通报上岗人数" },
        { "zhongwei-2024-internship-subsidy", "参加就业见习人员数量的改进措施改为：对接工业园区企业增设见习岗位，见习期满优先留用", "对接工业园区企业增设见习岗位，见习期满优先留用" },
    };

    [Theory]
    [MemberData(nameof(Edits))]
    public async Task AMeasureGivenInChat_IsInTheReport_ItsJob_TheWordExport_AndTheCommandLine(string table, string message, string measure)
    {
        await factory.SeedAsync();
        HttpClient client = factory.ClientFor(ApiRoles.Admin, ApiFactory.Unit);
        Guid evaluation = await client.StoreAsync(table);
        Guid conversation = await client.StartAsync(evaluation);
        IReadOnlyList<Sse> edit = await client.AskAsync(conversation, message);
        Assert.Contains(measure, edit.Said(), StringComparison.Ordinal);

        // The report drafted at once: its part 三 carries the measure; so does the Word export of that version.
        using (HttpResponseMessage r = await client.PostAsJsonAsync(new Uri($"/api/v1/evaluations/{evaluation}/report", UriKind.Relative), new { sourcesPerItem = 0 }))
        {
            Assert.Equal(HttpStatusCode.Created, r.StatusCode);
            Assert.Contains(measure, Deviation(await r.Content.ReadFromJsonAsync<JsonElement>()), StringComparison.Ordinal);
        }

        using (HttpResponseMessage docx = await client.GetAsync(new Uri($"/api/v1/evaluations/{evaluation}/report.docx", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
            using var doc = WordprocessingDocument.Open(new MemoryStream(await docx.Content.ReadAsByteArrayAsync()), false);
            string body = doc.MainDocumentPart!.Document.Body!.InnerText;
            Assert.Contains(measure, body, StringComparison.Ordinal);
            Assert.DoesNotContain("措施换成", body, StringComparison.Ordinal);
        }

        // The report drafted as a job.
        using var async = JsonContent.Create(new { sourcesPerItem = 0 });
        JsonElement created = await JobSupport.AcceptedAsync(client, $"/api/v1/evaluations/{evaluation}/report?async=true", async);
        JsonElement status = await JobSupport.WaitAsync(client, created.GetProperty("id").GetGuid());
        Assert.Equal("succeeded", status.GetProperty("state").GetString());
        JsonElement stored = await client.GetFromJsonAsync<JsonElement>(new Uri(status.GetProperty("result").GetProperty("location").GetString()!, UriKind.Relative));
        Assert.Contains(measure, Deviation(stored), StringComparison.Ordinal);

        // The command line, on the stored table of the unit: draft and report (text) carry it too; the file itself has no chat.
        (int exit, string stdout, string stderr) = await CliProcess.RunAsync(factory.ConnectionString,
            "draft", "--evaluation", evaluation.ToString(), "--unit", ApiFactory.Unit, "--format", "text");
        Assert.True(exit == 0, stderr);
        Assert.Contains(measure, stdout, StringComparison.Ordinal);
        (exit, stdout, stderr) = await CliProcess.RunAsync(factory.ConnectionString,
            "report", "--evaluation", evaluation.ToString(), "--unit", ApiFactory.Unit, "--format", "text");
        Assert.True(exit == 0, stderr);
        Assert.Contains(measure, stdout, StringComparison.Ordinal);
        (exit, stdout, _) = await CliProcess.RunAsync(factory.ConnectionString, "draft", "--evaluation", Shared.Reference(table), "--format", "text");
        Assert.Equal(0, exit);
        Assert.DoesNotContain(measure, stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AStoredTableOnTheCommandLine_NeedsItsUnit_AndIsNeverAnotherUnits()
    {
        await factory.SeedAsync();
        HttpClient client = factory.ClientFor(ApiRoles.Admin, ApiFactory.Unit);
        Guid evaluation = await client.StoreAsync("zhongwei-2024-internship-subsidy");
        (int exit, _, string stderr) = await CliProcess.RunAsync(factory.ConnectionString, "draft", "--evaluation", evaluation.ToString(), "--format", "text");
        Assert.Equal(2, exit);
        Assert.Contains("--unit", stderr, StringComparison.Ordinal);
        (exit, _, stderr) = await CliProcess.RunAsync(factory.ConnectionString, "report", "--evaluation", evaluation.ToString(), "--unit", "别的单位", "--format", "text");
        Assert.Equal(2, exit);
        Assert.Contains("别的单位", stderr, StringComparison.Ordinal);
    }

    private static string Deviation(JsonElement envelope)
    {
        var sb = new StringBuilder();
        foreach (JsonElement part in envelope.GetProperty("report").GetProperty("parts").EnumerateArray())
        {
            if (part.GetProperty("key").GetString() == "deviation")
            {
                sb.Append(part.GetProperty("text").GetString());
            }
        }

        return sb.ToString();
    }
}
