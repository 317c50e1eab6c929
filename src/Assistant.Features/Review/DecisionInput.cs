using System.Globalization;
using System.Text.Json;
using Assistant.Features.Evaluations;

namespace Assistant.Features.Review;

/// <summary>
/// A decision's body checked against what was submitted: every comment anchors to a finding of the
/// version's score, a paragraph of its report or one of its indicators; every 抽评 score names an
/// indicator and lies between 0 and its weight. Every field at fault is named (400).
/// </summary>
public static class DecisionInput
{
    public const int MaxComments = 200;
    public const int MaxCommentLength = 2000;

    public static (string Decision, string? Comment, IReadOnlyList<ReviewComment> Comments, IReadOnlyList<ReviewScore> Scores) Check(
        DecisionBody body, ScoreResponse score, IReadOnlyList<ReportParagraph> paragraphs)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(score);
        var errors = new List<InputError>();
        string decision = SubmissionStatus.Decision(body.Decision);
        string? comment = string.IsNullOrWhiteSpace(body.Comment) ? null : body.Comment.Trim();
        if (comment is { Length: > MaxCommentLength })
        {
            errors.Add(new InputError("comment", $"意见不超过{MaxCommentLength}字。", $"comment is at most {MaxCommentLength} characters."));
        }

        var comments = new List<ReviewComment>();
        IReadOnlyList<CommentBody> given = body.Comments ?? [];
        if (given.Count > MaxComments)
        {
            errors.Add(new InputError("comments", $"最多{MaxComments}条意见。", $"at most {MaxComments} comments."));
            given = [];
        }

        for (int i = 0; i < given.Count; i++)
        {
            CommentBody c = given[i] ?? new CommentBody();
            string f = $"comments[{i}]";
            string text = c.Text?.Trim() ?? string.Empty;
            if (text.Length is 0 or > MaxCommentLength)
            {
                errors.Add(new InputError(f + ".text", $"意见内容不能为空，且不超过{MaxCommentLength}字。", $"text is required, at most {MaxCommentLength} characters."));
                continue;
            }

            int anchors = (c.Finding is null ? 0 : 1) + (c.Part is null && c.Paragraph is null ? 0 : 1) + (c.Indicator is null ? 0 : 1);
            if (anchors > 1)
            {
                errors.Add(new InputError(f, "一条意见只能针对一处：审核发现、报告段落或指标。", "a comment anchors to one thing: a finding, a report paragraph or an indicator."));
                continue;
            }

            if (c.Finding is { } code)
            {
                if (!score.Findings.Any(x => x.Code == code.Trim()))
                {
                    errors.Add(new InputError(f + ".finding", $"这张表没有审核发现 {code}。", $"the table has no finding {code}."));
                    continue;
                }

                comments.Add(new ReviewComment(text, Finding: code.Trim()));
            }
            else if (c.Part is not null || c.Paragraph is not null)
            {
                ReportParagraph? p = paragraphs.FirstOrDefault(x => x.Part == c.Part?.Trim() && x.Index == c.Paragraph);
                if (paragraphs.Count == 0)
                {
                    errors.Add(new InputError(f + ".part", "这一版没有随附报告，不能针对段落提意见。", "this version has no report to comment on a paragraph of."));
                }
                else if (p is null)
                {
                    errors.Add(new InputError(f + ".paragraph", $"报告中没有部分 {c.Part} 的第{c.Paragraph}段（从0数起）。", $"the report has no paragraph {c.Paragraph} in part {c.Part} (counted from 0)."));
                }
                else
                {
                    comments.Add(new ReviewComment(text, Part: p.Part, Paragraph: p.Index, Quote: p.Text.Length > 120 ? p.Text[..120] : p.Text));
                }
            }
            else if (c.Indicator is { } ind)
            {
                if (ind < 0 || ind >= score.Indicators.Count)
                {
                    errors.Add(new InputError(f + ".indicator", $"没有第{ind}项指标（从0数起，共{score.Indicators.Count}项）。", $"there is no indicator {ind} (counted from 0, {score.Indicators.Count} in all)."));
                    continue;
                }

                comments.Add(new ReviewComment(text, Indicator: ind, Quote: score.Indicators[ind].Name));
            }
            else
            {
                comments.Add(new ReviewComment(text));
            }
        }

        // {"indicator":3}, {"indicator":"3"} or {"indicator":"城乡居民满意度"}: the row by its index or its exact name; anything else is no row (-1).
        static int? IndexOf(JsonElement? sent, ScoreResponse score)
        {
            if (sent is not { } e || e.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
            {
                return null;
            }

            if (e.ValueKind == JsonValueKind.Number)
            {
                return e.TryGetInt32(out int n) ? n : -1;
            }

            if (e.ValueKind != JsonValueKind.String)
            {
                return -1;
            }

            string text = e.GetString()!.Trim();
            return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int k) ? k : score.Indicators.ToList().FindIndex(x => x.Name.Trim() == text);
        }

        var scores = new List<ReviewScore>();
        IReadOnlyList<ScoreBody> sent = body.Scores ?? [];
        var seen = new HashSet<int>();
        for (int i = 0; i < sent.Count; i++)
        {
            ScoreBody s = sent[i] ?? new ScoreBody();
            string f = $"scores[{i}]";
            int index = IndexOf(s.Indicator, score) ?? (s.Name is { } name ? score.Indicators.ToList().FindIndex(x => x.Name.Trim() == name.Trim()) : -1);
            if (index < 0 || index >= score.Indicators.Count)
            {
                errors.Add(new InputError(f + ".indicator", "请用序号（从0数起）或完整名称指明指标。", "name the indicator by its index (from 0) or its full name."));
                continue;
            }

            if (!seen.Add(index))
            {
                errors.Add(new InputError(f + ".indicator", "同一指标只能给一个抽评分。", "one 抽评 score per indicator."));
                continue;
            }

            var ind = score.Indicators[index];
            if (!decimal.TryParse(ind.Weight, NumberStyles.Number, CultureInfo.InvariantCulture, out decimal weight))
            {
                errors.Add(new InputError(f + ".indicator", $"指标“{ind.Name}”没有分值，不能抽评打分。", $"indicator {ind.Name} has no weight to score against."));
                continue;
            }

            if (Decimal(s.Score) is not { } value)
            {
                errors.Add(new InputError(f + ".score", "抽评分应是数字，如 8.5。", "score must be a decimal number such as 8.5."));
                continue;
            }

            if (value < 0 || value > weight)
            {
                errors.Add(new InputError(f + ".score", $"抽评分应在0到该指标分值{ind.Weight}之间。", $"score must be between 0 and the indicator's weight {ind.Weight}."));
                continue;
            }

            scores.Add(new ReviewScore(index, ind.Name, value.ToString(CultureInfo.InvariantCulture), ind.Score, ind.Weight!));
        }

        if (errors.Count > 0)
        {
            throw new InputException(errors);
        }

        return (decision, comment, comments, scores);
    }

    private static decimal? Decimal(JsonElement? e)
    {
        if (e is not { } v)
        {
            return null;
        }

        string? text = v.ValueKind switch
        {
            JsonValueKind.Number => v.GetRawText(),
            JsonValueKind.String => v.GetString(),
            _ => null,
        };
        return text is not null && text.Length <= 30
            && decimal.TryParse(text.Trim(), NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out decimal d)
            ? d
            : null;
    }
}
