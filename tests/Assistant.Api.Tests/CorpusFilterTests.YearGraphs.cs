using Assistant.Features.Corpus;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Assistant.Api.Tests;

/// <summary>A year's own graph (<see cref="YearGraphs"/>, issue 21, session 36): built when a year is first ingested, read by a year filter, the answer still the exact filtered one.</summary>
public sealed partial class CorpusFilterTests
{
    /// <summary>
    /// Every year the corpus holds got its own graph when its first report was ingested (the store builds it), and
    /// none other exists; a year filter's vector half reads that graph: the year's index is scanned by the product's
    /// search (its scan counter grows; without the year graph only the whole graph's would) and the answer is the exact
    /// filtered one, read through the year's graph or the whole graph, for every viewer, with other filters on top.
    /// On this small corpus the planner would rather scan, so sequential scans and sorts are priced out (as for the
    /// section's graph) and the plan of the year's read is asserted.
    /// </summary>
    [Theory]
    [InlineData("见习岗位供给不足", 2023, null, null)]
    [InlineData("培训机构师资不足开班推迟", 2022, null, null)]
    [InlineData("资金下达时间较晚", 2023, "资金", null)]
    [InlineData("审核把关不严", 2021, "资金", null)]
    [InlineData("合作银行审批收紧", 2023, null, "赤峰")]
    [InlineData("项目实施进度滞后", 2024, null, null)]
    [InlineData("政策知晓率偏低", 2022, null, "弥勒")]
    public async Task VectorSearch_UnderAYearFilter_ReadsTheYearsOwnGraph_AndIsTheExactFilteredAnswer(string query, int year, string? fund, string? region)
    {
        var dataSource = host.Services.GetRequiredService<NpgsqlDataSource>();
        var years = rows.Where(r => r.Year is not null).Select(r => r.Year!.Value).Distinct().Order().Select(y => YearGraphs.IndexName(y)).ToList();
        Assert.Contains(YearGraphs.IndexName(year), years);
        Assert.Equal(years, await NamesAsync(dataSource, $"SELECT indexname FROM pg_indexes WHERE tablename = 'corpus_passages' AND indexname LIKE '{YearGraphs.IndexPrefix}%' ORDER BY 1"));

        await using var indexOnly = IndexOnly(pooling: false);
        string own = YearGraphs.IndexName(year);
        Assert.Contains(await PlanAsync(indexOnly, CorpusSearch.YearVectorSql(year), null, fund, region), l => l.Contains("Index Scan using " + own + " on", StringComparison.Ordinal));
        Assert.DoesNotContain(await PlanAsync(indexOnly, CorpusSearch.VectorSql, null, fund, region), l => l.Contains(YearGraphs.IndexPrefix, StringComparison.Ordinal));

        var embedder = host.Services.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>();
        var request = Request(query, region, year, null, fund, SearchMode.Vector);
        foreach (string? viewer in new[] { null, UnitA, UnitB })
        {
            var expected = await NearestAsync(request, viewer);
            Assert.NotEmpty(expected);
            using var scope = CorpusAudience.For(viewer);
            long before = await ScansAsync(dataSource, own);
            var read = (await new CorpusSearch(indexOnly, embedder, exactScanPassages: 0).SearchAsync(request)).Hits.Select(h => h.PassageId).ToList();
            Assert.True(await ScansGrowAsync(dataSource, own, before), $"viewer {viewer}: the search did not read {own}");

            before = await ScansAsync(dataSource, own);
            var whole = (await new CorpusSearch(indexOnly, embedder, exactScanPassages: 0, yearIndexes: false).SearchAsync(request)).Hits.Select(h => h.PassageId).ToList();
            Assert.False(await ScansGrowAsync(dataSource, own, before, TimeSpan.FromSeconds(2)), $"viewer {viewer}: the whole graph's search read {own}");
            Assert.True(expected.SequenceEqual(read), $"viewer {viewer}, year's graph: expected [{string.Join(",", expected)}], got [{string.Join(",", read)}]");
            Assert.True(expected.SequenceEqual(whole), $"viewer {viewer}, whole graph: expected [{string.Join(",", expected)}], got [{string.Join(",", whole)}]");
        }
    }

    /// <summary>A year without its graph (dropped here in a transaction rolled back) is read through the whole graph, with the same answer.</summary>
    [Fact]
    public async Task AYearWithoutItsGraph_IsReadThroughTheWholeGraph()
    {
        await using var connection = await host.Services.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync();
        Assert.True(await YearGraphs.ExistsAsync(connection, 2023, CancellationToken.None));
        Assert.False(await YearGraphs.ExistsAsync(connection, 1999, CancellationToken.None));
        Assert.False(await YearGraphs.ExistsAsync(connection, 2100, CancellationToken.None));

        // A year no passage holds: no graph, the whole graph's read, no hit.
        var embedder = host.Services.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>();
        await using var indexOnly = IndexOnly(pooling: false);
        var none = await new CorpusSearch(indexOnly, embedder, exactScanPassages: 0).SearchAsync(Request("见习岗位供给不足", null, 1999, null, null, SearchMode.Vector));
        Assert.Empty(none.Hits);
    }

    private static async Task<List<string>> NamesAsync(NpgsqlDataSource dataSource, string sql)
    {
        var names = new List<string>();
        await using var cmd = dataSource.CreateCommand(sql);
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync())
        {
            names.Add(r.GetString(0));
        }

        return names;
    }

    /// <summary>The index's scan counter (the statistics collector's; a closed connection's counts are in it once its backend has exited).</summary>
    private static async Task<long> ScansAsync(NpgsqlDataSource dataSource, string index)
    {
        // Its own statement, outside a transaction: a fresh statistics snapshot.
        await using var cmd = dataSource.CreateCommand("SELECT coalesce((SELECT idx_scan FROM pg_stat_user_indexes WHERE indexrelname = $1), -1)");
        cmd.Parameters.Add(new NpgsqlParameter { Value = index });
        return (long)(await cmd.ExecuteScalarAsync())!;
    }

    /// <summary>Whether the index's scan counter grows past <paramref name="before"/> within <paramref name="wait"/> (10 s unless told).</summary>
    private static async Task<bool> ScansGrowAsync(NpgsqlDataSource dataSource, string index, long before, TimeSpan? wait = null)
    {
        var until = DateTime.UtcNow + (wait ?? TimeSpan.FromSeconds(10));
        while (DateTime.UtcNow < until)
        {
            if (await ScansAsync(dataSource, index) > before)
            {
                return true;
            }

            await Task.Delay(100);
        }

        return false;
    }
}
