namespace CountyHealth.Pharmacy.Domain;

/// <summary>Stock of one batch (批次) of a drug, in packs.</summary>
internal sealed record BatchStock(Guid BatchId, string BatchNumber, DateOnly ExpiryDate, int QuantityOnHand);

/// <summary>Packs to take from one batch.</summary>
internal sealed record BatchAllocation(Guid BatchId, string BatchNumber, DateOnly ExpiryDate, int Quantity);

/// <summary>The batches to take from, in order, and how many packs could not be covered.</summary>
internal sealed record AllocationResult(IReadOnlyList<BatchAllocation> Allocations, int Shortfall)
{
    public bool IsComplete => Shortfall == 0;
}

/// <summary>First-expiry-first-out (近效期先出) allocation of a quantity over batches.</summary>
internal static class ExpiryFirstAllocation
{
    /// <summary>
    /// Takes <paramref name="quantity"/> packs from the earliest-expiring batches first (ties: lower BatchId first).
    /// Batches that expire on or before <paramref name="today"/> and batches with nothing on hand are never used.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="quantity"/> is not positive.</exception>
    public static AllocationResult Allocate(IEnumerable<BatchStock> batches, int quantity, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(batches);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(quantity);

        var usable = batches
            .Where(b => b.ExpiryDate > today && b.QuantityOnHand > 0)
            .OrderBy(b => b.ExpiryDate)
            .ThenBy(b => b.BatchId);

        var allocations = new List<BatchAllocation>();
        var remaining = quantity;
        foreach (var batch in usable)
        {
            if (remaining == 0)
            {
                break;
            }

            var take = Math.Min(remaining, batch.QuantityOnHand);
            allocations.Add(new BatchAllocation(batch.BatchId, batch.BatchNumber, batch.ExpiryDate, take));
            remaining -= take;
        }

        return new AllocationResult(allocations, remaining);
    }
}

/// <summary>Expiry status of a batch, as the strings used in the UI and API.</summary>
internal static class ExpiryStatus
{
    public const string Expired = "expired";
    public const string Near = "near";
    public const string Ok = "ok";

    public const int DefaultNearDays = 90;

    /// <summary>
    /// "expired" when <paramref name="expiry"/> is on or before <paramref name="today"/>;
    /// "near" when it is within <paramref name="nearDays"/> days after today (inclusive); else "ok".
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="nearDays"/> is negative.</exception>
    public static string Classify(DateOnly expiry, DateOnly today, int nearDays = DefaultNearDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(nearDays);

        var daysLeft = expiry.DayNumber - today.DayNumber;
        if (daysLeft <= 0)
        {
            return Expired;
        }

        return daysLeft <= nearDays ? Near : Ok;
    }
}
