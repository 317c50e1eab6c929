using Assistant.Domain.Drafting;
using Assistant.Domain.Facts;
using Assistant.Domain.Reporting;
using Assistant.Domain.Verification;
using Xunit.Abstractions;

namespace Assistant.Domain.Tests;

public class ReportComposerTests(ITestOutputHelper output)
{
    public static TheoryData<string> Tables() =>
    [
        "zhongwei-2024-entrepreneurship-fund",
        "zhongwei-2024-employment-service-demo",
        "zhongwei-2024-internship-subsidy",
        "zhongwei-2024-employment-operating-funds",
        "guangxi-2024-employment-transfer",
    ];

    private static readonly string[] ComposedKeys = [ReportParts.Targets, ReportParts.Performance, ReportParts.Application, ReportParts.Other];

    [Theory]
    [MemberData(nameof(Tables))]
    public void EveryComposedPart_VerifiesCleanly_AndIsSubmittable(string table)
    {
        FactSheet sheet = ReportFacts.Extend(FactSheet.Build(SharedData.LoadReference(table)));
        var precedents = new[] { new ReportPrecedent(1, "某县就业补助资金绩效自评报告", "二、绩效情况分析/（二）资金管理情况分析", "分配科学性方面，资金按因素法分配。") };
        foreach (string key in ComposedKeys)
        {
            ComposedPart part = ReportComposer.Compose(key, sheet, precedents);
            RenderedDraft rendered = DraftText.Render(part.Draft, sheet, precedents.Length);
            Assert.Empty(rendered.UnknownFactIds);
            VerificationReport report = Verifier.Verify(sheet, rendered.Text);
            output.WriteLine(rendered.Text);
            Assert.True(report.IsClean, $"{table}/{key}: " + string.Join("; ", DraftText.Problems(report).Select(p => p.Reason)));
            Assert.True(ReportText.IsSubmittable(rendered.Text), rendered.Text);
            Assert.StartsWith(ReportParts.Get(key).Heading, rendered.Text, StringComparison.Ordinal);
            if (key != ReportParts.Other)
            {
                Assert.NotEmpty(part.Notes);
            }
        }
    }
}
