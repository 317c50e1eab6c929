using System.Text.Json;
using System.Text.RegularExpressions;
using Assistant.Features.Evaluations;

namespace Assistant.Api.Infrastructure;

/// <summary>
/// What a request value that did not bind to an endpoint's parameter (<c>?cases=abc</c>, a missing required query
/// value, a JSON body of the wrong shape) is called in both languages, naming the parameter or the JSON field.
/// The framework's messages are read for the parameter's name and type; anything else is "the body".
/// </summary>
internal static partial class BindingProblems
{
    public static InputError From(BadHttpRequestException bad)
    {
        ArgumentNullException.ThrowIfNull(bad);
        if (bad.InnerException is JsonException json)
        {
            return JsonTypes.Error(json, null);
        }

        Match m = FailedToBind().Match(bad.Message);
        if (m.Success)
        {
            string name = m.Groups["name"].Value;
            string value = m.Groups["value"].Value;
            value = value.Length > 40 ? value[..40] + "…" : value;
            (string zh, string en) = Expected(m.Groups["type"].Value);
            return new InputError(name, $"{name}应为{zh}，收到“{value}”", $"{name} must be {en}; received \"{value}\"");
        }

        m = Required().Match(bad.Message);
        if (m.Success)
        {
            string name = m.Groups["name"].Value;
            (string zh, string en) = Expected(m.Groups["type"].Value);
            return new InputError(name, $"缺少{name}（{zh}）", $"{name} ({en}) is required");
        }

        return new InputError("body", "无法读取请求体", $"the request body could not be read ({bad.StatusCode})");
    }

    private static (string Zh, string En) Expected(string type) => Bare(type) switch
    {
        "int" or "Int32" or "long" or "Int64" or "short" => ("整数", "a whole number"),
        "decimal" or "double" or "float" => ("数字", "a number"),
        "bool" or "Boolean" => ("true 或 false", "true or false"),
        "Guid" => ("编号（GUID）", "an id (a GUID)"),
        "DateTimeOffset" or "DateTime" or "DateOnly" => ("日期时间（如 2026-01-31T00:00:00Z）", "a date and time (such as 2026-01-31T00:00:00Z)"),
        "string" or "String" => ("文字", "text"),
        _ => ($"{type}类型的值", $"a value of type {type}"),
    };

    /// <summary>The type without its nullable wrapping (<c>int?</c>, <c>Nullable&lt;int&gt;</c> → <c>int</c>).</summary>
    private static string Bare(string type)
    {
        string t = type.TrimEnd('?');
        return t.StartsWith("Nullable<", StringComparison.Ordinal) && t.EndsWith('>') ? t["Nullable<".Length..^1] : t;
    }

    [GeneratedRegex("^Failed to bind parameter \"(?<type>[^\" ]+) (?<name>[^\"]+)\" from \"(?<value>.*)\"\\.$", RegexOptions.Singleline)]
    private static partial Regex FailedToBind();

    [GeneratedRegex("^Required parameter \"(?<type>[^\" ]+) (?<name>[^\"]+)\" was not provided")]
    private static partial Regex Required();
}
