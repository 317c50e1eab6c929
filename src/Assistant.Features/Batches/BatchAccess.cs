using Assistant.Features.Units;

namespace Assistant.Features.Batches;

/// <summary>
/// Who may see a batch (and any job): a caller whose scope covers the uploading unit, so a reviewer
/// sees the batches of every unit beneath it and a unit key (or a sibling) only its own.
/// </summary>
public static class BatchAccess
{
    public static bool CanSee(UnitScope caller, string ownerUnit)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return caller.Covers(ownerUnit);
    }
}
