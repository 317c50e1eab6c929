using System.Text.Json;
using Assistant.Domain.Facts;
using Assistant.Domain.Numbers;
using Assistant.Domain.Verification;

namespace Assistant.Features.Evaluations;

/// <summary>A verification (CONTRACT §3).</summary>
public sealed record VerificationResponse(string Schema, IReadOnlyList<MentionDto> Mentions, IReadOnlyList<ClaimDto> Claims, VerificationSummaryDto Summary);

public sealed record MentionDto(int Start, int Length, string Text, string? Value, string? Unit, string Kind, string? Qualifier, string Verdict, string? FactId, string? Note);

public sealed record ClaimDto(int Start, int Length, string Text, string Claim, string Verdict, string? FactId, string? Note);

public sealed record VerificationSummaryDto(int Numbers, int Verified, int Derived, int Identifiers, int Unverified, int Contradicted, int Claims, int ClaimsContradicted, int OutOfScope = 0, int ClaimsOutOfScope = 0);

public static class VerificationContract
{
    /// <summary>Longest text accepted for verification (characters).</summary>
    public const int MaxTextLength = TextBudget.MaxChars;

    public static VerificationResponse Verify(FactSheet sheet, string text)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        CheckText(text);
        return ToResponse(Verifier.Verify(sheet, text));
    }

    /// <summary>The text's checks before a verification: present, not too long, within the budget.</summary>
    public static void CheckText(string? text)
    {
        if (text is null || text.Length > MaxTextLength)
        {
            throw new InputException("text", $"待核对文字不能为空，且不超过{MaxTextLength}字", $"text is required and at most {MaxTextLength} characters");
        }

        TextBudget.Check(text, "text");
    }

    /// <summary>The contract form of a verification.</summary>
    public static VerificationResponse ToResponse(VerificationReport r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new VerificationResponse(
            "assistant.verification/v1",
            r.Mentions.Select(m => new MentionDto(
                m.Mention.Start + Leading(m.Mention.Text), m.Mention.Text.Trim().Length, m.Mention.Text.Trim(),
                m.Mention.Number is { } n ? n.ToString() : null,
                m.Mention.Unit.IsEmpty ? null : m.Mention.Unit.Text,
                Kind(m.Mention.Kind), m.Mention.Qualifier, Name(m.Verdict), m.FactId, m.Note)).ToList(),
            r.Claims.Select(c => new ClaimDto(c.Start, c.Length, c.Text, c.Kind switch
            {
                ClaimKind.Exceeded => "exceeded",
                ClaimKind.Short => "short",
                ClaimKind.Grade => "grade",
                _ => "met",
            }, Name(c.Verdict), c.FactId, c.Note)).ToList(),
            new VerificationSummaryDto(r.Summary.Numbers, r.Summary.Verified, r.Summary.Derived, r.Summary.Identifiers, r.Summary.Unverified, r.Summary.Contradicted, r.Summary.Claims, r.Summary.ClaimsContradicted,
                r.Summary.OutOfScope, r.Summary.ClaimsOutOfScope));
    }

    /// <summary>The white space a mention's text starts with (a number read with the tab before it): its span is given without it.</summary>
    private static int Leading(string text) => text.Length - text.TrimStart().Length;

    /// <summary>Reads <c>{ "evaluation": {…}, "text": "…", "policy": "…" }</c>.</summary>
    public static (Domain.Evaluations.Evaluation Evaluation, string Text, string? Policy) ParseRequest(string json)
    {
        var (evaluation, text, policy, _) = Parse(json, keyed: false);
        return (evaluation, text, policy);
    }

    /// <summary>
    /// As <see cref="ParseRequest"/>, with the table's content key for <see cref="PreparedVerifiers"/> (the SHA-256 of the
    /// evaluation's canonical JSON, the policy as sent and the build) and the canonical JSON's length.
    /// </summary>
    public static (Domain.Evaluations.Evaluation Evaluation, string Text, string? Policy, (string Key, int Bytes) Table) ParseKeyedRequest(string json) =>
        Parse(json, keyed: true);

    private static (Domain.Evaluations.Evaluation Evaluation, string Text, string? Policy, (string Key, int Bytes) Table) Parse(string json, bool keyed)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using JsonDocument doc = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 32 });
            JsonElement root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new InputException("body", "请求体必须是JSON对象", "the body must be a JSON object");
            }

            var errors = new List<InputError>();
            Domain.Evaluations.Evaluation? evaluation = null;
            if (!root.TryGetProperty("evaluation", out JsonElement e) || e.ValueKind != JsonValueKind.Object)
            {
                errors.Add(e.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null
                    ? new InputError("evaluation", "缺少自评表（evaluation对象）", "evaluation (an object) is required")
                    : JsonTypes.Wrong("evaluation", e.ValueKind, "自评表对象", "an evaluation object"));
            }
            else
            {
                try
                {
                    evaluation = EvaluationJson.Read(e);
                }
                catch (InputException ex)
                {
                    errors.AddRange(ex.Errors.Select(x => x with { Field = "evaluation." + x.Field }));
                }
            }

            string? text = root.TryGetProperty("text", out JsonElement t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
            if (text is null)
            {
                // Present with another type (12345, an array) is not "missing": say what was received.
                errors.Add(t.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null
                    ? new InputError("text", "缺少待核对文字（字符串）", "text (a string) is required")
                    : JsonTypes.Wrong("text", t.ValueKind, "待核对文字（字符串）", "the text to check (a string)"));
            }
            else
            {
                try
                {
                    TextBudget.Check(text, "text");
                }
                catch (InputException ex)
                {
                    errors.AddRange(ex.Errors);
                }
            }

            string? policy = root.TryGetProperty("policy", out JsonElement p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;
            if (p.ValueKind is not (JsonValueKind.Undefined or JsonValueKind.Null or JsonValueKind.String))
            {
                errors.Add(JsonTypes.Wrong("policy", p.ValueKind, "规则名称（字符串）", "a policy name (a string)"));
            }

            if (errors.Count > 0)
            {
                throw new InputException(errors);
            }

            return (evaluation!, text!, policy, keyed ? PreparedVerifiers.KeyOf(e, policy ?? "\0") : default);
        }
        catch (JsonException)
        {
            throw new InputException("body", "JSON格式错误", "malformed JSON");
        }
    }

    private static string Kind(MentionKind kind) => kind switch
    {
        MentionKind.Percent => "percent",
        MentionKind.Money => "money",
        MentionKind.Year => "year",
        MentionKind.Date => "date",
        MentionKind.DocumentNumber => "document-number",
        MentionKind.Ordinal => "ordinal",
        _ => "quantity",
    };

    /// <summary>A verdict as the contract writes it (verified, out-of-scope…).</summary>
    public static string Name(Verdict verdict) => verdict switch
    {
        Verdict.Verified => "verified",
        Verdict.Derived => "derived",
        Verdict.Identifier => "identifier",
        Verdict.Contradicted => "contradicted",
        Verdict.OutOfScope => "out-of-scope",
        _ => "unverified",
    };
}
