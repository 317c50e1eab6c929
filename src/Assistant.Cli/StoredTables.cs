using Assistant.Domain.Evaluations;
using Assistant.Features.Conversations;
using Assistant.Features.Evaluations;
using Assistant.Features.Records;
using Microsoft.Extensions.DependencyInjection;

namespace Assistant.Cli;

/// <summary>
/// <c>--evaluation ID --unit CODE</c> for <c>assistant draft</c> and <c>assistant report</c>: a table stored in the database,
/// drafted from the same table the web API drafts from (<see cref="ChatEdits.TableForDraftingAsync"/>: the reasons and
/// measures the unit gave in its conversations about it), instead of a file.
/// </summary>
internal static class StoredTables
{
    /// <summary>An evaluation id (a GUID that is not a file's path).</summary>
    public static bool IsId(string value, out Guid id)
    {
        id = Guid.Empty;
        return !string.IsNullOrWhiteSpace(value) && !File.Exists(value) && Guid.TryParse(value.Trim(), out id);
    }

    /// <summary>
    /// The stored table of <paramref name="unit"/> as stored (scored, and the Word export's annex, as the web API's export) and as drafted
    /// (with its chat edits); a clear error when the unit is missing or the table is not the unit's.
    /// </summary>
    public static async Task<(Evaluation Stored, Evaluation Drafted)> LoadAsync(IServiceProvider services, string? unit, Guid id, string? policy, bool database, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(unit))
        {
            throw new InputException("unit", "按已保存的自评表编号起草时需要 --unit（该表所属单位的代码）。", "--unit (the code of the table's unit) is required with a stored evaluation id.");
        }

        if (!database)
        {
            throw new InputException("evaluation", "数据库不可用，无法读取已保存的自评表。", "the database is unavailable, so a stored evaluation cannot be read.");
        }

        string code = unit.Trim();
        StoredEvaluation stored = await services.GetRequiredService<RecordStore>().GetEvaluationAsync(code, id, ct)
            ?? throw new InputException("evaluation", $"单位 {code} 没有编号为 {id} 的自评表。", $"unit {code} has no evaluation {id}.");
        return (EvaluationJson.Parse(stored.Body), await ChatEdits.TableForDraftingAsync(services.GetRequiredService<ConversationStore>(), code, stored, policy, ct));
    }
}
