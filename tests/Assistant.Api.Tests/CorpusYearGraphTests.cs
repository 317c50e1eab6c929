using Assistant.Domain.Corpus;
using Assistant.Features.Corpus;
using Assistant.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Assistant.Api.Tests;

/// <summary>How a year gets its own graph (<see cref="YearGraphs"/>, issue 21, session 36) when reports arrive one at a time, concurrently.</summary>
public sealed class CorpusYearGraphTests
{
    /// <summary>
    /// Reports of years the corpus has never held, ingested concurrently (several of the same new year at once, and
    /// other new years beside them): every one is stored, each year gets exactly one valid graph, no year without
    /// reports gets one, and a search filtered to a new year finds only that year's passages through its graph.
    /// </summary>
    [Fact]
    public async Task ConcurrentReportsOfNewYears_AreAllStored_AndEachYearGetsOneGraph()
    {
        await using var database = new TestDatabase("year_graphs");
        using var host = await CorpusHost.StartAsync(database.ConnectionString);
        var store = host.Services.GetRequiredService<CorpusStore>();
        var dataSource = host.Services.GetRequiredService<NpgsqlDataSource>();
        int[] years = [2019, 2019, 2019, 2026, 2026, 2030, 2019, 2026];
        var results = await Task.WhenAll(years.Select((year, i) =>
        {
            var (name, text) = SyntheticCorpus.Report(3000 + i);
            return store.IngestTextAsync(name, text, new ReportHints(Region: "广西壮族自治区河池市", Year: year), "synthetic");
        }));
        Assert.All(results, r => Assert.Equal(IngestResult.Ingested, r.Status));

        var graphs = new List<string>();
        await using (var cmd = dataSource.CreateCommand(
            $"SELECT i.relname FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid WHERE x.indrelid = 'corpus_passages'::regclass AND x.indisvalid AND i.relname LIKE '{YearGraphs.IndexPrefix}%' ORDER BY 1"))
        await using (var r = await cmd.ExecuteReaderAsync())
        {
            while (await r.ReadAsync())
            {
                graphs.Add(r.GetString(0));
            }
        }

        Assert.Equal(["ix_corpus_passages_embedding_year2019", "ix_corpus_passages_embedding_year2026", "ix_corpus_passages_embedding_year2030"], graphs);

        // Ensuring again builds nothing; a year out of the searchable range gets no graph.
        await using var connection = await dataSource.OpenConnectionAsync();
        Assert.Empty(await YearGraphs.EnsureAsync(connection, [2019, 2026, 2030, null, 1850, 2500], CancellationToken.None));
        Assert.Empty(await YearGraphs.MissingAsync(connection, [], CancellationToken.None));
        Assert.Equal([2031], await YearGraphs.EnsureAsync(connection, [2031], CancellationToken.None));

        var search = host.Services.GetRequiredService<CorpusSearch>();
        foreach (int year in new[] { 2019, 2026, 2030 })
        {
            var hits = (await search.SearchAsync(new SearchRequest("见习岗位供给不足", 10, Year: year, Mode: SearchMode.Vector))).Hits;
            Assert.NotEmpty(hits);
            await using var check = dataSource.CreateCommand("SELECT count(*) FROM corpus_passages WHERE id = ANY($1) AND year IS DISTINCT FROM $2");
            check.Parameters.Add(new NpgsqlParameter { Value = hits.Select(h => h.PassageId).ToArray() });
            check.Parameters.Add(new NpgsqlParameter { Value = year });
            Assert.Equal(0L, (long)(await check.ExecuteScalarAsync())!);
        }
    }
}
