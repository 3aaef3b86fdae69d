using System.Globalization;

namespace CountyHealth.Kernel.Amounts;

/// <summary>Money arithmetic: decimal, rounded half away from zero to the fen (分), as Chinese receipts are.</summary>
public static class Money
{
    /// <summary>Quantity × unit price, rounded to the fen.</summary>
    public static decimal LineAmount(decimal quantity, decimal unitPrice) => Round(quantity * unitPrice);

    public static decimal Round(decimal amount) => decimal.Round(amount, 2, MidpointRounding.AwayFromZero);

    /// <summary>"¥1,234.50".</summary>
    public static string Format(decimal amount) => "¥" + amount.ToString("#,##0.00", CultureInfo.InvariantCulture);

    /// <summary>"1234.50", for tables whose column says ¥.</summary>
    public static string Plain(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);
}
