using System.Text.Json;
using Assistant.Domain.Corpus;
using Assistant.Features.Batches;
using Assistant.Features.Evaluations;
using Assistant.Features.Jobs;
using Assistant.Features.Storage;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Assistant.Features.Corpus;

/// <summary>What a corpus ingestion job was asked (the fields of <c>POST /api/v1/corpus/reports/bulk</c>).</summary>
public sealed record CorpusJobInput(string? Title, string? Region, int? Year, string? Fund, string Source, string? Owner, BulkIndexes Indexes);

/// <summary>What a finished corpus ingestion job stored (the files' own outcomes are in <c>GET /api/v1/jobs/{id}/files</c>).</summary>
public sealed record CorpusJobResult(int Ingested, int Duplicates, int Failed, long Passages, IReadOnlyList<string> IndexesRebuilt);

/// <summary>
/// Ingests the reports uploaded with a job through the bulk loader (all or nothing, as the synchronous
/// request): the files are read from the job's rows, so any worker can run it. Progress (documents
/// and passages) moves inside each batch's transaction. An attempt that dies part-way leaves whole
/// batches; the next attempt finds their documents stored (the content-hash key) and counts them as
/// duplicates, so nothing is stored twice, and rebuilds any index the dead attempt had dropped.
/// </summary>
public sealed class CorpusIngestJobHandler(IDbContextFactory<AssistantDb> databases, CorpusBulkLoader loader, JobService jobs) : IJobHandler
{
    public string Kind => JobKinds.CorpusIngest;

    public bool RestartsProgress => true;

    public async Task RunAsync(JobRecord job, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(job);
        CorpusJobInput input = JsonSerializer.Deserialize<CorpusJobInput>(job.Input!, ScoreContract.JsonOptions)!;
        List<(Guid Id, string Name, byte[] Content)> files;
        await using (AssistantDb db = await databases.CreateDbContextAsync(ct))
        {
            files = (await db.JobFiles.AsNoTracking().Where(f => f.JobId == job.Id).OrderBy(f => f.Ordinal)
                .Select(f => new { f.Id, f.Name, f.Content }).ToListAsync(ct)).Select(f => (f.Id, f.Name, f.Content)).ToList();
        }

        Guid jobId = job.Id;
        var options = new BulkOptions
        {
            Hints = new ReportHints(input.Title, input.Region, input.Year, input.Fund),
            Source = input.Source,
            Owner = input.Owner,
            Indexes = input.Indexes,
            AllOrNothing = true,
            OnBatchWriting = async (connection, tx, documents, passages, c) =>
            {
                await using var cmd = new NpgsqlCommand("UPDATE jobs SET done = done + $2, passages = passages + $3 WHERE id = $1", connection, tx);
                cmd.Parameters.Add(new NpgsqlParameter { Value = jobId });
                cmd.Parameters.Add(new NpgsqlParameter { Value = documents });
                cmd.Parameters.Add(new NpgsqlParameter { Value = passages });
                await cmd.ExecuteNonQueryAsync(c);
            },
        };
        var inputs = files.Select(f => new BulkInput(f.Name, c => DocumentText.Read(f.Name, f.Content, c))).ToList();
        BulkLoadReport report = await loader.LoadAsync(inputs, options, ct);

        // Each file's outcome, and the job's, in one transaction.
        await using AssistantDb store = await databases.CreateDbContextAsync(ct);
        await using var transaction = await store.Database.BeginTransactionAsync(ct);
        var outcomes = report.Written
            ? report.Summary.Files.Select((r, i) => (files[i].Id, r)).ToList()
            : report.Summary.Files.Select(r => (files.First(f => f.Name == r.FileName).Id, r)).ToList();
        foreach (var (fileId, result) in outcomes)
        {
            bool failed = result.Status == IngestResult.Failed;
            (string? zh, string? en) = failed ? Split(result.Error) : (null, null);
            string json = JsonSerializer.Serialize(result, ScoreContract.JsonOptions);
            string status = failed ? JobFileStatus.Failed : JobFileStatus.Done;
            await store.Database.ExecuteSqlAsync(
                $"UPDATE job_files SET status = {status}, result = CAST({json} AS jsonb), error_zh = {zh}, error_en = {en}, finished_at = now() WHERE id = {fileId}", ct);
        }

        var deliveries = new List<Guid>();
        if (!report.Written)
        {
            await jobs.FinishAsync(store, jobId, countFiles: false, null,
                new JobError($"有 {report.Summary.Failed} 个报告无法读取，未入库任何报告（见各文件的原因）。", $"{report.Summary.Failed} reports could not be read; none was stored (see each file's reason)."),
                deliveries, done: 0, failed: report.Summary.Failed, ct: ct);
        }
        else
        {
            // The passages of every document of the upload, whichever attempt stored it (a retry finds earlier batches as duplicates).
            Guid[] documents = [.. report.Summary.Files.Where(f => f.DocumentId is not null).Select(f => f.DocumentId!.Value).Distinct()];
            long passages = await store.CorpusDocuments.Where(d => documents.Contains(d.Id)).SumAsync(d => (long)d.PassageCount, ct);
            await store.Database.ExecuteSqlAsync($"UPDATE jobs SET passages = {passages} WHERE id = {jobId}", ct);
            var result = new CorpusJobResult(report.Summary.Ingested, report.Summary.Duplicates, report.Summary.Failed, passages, report.IndexesRebuilt);
            await jobs.FinishAsync(store, jobId, countFiles: false, result, null, deliveries,
                done: report.Summary.Ingested + report.Summary.Duplicates, failed: report.Summary.Failed, ct: ct);
        }

        await transaction.CommitAsync(ct);
        jobs.Dispatch(deliveries);
    }

    /// <summary>The loader's "中文 / English" reason as its two halves.</summary>
    private static (string Zh, string En) Split(string? error)
    {
        string e = error ?? string.Empty;
        int at = e.IndexOf(" / ", StringComparison.Ordinal);
        return at < 0 ? (e, e) : (e[..at], e[(at + 3)..]);
    }
}
