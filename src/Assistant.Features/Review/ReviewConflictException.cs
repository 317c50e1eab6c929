namespace Assistant.Features.Review;

/// <summary>A step the submission's state does not allow (HTTP 409), naming the field and saying why in Chinese and English.</summary>
public sealed class ReviewConflictException(string field, string zh, string en) : Exception($"{field}: {en}")
{
    public string Field { get; } = field;

    public string Zh { get; } = zh;

    public string En { get; } = en;
}
