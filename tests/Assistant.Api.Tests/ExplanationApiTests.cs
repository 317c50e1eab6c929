using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Assistant.Features.Records;

namespace Assistant.Api.Tests;

/// <summary>
/// <c>GET /api/v1/evaluations/{id}/indicators/{index}/explanation</c> for every row that lost points in
/// the five reference tables: the calculator's numbers, the stated reason or its absence, similar cases.
/// </summary>
public class ExplanationApiTests(CorpusApiFactory factory) : IClassFixture<CorpusApiFactory>
{
    [Fact]
    public async Task EveryShortRowOfTheFiveReferenceTables_IsExplainedFromTheCalculator()
    {
        await factory.SeedAsync();
        HttpClient client = factory.CreateClient();
        HttpClient reviewer = factory.ClientFor(ApiRoles.Reviewer, ApiFactory.Unit);
        int explained = 0;
        foreach (string table in Shared.Tables)
        {
            Guid id = await client.StoreAsync(table);
            JsonElement score = (await client.GetFromJsonAsync<JsonElement>($"/api/v1/evaluations/{id}")).GetProperty("score");
            var source = JsonNode.Parse(await File.ReadAllTextAsync(Shared.Reference(table)))!["indicators"]!.AsArray();
            foreach (JsonElement row in score.GetProperty("indicators").EnumerateArray())
            {
                bool lost = row.GetProperty("status").GetString() == "short"
                    || (row.GetProperty("weight").GetString() is { } w && row.GetProperty("score").GetString() is { } s && decimal.Parse(s, System.Globalization.CultureInfo.InvariantCulture) < decimal.Parse(w, System.Globalization.CultureInfo.InvariantCulture));
                if (!lost)
                {
                    continue;
                }

                int index = row.GetProperty("index").GetInt32();
                JsonElement e = await reviewer.GetFromJsonAsync<JsonElement>($"/api/v1/evaluations/{id}/indicators/{index}/explanation");
                JsonElement trace = e.GetProperty("trace");
                Assert.True(e.GetProperty("fellShort").GetBoolean());
                Assert.Equal(row.GetProperty("name").GetString(), trace.GetProperty("name").GetString());
                Assert.Equal(row.GetProperty("rule").GetString(), trace.GetProperty("rule").GetString());
                Assert.Equal(row.GetProperty("status").GetString(), trace.GetProperty("status").GetString());
                Assert.Equal(row.GetProperty("completionText").GetString(), trace.GetProperty("completionText").GetString());
                Assert.Equal(row.GetProperty("score").GetString(), trace.GetProperty("score").GetString());
                Assert.Equal(row.GetProperty("trace").GetString(), trace.GetProperty("computation").GetString());
                Assert.False(string.IsNullOrWhiteSpace(trace.GetProperty("ruleText").GetString()));

                string? note = source[index]!["deviationNote"]?.GetValue<string>();
                if (!string.IsNullOrWhiteSpace(note))
                {
                    Assert.Equal(note.Trim(), e.GetProperty("statedReason").GetString());
                }
                else if (row.GetProperty("status").GetString() == "short")
                {
                    Assert.Equal(JsonValueKind.Null, e.GetProperty("statedReason").ValueKind);
                    Assert.Contains("未填写", e.GetProperty("reasonFinding").GetString(), StringComparison.Ordinal);
                }

                var cases = e.GetProperty("similarCases").EnumerateArray().ToList();
                Assert.NotEmpty(cases);
                Assert.All(cases, c =>
                {
                    Assert.NotEqual(Guid.Empty, c.GetProperty("documentId").GetGuid());
                    Assert.True(c.GetProperty("passageId").GetInt64() > 0);
                    Assert.Equal("deviation-reason", c.GetProperty("section").GetString());
                });
                Assert.All(e.GetProperty("facts").EnumerateArray(), f => Assert.StartsWith($"indicators[{index}].", f.GetProperty("id").GetString(), StringComparison.Ordinal));
                explained++;
            }
        }

        // 12 since session 32: the operating table's 效果良好 against 效果显著 is short of its target (qualitative, weaker).
        Assert.Equal(12, explained);
    }

    [Fact]
    public async Task ANoteThatContradictsTheTable_IsReportedAsAContradiction()
    {
        await factory.SeedAsync();
        HttpClient client = factory.CreateClient();
        JsonNode table = JsonNode.Parse(await File.ReadAllTextAsync(Shared.Reference("zhongwei-2024-entrepreneurship-fund")))!;
        table["indicators"]![1]!["deviationNote"] = "本年实际完成500人，已超额完成";
        Guid id = await client.StoreAsync("x", table.ToJsonString());
        JsonElement e = await client.GetFromJsonAsync<JsonElement>($"/api/v1/evaluations/{id}/indicators/1/explanation?cases=0");
        var contradictions = e.GetProperty("contradictions").EnumerateArray().ToList();
        Assert.NotEmpty(contradictions);
        Assert.All(contradictions, c => Assert.Equal("偏差原因", c.GetProperty("source").GetString()));
        Assert.Empty(e.GetProperty("similarCases").EnumerateArray());
    }

    [Fact]
    public async Task AStoredDraftIsCheckedToo()
    {
        await factory.SeedAsync();
        HttpClient client = factory.CreateClient();
        Guid id = await client.StoreAsync("zhongwei-2024-internship-subsidy");
        using HttpResponseMessage drafted = await client.PostAsJsonAsync(new Uri($"/api/v1/evaluations/{id}/drafts", UriKind.Relative), new { section = "deviation" });
        Assert.Equal(HttpStatusCode.Created, drafted.StatusCode);
        JsonElement e = await client.GetFromJsonAsync<JsonElement>($"/api/v1/evaluations/{id}/indicators/0/explanation");
        Assert.Contains(e.GetProperty("textsChecked").EnumerateArray(), t => t.GetString()!.StartsWith("草稿 deviation", StringComparison.Ordinal));
        Assert.Empty(e.GetProperty("contradictions").EnumerateArray());
    }

    [Fact]
    public async Task UnknownEvaluationsAndUnits_Are404_RowsOutOfRangeAndBadCases400()
    {
        await factory.SeedAsync();
        HttpClient client = factory.CreateClient();
        Guid id = await client.StoreAsync("zhongwei-2024-internship-subsidy");

        // The evaluation exists: a row number past its rows is a 400 naming index (session 38), not "no such record".
        using HttpResponseMessage past = await client.GetAsync(new Uri($"/api/v1/evaluations/{id}/indicators/99/explanation", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, past.StatusCode);
        Assert.True((await past.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("index", out _));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri($"/api/v1/evaluations/{Guid.NewGuid()}/indicators/0/explanation", UriKind.Relative))).StatusCode);
        HttpClient other = factory.ClientFor(ApiRoles.Reviewer, "别的单位");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(new Uri($"/api/v1/evaluations/{id}/indicators/0/explanation", UriKind.Relative))).StatusCode);
        using HttpResponseMessage bad = await client.GetAsync(new Uri($"/api/v1/evaluations/{id}/indicators/0/explanation?cases=11", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.True((await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("cases", out _));
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.AnonymousClient().GetAsync(new Uri($"/api/v1/evaluations/{id}/indicators/0/explanation", UriKind.Relative))).StatusCode);
    }
}
