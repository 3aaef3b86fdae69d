using CountyHealth.Outpatient.Domain;
using Xunit;

namespace CountyHealth.Tests.Unit.Outpatient;

public sealed class PrescriptionTypeTests
{
    [Theory]
    [InlineData(45, "内科", false, false, (int)PrescriptionType.Ordinary)]
    [InlineData(13, "全科", false, false, (int)PrescriptionType.Paediatric)]
    [InlineData(14, "全科", false, false, (int)PrescriptionType.Ordinary)]
    [InlineData(0, "儿科", false, false, (int)PrescriptionType.Paediatric)]
    [InlineData(8, "急诊科", false, false, (int)PrescriptionType.Emergency)]
    [InlineData(60, "急诊", false, false, (int)PrescriptionType.Emergency)]
    [InlineData(8, "急诊科", true, false, (int)PrescriptionType.NarcoticOrFirstClass)]
    [InlineData(50, "内科", false, true, (int)PrescriptionType.SecondClassPsychotropic)]
    public void Controlled_drugs_then_emergency_then_children_decide_the_type(int age, string department, bool narcotic, bool second, int expected) =>
        Assert.Equal((PrescriptionType)expected, PrescriptionTypes.For(age, department, narcotic, second));

    [Fact]
    public void Each_type_prints_on_its_paper_with_its_mark()
    {
        Assert.Equal(("普通处方", "#ffffff", (string?)null), Tuple(PrescriptionType.Ordinary));
        Assert.Equal(("急诊处方", "急诊"), (PrescriptionTypes.Style(PrescriptionType.Emergency).Name, PrescriptionTypes.Style(PrescriptionType.Emergency).CornerMark));
        Assert.Equal("儿科", PrescriptionTypes.Style(PrescriptionType.Paediatric).CornerMark);
        Assert.Equal("麻、精一", PrescriptionTypes.Style(PrescriptionType.NarcoticOrFirstClass).CornerMark);
        Assert.Equal(("精二", "#ffffff"), (PrescriptionTypes.Style(PrescriptionType.SecondClassPsychotropic).CornerMark, PrescriptionTypes.Style(PrescriptionType.SecondClassPsychotropic).Paper));
        Assert.Equal(5, Enum.GetValues<PrescriptionType>().Select(t => PrescriptionTypes.Style(t).Name).Distinct().Count());
    }

    private static (string, string, string?) Tuple(PrescriptionType t) => (PrescriptionTypes.Style(t).Name, PrescriptionTypes.Style(t).Paper, PrescriptionTypes.Style(t).CornerMark);
}
