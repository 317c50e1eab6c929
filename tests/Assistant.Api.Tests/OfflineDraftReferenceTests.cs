using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Assistant.Domain.Drafting;
using Assistant.Domain.Facts;
using Assistant.Features.Corpus;
using Assistant.Features.Evaluations;
using Microsoft.Extensions.DependencyInjection;

namespace Assistant.Api.Tests;

/// <summary>
/// The offline drafter on the five reference tables, through the API with a real corpus: every item
/// that needs explaining is covered in reasons and measures, sources are cited, no number is unverified.
/// </summary>
public class OfflineDraftReferenceTests(CorpusApiFactory factory) : IClassFixture<CorpusApiFactory>
{
    public static TheoryData<string> Tables() => new(Shared.Tables);

    [Theory]
    [MemberData(nameof(Tables))]
    public async Task Section3_CoversEveryItem_CitesSources_HasNoUnverifiedNumber(string table)
    {
        await factory.SeedAsync();
        using HttpClient client = factory.CreateClient();
        string json = await File.ReadAllTextAsync(Shared.Reference(table));
        using HttpResponseMessage stored = await client.PostAsync(new Uri("/api/v1/evaluations", UriKind.Relative), new StringContent(json, Encoding.UTF8, "application/json"));
        string id = (string)JsonNode.Parse(await stored.Content.ReadAsStringAsync())!["id"]!;
        using HttpResponseMessage response = await client.PostAsync(new Uri($"/api/v1/evaluations/{id}/drafts", UriKind.Relative),
            new StringContent("""{"provider":"offline"}""", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        JsonNode draft = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["draft"]!;

        // What needs explaining, computed independently from the table.
        var expected = DeviationItems.Find(FactSheet.Build(EvaluationJson.Parse(json)));
        Assert.NotEmpty(expected);
        var items = draft["items"]!.AsArray();
        Assert.Equal(expected.Select(e => e.Name), items.Select(i => (string)i!["name"]!));

        Assert.Equal("verified", (string?)draft["status"]);
        JsonNode summary = draft["verification"]!["summary"]!;
        Assert.Equal(0, (int)summary["unverified"]!);
        Assert.Equal(0, (int)summary["contradicted"]!);
        Assert.Equal(0, (int)summary["claimsContradicted"]!);
        Assert.True((int)summary["verified"]! > 0);
        Assert.Empty(draft["masked"]!.AsArray());
        Assert.Empty(draft["uncovered"]!.AsArray());

        // Each item has a reason paragraph and a measure paragraph.
        Assert.All(items, i => Assert.True(i!["paragraphs"]!.AsArray().Count >= 2, (string)i["name"]!));

        // Every citation points at a stored passage of the corpus (a table may have none: a precedent is
        // cited only when it fits, and nothing in the corpus fits the operating-funds table).
        var paragraphs = draft["paragraphs"]!.AsArray();
        var cited = paragraphs.Where(p => p!["citations"]!.AsArray().Count > 0).ToList();
        Assert.True(cited.Count > 0 || table == "zhongwei-2024-employment-operating-funds", "no paragraph cites a source");
        Assert.All(cited.SelectMany(p => p!["citations"]!.AsArray()), c =>
        {
            Assert.NotEqual(Guid.Empty, Guid.Parse((string)c!["documentId"]!));
            Assert.True((long)c["passageId"]! > 0);
            Assert.False(string.IsNullOrWhiteSpace((string?)c["excerpt"]));
        });

        // Where the drafter supplies the reason (the unit gave none), no two items get the same sentence
        // (names and numbers taken out); a reason the unit repeated is flagged as repeated instead.
        var reasonBodies = items.Select((i, n) => (Item: i!, n))
            .Where(x => x.Item["statedReason"] is null)
            .Select(x => ((string)paragraphs[(int)x.Item["paragraphs"]![0]!]!["text"]!).Replace(expected[x.n].Name, string.Empty, StringComparison.Ordinal))
            .Select(t => Regex.Replace(t, @"[\d.,%万亿元人个家项分]+", "#"))
            .ToList();
        Assert.Equal(reasonBodies.Count, reasonBodies.Distinct(StringComparer.Ordinal).Count());
        Assert.All(paragraphs.Skip(1), p => Assert.True(((string)p!["text"]!).Length > 8));
        var notes = draft["notes"]!.AsArray();
        var repeated = items.Where(i => i!["statedReason"] is not null)
            .GroupBy(i => (string)i!["statedReason"]!).Where(g => g.Count() > 1);
        Assert.All(repeated, g => Assert.Contains(notes, n => (string)n!["kind"]! == ReviewNoteKinds.RepeatedReason && ((string)n["message"]!).Contains(g.Key, StringComparison.Ordinal)));

        // Notes to the unit are beside the text, never in it; every item the unit gave no reason for has one.
        string text = (string)draft["text"]!;
        Assert.DoesNotMatch("请单位|建议单位|核实补充|核实后确定", text);
        Assert.All(items.Where(i => i!["statedReason"] is null),
            i => Assert.Contains(notes, n => (string?)n!["item"] == (string)i!["id"]! && (string)n["kind"]! == ReviewNoteKinds.MissingReason));

        // The rubric finds none of the defects a reviewer would mark.
        var sheet = FactSheet.Build(EvaluationJson.Parse(json));
        DraftDefects defects = DraftQuality.Score(
            sheet,
            expected,
            paragraphs.Select(p => new ReviewedParagraph((string)p!["text"]!, p["items"]!.AsArray().Select(x => (string)x!).ToList(), p["citations"]!.AsArray().Select(c => (int)c!["source"]!).ToList())).ToList(),
            draft["sources"]!.AsArray().Select(c => new ReviewedSource((int)c!["source"]!, (string)c["title"]!, (string?)c["region"], (int?)c["year"], (string?)c["indicator"])).ToList(),
            notes.Select(n => new ReviewNote((string)n!["kind"]!, (string)n["message"]!, (string?)n["item"], (int?)n["indicatorIndex"], (string?)n["indicator"], (string?)n["part"])).ToList());
        Assert.True(defects.Total == 0, string.Join("\n", defects.Details));
    }
}
