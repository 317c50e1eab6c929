using Assistant.Domain.Facts;

namespace Assistant.Domain.Conversation;

public static partial class TableAnswers
{
    /// <summary>
    /// What a 【待核实】 marker in a draft or an answer means, and what to do about it: the assistant writes a number
    /// only when it agrees with the table; any other number is held back and the marker stands in its place.
    /// </summary>
    public static OfflineAnswer Pending(FactSheet sheet)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        var w = new AnswerWriter(sheet);
        w.Line("【待核实】表示这里原本有一个数字，但它与自评表核对不上（表中没有这个数、与表中的数不一致，或由表中的数算不出来），所以没有直接写出，而是用【待核实】标出。");
        w.Line("草稿和回答中的其他数字都已与自评表逐一核对，可以直接使用。");
        w.Line("处理办法：对照自评表，把【待核实】处改成表中的数字，或删去这句话；如果是自评表本身填错了，请先改正自评表再重新起草。");
        w.Line("起草后的回答会说明有几处【待核实】、分别在第几段；也可以在右侧草稿中直接查找“【待核实】”。");
        return w.Done();
    }
}
