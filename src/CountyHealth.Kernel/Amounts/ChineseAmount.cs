using System.Text;

namespace CountyHealth.Kernel.Amounts;

/// <summary>
/// An amount in Chinese capitals (大写金额) as receipts and cheques write it, by the People's Bank's writing rules
/// (支付结算办法 附一 正确填写票据和结算凭证的基本规定): 壹贰叁…, 拾佰仟万亿, 元角分; 整 after 元 or 角 when
/// nothing follows; one 零 for a run of zeros inside the number; 零 before the 角 after a zero yuan digit and before the 分 when the 角 is zero.
/// </summary>
public static class ChineseAmount
{
    private const string Digits = "零壹贰叁肆伍陆柒捌玖";
    private static readonly string[] GroupUnits = ["", "万", "亿", "万亿"];
    private static readonly string[] PlaceUnits = ["", "拾", "佰", "仟"];

    /// <summary>1234.5 → 壹仟贰佰叁拾肆元伍角整; 0 → 零元整; a negative amount starts with 负. Rounded to the fen first.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The amount is a thousand trillion yuan or more.</exception>
    public static string Capitals(decimal amount)
    {
        var rounded = Money.Round(Math.Abs(amount));
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(rounded, 1_000_000_000_000_000m, nameof(amount));
        var fen = (long)(rounded * 100);
        var yuan = fen / 100;
        var jiao = (int)(fen / 10 % 10);
        var cents = (int)(fen % 10);
        var s = new StringBuilder(amount < 0 && fen > 0 ? "负" : "");
        if (yuan > 0)
        {
            s.Append(Integer(yuan)).Append('元');
        }
        if (jiao == 0 && cents == 0)
        {
            return (yuan == 0 ? s.Append("零元") : s).Append('整').ToString();
        }
        if (jiao > 0)
        {
            // The bank's own examples write the 零 of a zero yuan digit before the 角 (¥1,680.32 → …捌拾元零叁角贰分).
            if (yuan % 10 == 0 && yuan > 0)
            {
                s.Append('零');
            }
            s.Append(Digits[jiao]).Append('角');
        }
        else if (yuan > 0)
        {
            s.Append('零');
        }
        return (cents > 0 ? s.Append(Digits[cents]).Append('分') : s.Append('整')).ToString();
    }

    private static string Integer(long n)
    {
        var groups = new List<int>();
        for (var rest = n; rest > 0; rest /= 10_000)
        {
            groups.Add((int)(rest % 10_000));
        }
        var s = new StringBuilder();
        var zeroPending = false;
        for (var i = groups.Count - 1; i >= 0; i--)
        {
            var g = groups[i];
            if (g == 0)
            {
                zeroPending = s.Length > 0;
                continue;
            }
            if (s.Length > 0 && (zeroPending || g < 1000))
            {
                s.Append('零');
            }
            s.Append(Group(g)).Append(GroupUnits[i]);
            zeroPending = false;
        }
        return s.ToString();
    }

    // Four digits or fewer: 1010 → 壹仟零壹拾, 1001 → 壹仟零壹; leading and trailing zeros are not written.
    private static string Group(int g)
    {
        var s = new StringBuilder();
        var zero = false;
        for (var place = 3; place >= 0; place--)
        {
            var d = g / (int)Math.Pow(10, place) % 10;
            if (d == 0)
            {
                zero = s.Length > 0;
                continue;
            }
            if (zero)
            {
                s.Append('零');
                zero = false;
            }
            s.Append(Digits[d]).Append(PlaceUnits[place]);
        }
        return s.ToString();
    }
}
