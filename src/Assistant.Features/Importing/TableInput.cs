using System.Text;
using Assistant.Domain.Evaluations;
using Assistant.Features.Evaluations;

namespace Assistant.Features.Importing;

/// <summary>A table given as a file: <c>assistant.evaluation/v1</c> JSON, or any document the importer reads.</summary>
public sealed record TableSource(IReadOnlyList<Evaluation> Evaluations, IReadOnlyList<string> Titles, string? Text, ImportResult? Import);

/// <summary>Where the CLI and the API take a table, they take a JSON evaluation or a document (several tables: choose one, or use all to check a report).</summary>
public static class TableInput
{
    /// <summary>Is the content a JSON evaluation (an object after optional BOM and whitespace)?</summary>
    public static bool IsJson(string? fileName, byte[] content)
    {
        if (fileName is not null && fileName.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        int i = content.Length >= 3 && content[0] == 0xEF && content[1] == 0xBB && content[2] == 0xBF ? 3 : 0;
        while (i < content.Length && content[i] is (byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t')
        {
            i++;
        }

        return i < content.Length && content[i] == (byte)'{';
    }

    /// <summary>One table: the JSON, or the document's only table, or table <paramref name="table"/> (1-based).</summary>
    public static Evaluation LoadOne(string? fileName, byte[] content, int? table, CancellationToken ct = default)
    {
        TableSource source = Load(fileName, content, table, ct);
        if (source.Evaluations.Count == 1)
        {
            return source.Evaluations[0];
        }

        return ImportContract.ToEvaluation(ImportContract.Pick(source.Import!, table));
    }

    /// <summary>Every table (or table <paramref name="table"/> alone) and the document's text.</summary>
    public static TableSource Load(string? fileName, byte[] content, int? table, CancellationToken ct = default)
    {
        if (IsJson(fileName, content))
        {
            string json;
            try
            {
                json = new UTF8Encoding(false, true).GetString(content).TrimStart('\uFEFF');
            }
            catch (DecoderFallbackException)
            {
                throw new InputException("file", "JSON 文件不是有效的 UTF-8 文本", "the JSON file is not valid UTF-8");
            }

            Evaluation e = EvaluationJson.Parse(json);
            return new TableSource([e], [e.Title], null, null);
        }

        ImportResult result = DocumentImporter.Import(fileName, content, ct);
        var tables = table is null ? result.Tables : [ImportContract.Pick(result, table)];
        return new TableSource(tables.Select(ImportContract.ToEvaluation).ToList(), tables.Select(t => t.Title ?? string.Empty).ToList(), result.Text, result);
    }
}
