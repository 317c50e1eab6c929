using Assistant.Features.Evaluations;

namespace Assistant.Api.Infrastructure;

/// <summary>
/// The layout of a score or facts answer, from the <c>pretty</c> query parameter. Since session 38 the
/// API answers compact JSON (no white space between tokens: about half the bytes of a score answer);
/// <c>?pretty=true</c> gives the indented form the CLI prints and the goldens hold. The JSON is the same
/// either way: white space is not part of the contract.
/// </summary>
public static class AnswerLayout
{
    /// <summary>
    /// True for an indented answer: <c>pretty</c> is <c>true</c> or <c>1</c>; false when it is absent, empty,
    /// <c>false</c> or <c>0</c>. Anything else is bad input naming the field (a 400), never a silent default.
    /// </summary>
    public static bool Indented(string? pretty) => pretty?.Trim() switch
    {
        null or "" => false,
        var v when v.Equals("true", StringComparison.OrdinalIgnoreCase) || v == "1" => true,
        var v when v.Equals("false", StringComparison.OrdinalIgnoreCase) || v == "0" => false,
        _ => throw new InputException(
            "pretty",
            "pretty 只能是 true 或 false（true：缩进排版的 JSON；默认 false：紧凑 JSON）。",
            "pretty must be true or false (true: indented JSON; the default, false: compact JSON)."),
    };
}
