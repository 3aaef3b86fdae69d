using System.Globalization;
using CountyHealth.Outpatient.Domain;
using Xunit;

namespace CountyHealth.Tests.Unit.Outpatient;

public sealed class DispenseQuantityTests
{
    private static decimal D(string value) => decimal.Parse(value, NumberStyles.Number, CultureInfo.InvariantCulture);

    private static Frequency F(string code) => Frequencies.Find(code) ?? throw new InvalidOperationException(code);

    [Theory]
    // Amlodipine 5 mg tablets, 7 per box.
    [InlineData("5", "5", 7, "qd", 14, 14, 2)]
    [InlineData("10", "5", 7, "qd", 7, 14, 2)]
    [InlineData("2.5", "5", 7, "qd", 7, 7, 1)] // half a tablet is dispensed as a whole tablet
    [InlineData("5", "5", 7, "qd", 7, 7, 1)] // exactly one box
    [InlineData("5", "5", 7, "qd", 8, 8, 2)] // one tablet over a box
    [InlineData("5", "5", 7, "qd", 1, 1, 1)]
    [InlineData("5.001", "5", 7, "qd", 7, 14, 2)] // a hair over one tablet needs two
    [InlineData("7.5", "5", 7, "qd", 7, 14, 2)]
    [InlineData("15", "5", 7, "qd", 7, 21, 3)]
    // Metformin 500 mg tablets, 20 per box.
    [InlineData("500", "500", 20, "tid", 7, 21, 2)]
    [InlineData("500", "500", 20, "bid", 10, 20, 1)]
    [InlineData("1000", "500", 20, "bid", 10, 40, 2)]
    // Strength given in g while dose in g: 0.25 g capsules, 24 per box.
    [InlineData("0.5", "0.25", 24, "qid", 3, 24, 1)]
    [InlineData("0.3", "0.1", 10, "qd", 1, 3, 1)]
    public void Compute_Examples(string dose, string strength, int packSize, string frequency, int days, int expectedBaseUnits, int expectedPacks)
    {
        var result = DispenseQuantity.Compute(D(dose), D(strength), packSize, F(frequency), days);

        Assert.Equal(new DispenseResult(expectedBaseUnits, expectedPacks), result);
    }

    [Theory]
    [InlineData("qd", 10, 10)]
    [InlineData("bid", 5, 10)]
    [InlineData("tid", 5, 15)]
    [InlineData("qid", 3, 12)]
    [InlineData("qn", 10, 10)]
    [InlineData("q8h", 2, 6)]
    [InlineData("q12h", 3, 6)]
    [InlineData("prn", 3, 3)]
    [InlineData("qod", 1, 1)]
    [InlineData("qod", 2, 1)]
    [InlineData("qod", 6, 3)]
    [InlineData("qod", 7, 4)]
    [InlineData("qw", 1, 1)]
    [InlineData("qw", 6, 1)]
    [InlineData("qw", 7, 1)]
    [InlineData("qw", 8, 2)]
    [InlineData("qw", 14, 2)]
    [InlineData("qw", 15, 3)]
    [InlineData("qw", 28, 4)]
    [InlineData("qw", 70, 10)]
    [InlineData("qw", 364, 52)]
    [InlineData("st", 1, 1)]
    [InlineData("st", 3, 1)]
    [InlineData("st", 30, 1)]
    public void Compute_AdministrationsFollowFrequency(string frequency, int days, int expectedAdministrations)
    {
        // One tablet per administration, one tablet per pack: base units and packs both equal the administrations.
        var result = DispenseQuantity.Compute(1m, 1m, 1, F(frequency), days);

        Assert.Equal(expectedAdministrations, result.BaseUnits);
        Assert.Equal(expectedAdministrations, result.Packs);
    }

    [Fact]
    public void Compute_StatDoseOfTwoTablets_IsTwoTablets()
    {
        var result = DispenseQuantity.Compute(10m, 5m, 10, Frequencies.St, 5);

        Assert.Equal(new DispenseResult(2m, 1), result);
    }

    [Fact]
    public void Compute_LongCourse_DoesNotLosePrecision()
    {
        var result = DispenseQuantity.Compute(5m, 5m, 1, Frequencies.Tid, 10_000);

        Assert.Equal(new DispenseResult(30_000m, 30_000), result);
    }

    [Theory]
    [InlineData("0", "5", 7, 7, "dose")]
    [InlineData("-1", "5", 7, 7, "dose")]
    [InlineData("5", "0", 7, 7, "doseUnitsPerBaseUnit")]
    [InlineData("5", "-0.5", 7, 7, "doseUnitsPerBaseUnit")]
    [InlineData("5", "5", 0, 7, "baseUnitsPerPack")]
    [InlineData("5", "5", -7, 7, "baseUnitsPerPack")]
    [InlineData("5", "5", 7, 0, "days")]
    [InlineData("5", "5", 7, -1, "days")]
    public void Compute_NonPositiveInput_Throws(string dose, string strength, int packSize, int days, string parameter)
    {
        Assert.Throws<ArgumentOutOfRangeException>(parameter, () => DispenseQuantity.Compute(D(dose), D(strength), packSize, Frequencies.Qd, days));
    }

