using System.Text.Json;
using Assistant.Features.Records;

namespace Assistant.Api.Tests;

/// <summary>A turn that asks two things at once answers both, through the tools, every number verified.</summary>
public class CompoundConversationTests(CorpusApiFactory factory) : IClassFixture<CorpusApiFactory>
{
    [Theory]
    [InlineData("zhongwei-2024-entrepreneurship-fund", "总分多少？哪些指标没完成？", new[] { "总分89.47分", "享受公益性岗位补贴人员数量" })]
    [InlineData("zhongwei-2024-internship-subsidy", "执行率多少，另外完成率低于60%的有哪些", new[] { "19.50%", "机关事业单位实习生数量", "完成率不到60%" })]
    [InlineData("zhongwei-2024-employment-service-demo", "超过目标值一倍的有哪些？总分多少？", new[] { "创建技能大师工作室数量", "完成率大于200%", "总分" })]
    public async Task EveryPart_IsAnswered_AndVerified(string table, string message, string[] said)
    {
        await factory.SeedAsync();
        HttpClient client = factory.ClientFor(ApiRoles.Admin, ApiFactory.Unit);
        Guid evaluation = await client.StoreAsync(table);
        Guid conversation = await client.StartAsync(evaluation);
        IReadOnlyList<Sse> events = await client.AskAsync(conversation, message);
        foreach (string s in said)
        {
            Assert.Contains(s, events.Said(), StringComparison.Ordinal);
        }

        Assert.True(events.Done().GetProperty("held").GetInt32() == 0, string.Join("\n", events.Of("sentence").Where(x => x.GetProperty("held").GetArrayLength() > 0).Select(x => x.GetRawText())));
        Assert.All(events.Of("tool"), t => Assert.Equal("get_score", t.GetProperty("name").GetString()));
    }
}
