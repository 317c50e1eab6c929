namespace Assistant.Features.Review;

/// <summary>No such record for the caller (HTTP 404): another unit's, a sibling's or a parent's rows do not exist for it.</summary>
public sealed class ReviewNotFoundException(string what, object id) : Exception($"{what} {id}")
{
    public string What { get; } = what;

    public object Id { get; } = id;
}
