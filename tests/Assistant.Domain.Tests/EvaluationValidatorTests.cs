using Assistant.Domain.Evaluations;
using Assistant.Domain.Numbers;
using Assistant.Features.Evaluations;
using FluentValidation.Results;

namespace Assistant.Domain.Tests;

/// <summary>
/// The validator's precheck (rules skipped for an evaluation every rule passes) gives the same result as
/// the rules themselves, at every limit and on each side of it: same validity, same fields, same
/// Chinese and English messages.
/// </summary>
public class EvaluationValidatorTests
{
    private static readonly EvaluationValidator WithPrecheck = new();
    private static readonly EvaluationValidator RulesOnly = new() { Precheck = false };

    public static TheoryData<string> Cases => new()
    {
        "reference", "synthetic", "title-blank", "title-300", "title-301", "year-null", "year-1989", "year-1990", "year-2100", "year-2101",
        "region-100", "region-101", "indicators-500", "indicators-501", "indicator-name-blank", "indicator-name-300", "indicator-name-301",
        "lines-100", "lines-101", "line-name-blank", "line-name-301", "several",
    };

    /// <summary>
    /// The precheck mirrors these rules by hand: a rule added to the validator and not to
    /// <see cref="EvaluationValidator.PlainlyValid"/> would be skipped for every evaluation the precheck
    /// passes. This list fails first, so whoever adds a rule updates the precheck and the cases above.
    /// </summary>
    [Fact]
    public void TheRules_AreTheOnesThePrecheckMirrors()
    {
        string[] rules = WithPrecheck
            .Select(r => r.PropertyName + ": " + string.Join(", ", r.Components.Select(c => c.Validator.Name)))
            .ToArray();
        Assert.Equal(
            [
                "Title: NotEmptyValidator, MaximumLengthValidator",
                "Year: InclusiveBetweenValidator",
                "Region: MaximumLengthValidator",
                "indicators: LessThanOrEqualValidator",
                "funds.lines: LessThanOrEqualValidator",
                "indicators: ChildValidatorAdaptor",
                "funds.lines: ChildValidatorAdaptor",
            ],
            rules);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Precheck_GivesTheRulesResult(string name)
    {
        Evaluation e = Case(name);
        ValidationResult fast = WithPrecheck.Validate(e), rules = RulesOnly.Validate(e);
        Assert.Equal(rules.IsValid, fast.IsValid);
        Assert.Equal(Validation.Errors(rules), Validation.Errors(fast));
        Assert.Equal(rules.IsValid, EvaluationValidator.PlainlyValid(e));
        bool expectValid = !name.Contains("blank", StringComparison.Ordinal) && !name.EndsWith("301", StringComparison.Ordinal) && !name.EndsWith("101", StringComparison.Ordinal)
            && name is not ("year-1989" or "year-2101" or "indicators-501" or "several");
        Assert.Equal(expectValid, fast.IsValid);
    }

    private static Evaluation Case(string name)
    {
        Evaluation s = SyntheticTables.Project(20);
        Indicator Row(string n) => s.Indicators[0] with { Name = n };
        FundLine Line(string n) => s.Funds.Lines[1] with { Name = n };
        return name switch
        {
            "reference" => SharedData.LoadReference(ReferenceTablesTests.Guangxi),
            "synthetic" => s,
            "title-blank" => s with { Title = " \u3000" },
            "title-300" => s with { Title = new string('题', 300) },
            "title-301" => s with { Title = new string('题', 301) },
            "year-null" => s with { Year = null },
            "year-1989" => s with { Year = 1989 },
            "year-1990" => s with { Year = 1990 },
            "year-2100" => s with { Year = 2100 },
            "year-2101" => s with { Year = 2101 },
            "region-100" => s with { Region = new string('区', 100) },
            "region-101" => s with { Region = new string('区', 101) },
            "indicators-500" => SyntheticTables.Project(500),
            "indicators-501" => SyntheticTables.Project(501),
            "indicator-name-blank" => s with { Indicators = [.. s.Indicators, Row("  ")] },
            "indicator-name-300" => s with { Indicators = [.. s.Indicators, Row(new string('指', 300))] },
            "indicator-name-301" => s with { Indicators = [.. s.Indicators, Row(new string('指', 301))] },
            "lines-100" => s with { Funds = s.Funds with { Lines = [.. s.Funds.Lines, .. Enumerable.Range(0, 97).Select(i => Line($"资金{i}"))] } },
            "lines-101" => s with { Funds = s.Funds with { Lines = [.. s.Funds.Lines, .. Enumerable.Range(0, 98).Select(i => Line($"资金{i}"))] } },
            "line-name-blank" => s with { Funds = s.Funds with { Lines = [.. s.Funds.Lines, Line("")] } },
            "line-name-301" => s with { Funds = s.Funds with { Lines = [.. s.Funds.Lines, Line(new string('资', 301))] } },
            "several" => s with { Title = "", Year = 1800, Indicators = [.. s.Indicators, Row(" ")], Funds = s.Funds with { Lines = [.. s.Funds.Lines, Line(new string('资', 301))] } },
            _ => throw new ArgumentOutOfRangeException(nameof(name)),
        };
    }
}
