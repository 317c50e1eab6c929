using Microsoft.Extensions.Options;

namespace Assistant.Features.Corpus;

/// <summary>
/// The exact in-memory vector scan (<see cref="ExactScanIndex"/>, issue 21, session 37), settings under <c>ExactScan</c>.
/// </summary>
public sealed class ExactScanSettings
{
    public const string Section = "ExactScan";

    /// <summary>Whether the index is built at all (<c>ExactScan:Enabled</c>; false: every vector search walks HNSW as before).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// The most memory the index may take, in bytes (<c>ExactScan:MaxBytes</c>; default 2 GiB). The estimate is
    /// passages × (4 × dimensions + <see cref="ExactScanIndex.RowOverheadBytes"/>): 1M passages of 384 dimensions take
    /// 1.57 GB. A corpus over it is not loaded (HNSW serves), and a loaded index that outgrows it is dropped.
    /// </summary>
    public long MaxBytes { get; set; } = 2L * 1024 * 1024 * 1024;

    /// <summary>How often, in seconds, passages stored by other processes are read into the index (<c>ExactScan:RefreshSeconds</c>).</summary>
    public int RefreshSeconds { get; set; } = 5;

    /// <summary>How often, in minutes, the index is reloaded whole (<c>ExactScan:CompactMinutes</c>): deleted passages leave it, re-embedded ones are read again.</summary>
    public int CompactMinutes { get; set; } = 60;

    /// <summary>
    /// Whether dense query vectors (more than 1/8 of the dimensions set: long passage-shaped queries, any model
    /// embedder's) are scanned too (<c>ExactScan:DenseQueries</c>; default false: they walk HNSW, whose recall for them
    /// is ≥ 0.95 and which costs less than reading every dimension of every passage). With a model embedder and this
    /// off, no query is sparse, so the index is not built.
    /// </summary>
    public bool DenseQueries { get; set; }

    /// <summary>How many threads one scan is split across (<c>ExactScan:Threads</c>; 0: the machine's cores).</summary>
    public int Threads { get; set; }

    /// <summary>Every problem, each naming its setting, in Chinese and English.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (MaxBytes < 0)
        {
            problems.Add("ExactScan:MaxBytes 不能为负数 / ExactScan:MaxBytes must not be negative.");
        }

        if (RefreshSeconds is < 1 or > 3600)
        {
            problems.Add("ExactScan:RefreshSeconds 必须在 1 到 3600 之间 / ExactScan:RefreshSeconds must be between 1 and 3600.");
        }

        if (CompactMinutes is < 1 or > 10080)
        {
            problems.Add("ExactScan:CompactMinutes 必须在 1 到 10080 之间 / ExactScan:CompactMinutes must be between 1 and 10080.");
        }

        if (Threads is < 0 or > 256)
        {
            problems.Add("ExactScan:Threads 必须在 0 到 256 之间 / ExactScan:Threads must be between 0 and 256.");
        }

        return problems;
    }
}

/// <summary>Every problem of the <c>ExactScan</c> settings stops the start.</summary>
internal sealed class ExactScanSettingsValidation : IValidateOptions<ExactScanSettings>
{
    public ValidateOptionsResult Validate(string? name, ExactScanSettings options)
    {
        ArgumentNullException.ThrowIfNull(options);
        IReadOnlyList<string> problems = options.Problems();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
