using Assistant.Domain.Corpus;
using Assistant.Features.Corpus;
using Assistant.Features.Storage;
using Assistant.Testing;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace Assistant.Api.Tests;

/// <summary>
/// When every word of a query is common, the lexical half asks for passages holding its rarest words
/// together; when no passage holds them together, it falls back to the passages holding the rarest
/// alone (under the same row budget) instead of returning nothing.
/// </summary>
public sealed class LexicalFallbackTests : IAsyncLifetime
{
    private readonly TestDatabase database = new("lexfallback");
    private IHost host = null!;

    public async Task InitializeAsync()
    {
        host = await CorpusHost.StartAsync(database.ConnectionString);
        var store = host.Services.GetRequiredService<CorpusStore>();

        // 空缺 and 及时 each in several passages, never in the same one.
        string[] vacancies = ["部分公益性岗位空缺，人员退出后补录较慢。", "乡镇岗位空缺集中在偏远地区，报名人数不足。", "护林岗位空缺由村委会推荐人选。"];
        string[] timely = ["补贴资金及时拨付到位，发放准确。", "培训补贴及时审核，按月拨付。", "就业见习补贴及时发放，见习人员满意。"];
        for (int i = 0; i < 3; i++)
        {
            string text = $"# 某县{i + 1}号就业补助资金\n\n## 2024年度绩效自评报告\n\n## 一、绩效目标分解下达情况\n\n{vacancies[i]}\n\n## 二、绩效情况分析\n\n{timely[i]}\n";
            Assert.Equal(IngestResult.Ingested, (await store.IngestTextAsync($"fallback-{i}.md", text, source: "test")).Status);
        }
    }

    public async Task DisposeAsync()
    {
        host.Dispose();
        await database.DisposeAsync();
    }

    [Fact]
    public async Task RarestWordsNeverTogether_FallBackToTheRarestAlone()
    {
        const string query = "岗位空缺未及时补充";
        var dataSource = host.Services.GetRequiredService<NpgsqlDataSource>();
        var rows = new List<(long Id, string[] Terms)>();
        await using (var cmd = dataSource.CreateCommand("SELECT id, terms FROM corpus_passages"))
        await using (var r = await cmd.ExecuteReaderAsync())
        {
            while (await r.ReadAsync())
            {
                rows.Add((r.GetInt64(0), r.GetFieldValue<string[]>(1)));
            }
        }

        // A row budget of 1 makes every word common: the plan is a conjunction, and no passage holds it.
        const int budget = 1;
        await using var connection = await dataSource.OpenConnectionAsync();
        var plan = await CorpusSearch.LexicalPlanAsync(connection, query, budget, CancellationToken.None);
        Assert.NotNull(plan);
        Assert.True(plan.All);
        Assert.DoesNotContain(rows, r => plan.Candidates.All(r.Terms.Contains));
        string rarest = plan.Candidates[0];
        var holdingRarest = rows.Where(r => r.Terms.Contains(rarest)).Select(r => r.Id).ToHashSet();
        Assert.NotEmpty(holdingRarest);

        var search = new CorpusSearch(dataSource, host.Services.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>(), lexicalRowBudget: budget);
        var hits = (await search.SearchAsync(new SearchRequest(query, 10, null, null, null, null, SearchMode.Lexical))).Hits;

        Assert.NotEmpty(hits);
        Assert.All(hits, h => Assert.Contains(h.PassageId, holdingRarest));
        Assert.True(hits.Count <= budget, $"the row budget holds for the fallback too: {hits.Count} hits");
    }
}
