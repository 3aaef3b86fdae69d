using CountyHealth.Billing.Domain;
using CountyHealth.Kernel.Amounts;
using Xunit;

namespace CountyHealth.Tests.Unit.Billing;

public sealed class MoneyRulesTests
{
    [Theory]
    [InlineData("2", "13.50", "27.00")]
    [InlineData("3", "0.335", "1.01")] // 1.005 rounds half away from zero to 1.01, not to even 1.00
    [InlineData("1", "0.005", "0.01")]
    [InlineData("0.5", "0.01", "0.01")]
    [InlineData("7", "0", "0")]
    public void Line_amount_is_rounded_to_the_fen(string qty, string price, string expected) =>
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            Money.LineAmount(decimal.Parse(qty, System.Globalization.CultureInfo.InvariantCulture), decimal.Parse(price, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Money_is_shown_in_yuan_with_two_decimals() => Assert.Equal("¥1,234.50", Money.Format(1234.5m));

    [Fact]
    public void Settlement_sums_payments_and_refunds_by_method()
    {
        var s = CashierSettlement.Summarise(
        [
            new(PaymentMethod.Cash, 10.00m, false),
            new(PaymentMethod.Cash, 27.00m, false),
            new(PaymentMethod.WeChat, 13.50m, false),
            new(PaymentMethod.Cash, 27.00m, true),
            new(PaymentMethod.Alipay, 0.01m, false),
        ]);
        var cash = s.Lines.Single(l => l.Method == PaymentMethod.Cash);
        Assert.Equal((2, 37.00m, 1, 27.00m, 10.00m), (cash.PaymentCount, cash.Payments, cash.RefundCount, cash.Refunds, cash.Net));
        Assert.Equal("现金", cash.MethodName);
        Assert.Equal(13.50m, s.Lines.Single(l => l.Method == PaymentMethod.WeChat).Net);
        Assert.Equal(0m, s.Lines.Single(l => l.Method == PaymentMethod.BankCard).Net);
        Assert.Equal((50.51m, 27.00m, 23.51m), (s.TotalPayments, s.TotalRefunds, s.Net));
        Assert.Equal(4, s.Lines.Count);
    }

    [Fact]
    public void An_empty_day_settles_to_zero()
    {
        var s = CashierSettlement.Summarise([]);
        Assert.Equal(0m, s.Net);
        Assert.All(s.Lines, l => Assert.Equal(0, l.PaymentCount));
    }
}
