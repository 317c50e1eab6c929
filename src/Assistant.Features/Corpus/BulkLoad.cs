using Assistant.Domain.Corpus;

namespace Assistant.Features.Corpus;

/// <summary>One document given to a bulk load: its name (reported back) and how to read its text.</summary>
/// <param name="Name">The file name, as results and errors name it.</param>
/// <param name="ReadText">Reads the report text; an <see cref="Evaluations.InputException"/> or an I/O error fails this document only.</param>
public sealed record BulkInput(string Name, Func<CancellationToken, string> ReadText);

/// <summary>What a bulk load does with the corpus's search indexes (HNSW, GIN).</summary>
public enum BulkIndexes
{
    /// <summary>Drop and rebuild when the load is large against what is stored (<see cref="CorpusBulkLoader.RebuildWhen"/>).</summary>
    Auto,

    /// <summary>Always drop before the load and rebuild after it.</summary>
    Rebuild,

    /// <summary>Keep the indexes live (each row is indexed as it is written).</summary>
    Keep,
}

/// <summary>When a large load's graphs (HNSW) are built (session 38).</summary>
public enum BulkGraphs
{
    /// <summary>
    /// While the exact in-memory scan serves the vector half (<c>ExactScan:Enabled</c>, the built-in embeddings, the
    /// corpus within <c>ExactScan:MaxBytes</c>), a load that dropped the indexes returns once the rows, the words' index
    /// and the term counts are in, and leaves the graphs to <see cref="CorpusGraphBuilder"/>, in the background;
    /// otherwise as <see cref="Now"/>.
    /// </summary>
    Background,

    /// <summary>Every index, graphs included (and those earlier loads left owed), is built before the load returns.</summary>
    Now,
}

/// <summary>How a bulk load runs.</summary>
public sealed record BulkOptions
{
    public ReportHints? Hints { get; init; }

    public string Source { get; init; } = "upload";

    /// <summary>The owning unit (null: published, as the command line stores).</summary>
    public string? Owner { get; init; }

    public BulkIndexes Indexes { get; init; } = BulkIndexes.Auto;

    /// <summary>Whether a large load's graphs are built before it returns or in the background (<see cref="BulkGraphs"/>).</summary>
    public BulkGraphs Graphs { get; init; } = BulkGraphs.Background;

    /// <summary>Check every document first and store none when one fails (the API); otherwise failures are skipped and reported.</summary>
    public bool AllOrNothing { get; init; }

    /// <summary>
    /// All or nothing in one transaction (the synchronous API): each batch is written as soon as it is
    /// prepared, under a savepoint of one transaction committed after the last; the first document that
    /// fails (unreadable, or refused by the database) stops the writing and everything is rolled back,
    /// every failing document named. Preparing and writing overlap, unlike <see cref="AllOrNothing"/>
    /// alone, which checks every document before writing any (and commits batch by batch: a job's
    /// progress is visible as it moves). <see cref="OnResult"/> hears a batch's outcomes when its
    /// savepoint is released, before the commit. A load that dropped the indexes rebuilds them even
    /// when it is rolled back (a failed large upload costs that rebuild).
    /// </summary>
    public bool OneTransaction { get; init; }

    /// <summary>Documents per batch (one transaction each); about 25 passages a document.</summary>
    public int BatchDocuments { get; init; } = 200;

    /// <summary>Called for each document once its outcome is known (in input order).</summary>
    public Action<int, IngestResult>? OnResult { get; init; }

    /// <summary>
    /// Called inside each batch's transaction, before it commits, with the documents the batch stored or
    /// found already stored and the passages it wrote: a job's progress moves with the rows it counts.
    /// </summary>
    public Func<Npgsql.NpgsqlConnection, Npgsql.NpgsqlTransaction, int, long, CancellationToken, Task>? OnBatchWriting { get; init; }
}

/// <summary>What a bulk load did, with its timings.</summary>
public sealed record BulkLoadReport(
    IngestSummary Summary,
    long PassagesStored,
    bool Written,
    IReadOnlyList<string> IndexesRebuilt,
    double LoadSeconds,
    double IndexSeconds,
    int ResumedLoads)
{
    /// <summary>Each rebuilt index's definition (followed by " -- " and the server's notices during its build, if any) with the seconds its build took.</summary>
    public IReadOnlyList<(string Definition, double Seconds)> IndexTimings { get; init; } = [];

    /// <summary>
    /// The graphs still owed when the load returned (definitions, whole graph first), built in the background by
    /// <see cref="CorpusGraphBuilder"/>; empty when every index was built before returning. Since session 39 the documents'
    /// vector B-tree (<see cref="DocumentScope.VectorIndex"/>) is owed with them (<see cref="CorpusGraphBuilder.MayOwe"/>).
    /// </summary>
    public IReadOnlyList<string> GraphsOwed { get; init; } = [];
}
