namespace CountyHealth.Tests.Support;

/// <summary>
/// The access scope's rule restated independently for the walks that check the server against the matrix: whether a
/// reach (<c>own</c>, <c>below</c>, <c>county</c>; anything else is none) from the user's institution covers a record
/// kept at another, over the institution tree given as child → parent.
/// </summary>
public static class ReachRule
{
    public static bool Covers(string reach, IReadOnlyDictionary<Guid, Guid?> parents, Guid own, Guid record) => reach.ToLowerInvariant() switch
    {
        "county" => true,
        "below" => IsAtOrBelow(record, own, parents),
        "own" => record == own,
        _ => false,
    };

    private static bool IsAtOrBelow(Guid record, Guid own, IReadOnlyDictionary<Guid, Guid?> parents)
    {
        Guid? at = record;
        for (var depth = 0; at is { } current && depth < 16; depth++)
        {
            if (current == own)
            {
                return true;
            }
            at = parents.GetValueOrDefault(current);
        }
        return false;
    }
}
