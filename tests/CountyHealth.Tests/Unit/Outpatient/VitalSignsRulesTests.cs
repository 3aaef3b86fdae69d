using CountyHealth.Outpatient.Domain;
using Xunit;

namespace CountyHealth.Tests.Unit.Outpatient;

public sealed class VitalSignsRulesTests
{
    private static IReadOnlyDictionary<string, string[]> Errors(int? sbp = null, int? dbp = null, decimal? temp = null, int? pulse = null,
        decimal? weight = null, decimal? height = null, decimal? glucose = null, int? resp = null) =>
        VitalSignsRules.Validate(new VitalSigns(sbp, dbp, temp, pulse, resp, weight, height, glucose)).ToDictionary();

    [Fact]
    public void Blood_pressure_of_400_over_20_names_both_fields_in_Chinese()
    {
        var e = Errors(400, 20);
        Assert.Equal("收缩压应在60～300mmHg之间", Assert.Single(e["systolicBp"]));
        Assert.Equal("舒张压应在30～200mmHg之间", Assert.Single(e["diastolicBp"]));
    }

    [Theory]
    [InlineData(60, 30, true)]
    [InlineData(300, 200, true)]
    [InlineData(59, 40, false)]
    [InlineData(301, 90, false)]
    [InlineData(120, 29, false)]
    [InlineData(250, 201, false)]
    public void Blood_pressure_limits_are_inclusive(int sbp, int dbp, bool valid) =>
        Assert.Equal(valid, Errors(sbp, dbp).Count == 0);

    [Fact]
    public void Diastolic_must_be_below_systolic() =>
        Assert.Equal("舒张压应低于收缩压", Assert.Single(Errors(90, 90)["diastolicBp"]));

    [Fact]
    public void Half_a_blood_pressure_is_refused() =>
        Assert.Contains("同时填写", Assert.Single(Errors(sbp: 130)["diastolicBp"]), StringComparison.Ordinal);

    [Theory]
    [InlineData(34.0, true)]
    [InlineData(43.0, true)]
    [InlineData(33.9, false)]
    [InlineData(43.1, false)]
    public void Temperature_limits(double t, bool valid) => Assert.Equal(valid, !Errors(temp: (decimal)t).ContainsKey("temperature"));

    [Fact]
    public void Other_signs_are_checked_by_their_own_field()
    {
        var e = Errors(pulse: 300, weight: 0.1m, height: 400, glucose: 50, resp: 2);
        Assert.Equal(["pulse", "respiratoryRate", "weightKg", "heightCm", "fastingGlucose"], e.Keys.ToArray());
    }

    [Fact]
    public void Nothing_entered_is_valid() => Assert.Empty(Errors());

    [Theory]
    [InlineData(70, 170, 24.2)]
    [InlineData(50, 160, 19.5)]
    public void Bmi_is_weight_over_height_squared(double kg, double cm, double expected) =>
        Assert.Equal((decimal)expected, VitalSignsRules.Bmi((decimal)kg, (decimal)cm));

    [Fact]
    public void Bmi_needs_both_height_and_weight() => Assert.Null(VitalSignsRules.Bmi(70, null));
}