    [Fact]
    public void Compute_StatStillRequiresPositiveDays()
    {
        Assert.Throws<ArgumentOutOfRangeException>("days", () => DispenseQuantity.Compute(5m, 5m, 7, Frequencies.St, 0));
    }

    [Fact]
    public void Compute_NullFrequency_Throws()
    {
        Assert.Throws<ArgumentNullException>("frequency", () => DispenseQuantity.Compute(5m, 5m, 7, null!, 7));
    }

    [Fact]
    public void Compute_PackCountBeyondInt_Throws()
    {
        Assert.Throws<OverflowException>(() => DispenseQuantity.Compute(1e15m, 1m, 1, Frequencies.Qid, 1_000));
    }

    [Fact]
    public void Compute_RandomPrescriptions_SatisfyInvariants()
    {
        var random = new Random(42);
        for (var n = 0; n < 10_000; n++)
        {
            var strength = random.Next(1, 2001) / 10m; // 0.1 .. 200.0
            var dose = random.Next(1, 4001) / 10m;
            var packSize = random.Next(1, 101);
            var frequency = Frequencies.All[random.Next(Frequencies.All.Count)];
            var days = random.Next(1, 91);

            var result = DispenseQuantity.Compute(dose, strength, packSize, frequency, days);
            var context = $"{dose}/{strength} x{packSize} {frequency.Code} {days}d -> {result}";

            var administrations = frequency.Once ? 1 : (int)Math.Ceiling(Math.Round(frequency.AdministrationsPerDay * days, 6));
            var perAdministration = result.BaseUnits / administrations;

            Assert.True(result.BaseUnits == decimal.Truncate(result.BaseUnits), context);
            Assert.True(perAdministration == decimal.Truncate(perAdministration), context);
            Assert.True(perAdministration * strength >= dose, context); // enough for every dose
            Assert.True((perAdministration - 1) * strength < dose, context); // but not a whole base unit more
            Assert.True(result.Packs * packSize >= result.BaseUnits, context); // packs cover the base units
            Assert.True((result.Packs - 1) * packSize < result.BaseUnits, context); // with no spare pack
        }
    }
}

public sealed class FrequenciesTests
{
    [Theory]
    [InlineData("qd", "每日一次", "1", false)]
    [InlineData("bid", "每日两次", "2", false)]
    [InlineData("tid", "每日三次", "3", false)]
    [InlineData("qid", "每日四次", "4", false)]
    [InlineData("qn", "每晚一次", "1", false)]
    [InlineData("q8h", "每8小时一次", "3", false)]
    [InlineData("q12h", "每12小时一次", "2", false)]
    [InlineData("qod", "隔日一次", "0.5", false)]
    [InlineData("st", "立即", "1", true)]
    [InlineData("prn", "必要时", "1", false)]
    public void Find_KnownCodes(string code, string chineseName, string perDay, bool once)
    {
        var frequency = Frequencies.Find(code);

        Assert.NotNull(frequency);
        Assert.Equal(code, frequency.Code);
        Assert.Equal(chineseName, frequency.ChineseName);
        Assert.Equal(decimal.Parse(perDay, CultureInfo.InvariantCulture), frequency.AdministrationsPerDay);
        Assert.Equal(once, frequency.Once);
    }

    [Fact]
    public void Find_Weekly_IsOneSeventhPerDay()
    {
        var frequency = Frequencies.Find("qw");

        Assert.NotNull(frequency);
        Assert.Equal("每周一次", frequency.ChineseName);
        Assert.Equal(1m, Math.Round(frequency.AdministrationsPerDay * 7, 20));
        Assert.False(frequency.Once);
    }

    [Theory]
    [InlineData("QD", "qd")]
    [InlineData("Tid", "tid")]
    [InlineData(" bid ", "bid")]
    [InlineData("Q12H", "q12h")]
    public void Find_IgnoresCaseAndSurroundingWhitespace(string input, string expectedCode)
    {
        Assert.Equal(expectedCode, Frequencies.Find(input)?.Code);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("q6h")]
    [InlineData("qdd")]
    [InlineData("每日一次")]
    [InlineData("q.d.")]
    public void Find_UnknownCodes_ReturnNull(string code)
    {
        Assert.Null(Frequencies.Find(code));
    }

    [Fact]
    public void All_HasDistinctCodes_AndOnlyStatIsOnce()
    {
        Assert.Equal(Frequencies.All.Count, Frequencies.All.Select(f => f.Code).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Equal(["st"], Frequencies.All.Where(f => f.Once).Select(f => f.Code));
        Assert.All(Frequencies.All, f => Assert.True(f.AdministrationsPerDay > 0, f.Code));
        Assert.All(Frequencies.All, f => Assert.Same(f, Frequencies.Find(f.Code)));
    }
}
