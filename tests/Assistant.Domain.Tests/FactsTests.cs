using Assistant.Domain.Facts;

namespace Assistant.Domain.Tests;

public class FactsTests
{
    [Theory]
    [InlineData(ReferenceTablesTests.Entrepreneurship, "funds.lines[0].rate", "80.80%")]
    [InlineData(ReferenceTablesTests.Entrepreneurship, "funds.lines[0].balance", "518.43万元")]
    [InlineData(ReferenceTablesTests.Entrepreneurship, "funds.lines[0].score", "4.04分")]
    [InlineData(ReferenceTablesTests.Entrepreneurship, "indicators[0].gap", "36人")]
    [InlineData(ReferenceTablesTests.Entrepreneurship, "indicators[0].completion", "97.60%")]
    [InlineData(ReferenceTablesTests.Entrepreneurship, "indicators[0].lost", "0.12分")]
    [InlineData(ReferenceTablesTests.Entrepreneurship, "indicators[2].actual", "2.16亿元")]
    [InlineData(ReferenceTablesTests.Entrepreneurship, "total", "89.47分")]
    [InlineData(ReferenceTablesTests.ServiceDemo, "total", "91.97分")]
    [InlineData(ReferenceTablesTests.ServiceDemo, "levels[产出指标].score", "46.20分")]
    [InlineData(ReferenceTablesTests.Internship, "weightTotal", "105分")]
    [InlineData(ReferenceTablesTests.Guangxi, "funds.lines[3].rate", "89.11%")]
    [InlineData(ReferenceTablesTests.Guangxi, "funds.lines[1].share.budget", "72.40%")]
    [InlineData(ReferenceTablesTests.Guangxi, "funds.lines[0].balance", "53550万元")]
    [InlineData(ReferenceTablesTests.Guangxi, "indicators[11].completion", "135.17%")]
    [InlineData(ReferenceTablesTests.Guangxi, "indicators[11].gap", "10.55万人")]
    [InlineData(ReferenceTablesTests.Guangxi, "indicators[11].excess", "35.17个百分点")]
    [InlineData(ReferenceTablesTests.Guangxi, "indicators[0].actual", "20.72万人次")]
    [InlineData(ReferenceTablesTests.Guangxi, "count.indicators", "17项")]
    public void Fact_HasIdValueAndUnit(string table, string id, string text)
    {
        FactSheet sheet = FactSheet.Build(SharedData.LoadReference(table));
        Fact fact = Assert.Single(sheet.Facts, f => f.Id == id);
        Assert.Equal(text, fact.Text);
    }

    [Theory]
    [MemberData(nameof(ReferenceTablesTests.AllTables), MemberType = typeof(ReferenceTablesTests))]
    public void Facts_HaveUniqueIds_AndKeepExactValues(string table)
    {
        FactSheet sheet = FactSheet.Build(SharedData.LoadReference(table));
        Assert.Equal(sheet.Facts.Count, sheet.Facts.Select(f => f.Id).Distinct(StringComparer.Ordinal).Count());
        Fact rate = sheet.Facts.First(f => f.Id == "funds.lines[0].rate");
        var line = sheet.Evaluation.Funds.Lines[0];
        Assert.Equal(line.Executed!.Value.Value / line.Budget!.Value.Value * 100m, rate.Value); // unrounded
        Assert.True(sheet.Facts.Count > 30);
    }
}
