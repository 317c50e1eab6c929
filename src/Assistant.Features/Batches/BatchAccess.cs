namespace Assistant.Features.Batches;

/// <summary>
/// Who may see a batch (and any job): today the caller of the batch's own unit. The one place to make it
/// a subtree check (a reviewer sees the batches of every unit beneath it) when units form a hierarchy.
/// </summary>
public static class BatchAccess
{
    public static bool CanSee(string callerUnit, string ownerUnit) => string.Equals(callerUnit, ownerUnit, StringComparison.Ordinal);
}
